"""Time and peak memory of rendering PDF reports (a benchmark, not a test).

    .venv/bin/python bench/reports_bench.py
    .venv/bin/python bench/reports_bench.py --existing [--json]

Without options: builds, inside a transaction that is rolled back, a guideline of about 40
pages and an action plan with 10 indicators measured over 8 periods, renders each PDF the way
the worker does and prints seconds, pages and the process's peak memory. Uses the configured
database (SQLite by default; run `make run` once first so it exists).

With ``--existing``: renders the four report kinds from what the database holds, each time the
heaviest of its kind (the guideline with most sections, the plan with most actions and
indicators, the latest published work plan, the meeting with the longest agenda); bench/run.py
runs it this way on the large generated data set. ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
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
from django.db.models import Count  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from actionplans.models import ActionPlan, Indicator, Measurement  # noqa: E402
from actionplans.services import progress_update_save, progress_update_submit  # noqa: E402
from cities.models import City  # noqa: E402
from meetings.models import Meeting  # noqa: E402
from objectives.models import WorkPlan  # noqa: E402
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


def _render(kind: str, object_id: int | None = None, year: int | None = None):
    """Seconds, pages and bytes of one report, rendered the way the worker renders it."""
    report = Report(kind=kind, object_id=object_id, year=year, language="en")
    started = time.perf_counter()
    with translation.override("en"):
        source = report_source(report)
        context = {**source.context, "report_title": source.title, "language": "en"}
        html = render_to_string(source.template, context)
    pdf = html_to_pdf(html)
    seconds = time.perf_counter() - started
    return seconds, len(PdfReader(io.BytesIO(pdf)).pages), len(pdf)


def synthetic() -> list[tuple]:
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
            update = progress_update_save(plan=plan, update=None, data=data, by=None)
            progress_update_submit(update=update, by=None)

        rows = [
            ("guideline (37 sections)", *_render("guideline", guideline.pk)),
            ("progress report (10 indicators x 8 periods)", *_render("plan_progress", plan.pk)),
        ]
        transaction.set_rollback(True)
    return rows


def existing() -> list[tuple]:
    """The four kinds, each for the heaviest subject of its kind in the database."""
    rows = []
    guideline = (
        Guideline.objects.filter(status="published")
        .annotate(n=Count("sections"))
        .order_by("-n", "pk")
        .first()
    )
    if guideline:
        name = f"guideline ({guideline.n} sections)"
        rows.append((name, *_render("guideline", guideline.pk), _peak_mb()))
    plans = ActionPlan.objects.annotate(
        n_actions=Count("actions", distinct=True),
        n_indicators=Count("indicators", distinct=True),
        n_updates=Count("updates", distinct=True),
    ).order_by("-n_actions", "-n_indicators", "-n_updates", "pk")
    # A report compares two periods when there are two updates: prefer such a plan.
    plan = plans.filter(n_updates__gte=2).first() or plans.first()
    if plan:
        name = (
            f"progress report ({plan.n_actions} actions, {plan.n_indicators} indicators, "
            f"{plan.n_updates} updates)"
        )
        rows.append((name, *_render("plan_progress", plan.pk), _peak_mb()))
    work_plan = WorkPlan.objects.filter(is_published=True).order_by("-year").first()
    if work_plan:
        name = f"work plan {work_plan.year} and achievements {work_plan.year - 1}"
        rows.append((name, *_render("work_plan", year=work_plan.year), _peak_mb()))
    meeting = (
        Meeting.objects.filter(published_at__isnull=False)
        .annotate(n=Count("items"))
        .order_by("-n", "pk")
        .first()
    )
    if meeting:
        name = f"meeting agenda ({meeting.n} items)"
        rows.append((name, *_render("meeting_agenda", meeting.pk), _peak_mb()))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--existing", action="store_true", help="render the database's own data")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    started_mb = _peak_mb()
    rows = existing() if args.existing else [(*row, _peak_mb()) for row in synthetic()]
    if args.json:
        print(
            json.dumps(
                {
                    "reports": [
                        {"report": name, "seconds": round(seconds, 3), "pages": pages,
                         "kib": size // 1024, "peak_rss_mb": round(peak, 1)}
                        for name, seconds, pages, size, peak in rows
                    ],
                    "rss_before_mb": round(started_mb, 1),
                    "peak_rss_mb": round(_peak_mb(), 1),
                }
            )
        )  # fmt: skip
        return
    print(f"{'report':<60} {'seconds':>8} {'pages':>6} {'KiB':>7} {'peak MB':>8}")
    for name, seconds, pages, size, peak in rows:
        print(f"{name:<60} {seconds:>8.2f} {pages:>6} {size // 1024:>7} {peak:>8.0f}")
    print(f"peak memory of the process: {_peak_mb():.0f} MB (before rendering {started_mb:.0f})")


if __name__ == "__main__":
    main()
