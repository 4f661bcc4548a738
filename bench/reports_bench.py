"""Time and peak memory of rendering the two heaviest PDF reports (a benchmark, not a test).

    .venv/bin/python bench/reports_bench.py

Builds, inside a transaction that is rolled back, a guideline of about 40 pages and an action
plan with 10 indicators measured over 8 periods, renders each PDF the way the worker does and
prints seconds, pages and the process's peak memory. Uses the configured database (SQLite by
default; run `make run` once first so it exists).
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roma_wg.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from actionplans.models import ActionPlan, Indicator, Measurement  # noqa: E402
from actionplans.services import update_save, update_submit  # noqa: E402
from cities.models import City  # noqa: E402
from practices.models import Guideline, GuidelineSection, Recommendation  # noqa: E402
from reports.models import Report  # noqa: E402
from reports.pdf import html_to_pdf  # noqa: E402
from reports.selectors import report_source  # noqa: E402

PARAGRAPH = (
    "<p>Cities combine housing, schooling, employment and health measures so that families "
    "leaving informal settlements find stable homes, children stay in school and adults find "
    "work. Peers from other cities review each step and the plan is adjusted every year.</p>"
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _render(kind: str, object_id: int) -> tuple[float, int, int]:
    report = Report(kind=kind, object_id=object_id, language="en")
    started = time.perf_counter()
    with translation.override("en"):
        source = report_source(report)
        context = {**source.context, "report_title": source.title, "language": "en"}
        html = render_to_string(source.template, context)
    pdf = html_to_pdf(html)
    seconds = time.perf_counter() - started
    return seconds, len(PdfReader(io.BytesIO(pdf)).pages), len(pdf)


def main() -> None:
    city = City.objects.order_by("pk").first()
    if city is None:
        sys.exit("No city in the database: run `make run` once (it loads the demo data).")
    with transaction.atomic():
        guideline = Guideline.objects.create(
            title="Benchmark guideline", slug="benchmark-guideline", topic="Housing",
            introduction=PARAGRAPH * 3, status="published",
        )  # fmt: skip
        for n in range(37):
            section = GuidelineSection.objects.create(
                guideline=guideline, order=n, title=f"Section {n + 1}", body=PARAGRAPH * 5
            )
            Recommendation.objects.bulk_create(
                Recommendation(section=section, order=r, text=f"Recommendation {r + 1}.")
                for r in range(4)
            )
        plan = ActionPlan.objects.create(city=city, title="Benchmark plan", topic="housing")
        start = date(2019, 1, 1)
        for i in range(10):
            indicator = Indicator.objects.create(
                plan=plan, name=f"Indicator {i + 1}", unit="%", baseline_value=10,
                baseline_year=2018, target_value=60, target_year=2023,
            )  # fmt: skip
            Measurement.objects.bulk_create(
                Measurement(
                    indicator=indicator, date=start + timedelta(days=183 * p), value=10 + 5 * p
                )
                for p in range(8)
            )
        for p in range(8):
            period_start = start + timedelta(days=183 * p)
            data = {
                "period_label": f"Period {p + 1}",
                "period_start": period_start,
                "period_end": period_start + timedelta(days=182),
                "narrative": "Progress.",
            }
            update = update_save(plan=plan, update=None, data=data)
            update_submit(update=update, by=None)

        rows = [
            ("guideline (37 sections)", *_render("guideline", guideline.pk)),
            ("progress report (10 indicators x 8 periods)", *_render("plan_progress", plan.pk)),
        ]
        transaction.set_rollback(True)
    print(f"{'report':<46} {'seconds':>8} {'pages':>6} {'KiB':>7}")
    for name, seconds, pages, size in rows:
        print(f"{name:<46} {seconds:>8.2f} {pages:>6} {size // 1024:>7}")
    print(f"peak memory of the process: {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
