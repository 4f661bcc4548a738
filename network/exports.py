"""The dashboard's data as CSV: one row per indicator linked to an EU target, for the same plans
and filters as the page. Counts of people below 10 are written as on the page."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from actionplans.templatetags.actionplans import hides_small_count, small_count_text
from core.exports import spreadsheet_safe

from .selectors import Scope, Target, eu_targets, indicator_rows, shown_share_of_way

# Column -> description, in order; the dashboard lists them under its link to the file.
COLUMNS = {
    "eu_target": _("Code of the EU Roma framework headline target"),
    "eu_target_title": _("The headline target"),
    "country": _("ISO 3166-1 alpha-2 code of the city's country"),
    "city": _("City"),
    "plan_id": _("Number of the action plan (its public page is /plans/<number>/)"),
    "plan": _("Title of the action plan"),
    "plan_status": _(
        "Status of the plan: drafting, adopted, implementation, completed or discontinued"
    ),
    "theme": _("Theme of the plan, as a code"),
    "indicator": _("Name of the indicator"),
    "unit": _("Unit"),
    "direction": _("Which way is better: higher or lower"),
    "baseline_year": _("Year of the baseline"),
    "baseline_value": _("Baseline value"),
    "target_year": _("Year the target is set for"),
    "target_value": _("Target value"),
    "latest_date": _("Date of the latest measurement (YYYY-MM-DD), empty when there is none"),
    "latest_value": _("Latest measured value"),
    "share_of_way": _(
        "Share of the way from the baseline to the target covered, from 0 to 1 (can be below "
        "0 or above 1); empty where it would give away a count of people below 10"
    ),
    "share_of_time": _("Share of the time from the baseline year to the target year passed"),
    "is_on_track": _("yes, no, or empty when not measured yet"),
}


def _number(value, indicator) -> str:
    if value is None:
        return ""
    if hides_small_count(value, indicator):
        return small_count_text()
    number = Decimal(str(value))
    if number == number.to_integral():
        return str(number.quantize(Decimal(1)))
    return str(number.normalize())


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def network_csv(*, scope: Scope, target: Target | None = None) -> str:
    titles = {t.pk: t for t in eu_targets()}
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for indicator in indicator_rows(scope=scope, target=target).iterator(chunk_size=1000):
        plan, eu = indicator.plan, titles[indicator.eu_target_id]
        text = [eu.code, eu.label, plan.city.country.code, plan.city.name]
        row = [spreadsheet_safe(str(cell)) for cell in text]
        row += [plan.pk, spreadsheet_safe(plan.title), plan.status, plan.topic]
        row += [spreadsheet_safe(indicator.name), spreadsheet_safe(indicator.unit)]
        row += [
            indicator.direction,
            indicator.baseline_year,
            _number(indicator.baseline_value, indicator),
            indicator.target_year,
            _number(indicator.target_value, indicator),
            indicator.latest_date.isoformat() if indicator.latest_date else "",
            _number(indicator.latest_value, indicator),
            _share(shown_share_of_way(indicator)),
            _share(indicator.share_of_time),
            {True: "yes", False: "no", None: ""}[indicator.on_track],
        ]
        writer.writerow(row)
    return buffer.getvalue()
