"""The open data files: every public record of the network as CSV and JSON, with documented
columns. CSV text cells never start a formula (core/exports.py); counts of people below 10 are
written as on the public pages. The same rows serve the downloads and the nightly zip file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan, Indicator, Measurement
from actionplans.templatetags.actionplans import hides_small_count, small_count_text
from cities.selectors import city_list
from core.exports import spreadsheet_safe
from meetings.selectors import attendance_figures, published_meetings
from practices.exports import COLUMNS as PRACTICE_COLUMNS
from practices.exports import _row as practice_row
from practices.selectors import practices_for_export


def _number(value, indicator) -> str:
    if value is None:
        return ""
    if hides_small_count(value, indicator):
        return str(small_count_text())
    number = Decimal(str(value))
    return str(number.quantize(Decimal(1)) if number == number.to_integral() else number)


def _iso(value) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Dataset:
    """One kind of record as a file: its columns (name -> description) and its rows."""

    name: str
    title: object  # lazy translation
    columns: dict
    rows: Callable[[str], Iterable[dict]]  # base URL -> rows
    apps: tuple[str, ...]


# --- Cities ------------------------------------------------------------------------------------

CITY_COLUMNS = {
    "slug": _("Stable identifier of the city"),
    "url": _("Address of the city's page"),
    "name": _("Name"),
    "country": _("ISO 3166-1 alpha-2 code of the country"),
    "latitude": _("Latitude (WGS 84)"),
    "longitude": _("Longitude (WGS 84)"),
    "membership": _("member, observer or partner"),
    "contact": _("Contact, by role"),
    "contact_email": _("Contact e-mail address of the city (not of a person)"),
    "website": _("Website"),
    "pledges": _("Commitments the city pledged to, separated by '; '"),
}


def _city_rows(base: str) -> Iterator[dict]:
    for city in city_list().prefetch_related("pledges__commitment"):
        yield {
            "slug": city.slug,
            "url": base + city.get_absolute_url(),
            "name": city.name,
            "country": city.country.code,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "membership": city.membership,
            "contact": city.contact_role,
            "contact_email": city.contact_email,
            "website": city.website,
            "pledges": "; ".join(str(p.commitment) for p in city.pledges.all()),
        }


# --- Meetings ----------------------------------------------------------------------------------

MEETING_COLUMNS = {
    "slug": _("Stable identifier of the meeting"),
    "url": _("Address of the meeting's page (with its agenda)"),
    "title": _("Title"),
    "kind": _("Kind of meeting, as a code (the API gives its label)"),
    "host_city": _("Host city's identifier, empty for an online meeting"),
    "country": _("ISO 3166-1 alpha-2 code of the host city's country"),
    "venue": _("Venue"),
    "starts_at": _("Start (ISO 8601 with the offset of the host city's time)"),
    "ends_at": _("End (ISO 8601)"),
    "time_zone": _("The host city's time zone"),
    "attended": _("People whose attendance was recorded, once the meeting is over"),
    "attending_cities": _("Cities they came from"),
}


def _meeting_rows(base: str) -> Iterator[dict]:
    meetings = list(published_meetings().order_by("starts_at", "id"))
    figures = attendance_figures(meetings=meetings)
    for meeting in meetings:
        counted = figures.get(meeting.pk)
        yield {
            "slug": meeting.slug,
            "url": base + meeting.get_absolute_url(),
            "title": meeting.title,
            "kind": meeting.kind,
            "host_city": meeting.host_city.slug if meeting.host_city_id else "",
            "country": meeting.host_city.country.code if meeting.host_city_id else "",
            "venue": meeting.venue,
            "starts_at": meeting.local(meeting.starts_at).isoformat(),
            "ends_at": meeting.local(meeting.ends_at).isoformat(),
            "time_zone": meeting.time_zone,
            "attended": counted.total if counted else "",
            "attending_cities": counted.cities if counted else "",
        }


# --- Public action plans -----------------------------------------------------------------------

PLAN_COLUMNS = {
    "id": _("Number of the plan (its page is /plans/<number>/)"),
    "url": _("Address of the plan's public page"),
    "city": _("City's identifier"),
    "country": _("ISO 3166-1 alpha-2 code of the city's country"),
    "title": _("Title"),
    "topic": _("Topic, as a code"),
    "status": _("drafting, adopted, implementation, completed or discontinued"),
    "start_date": _("Start (YYYY-MM-DD)"),
    "end_date": _("End (YYYY-MM-DD)"),
    "actions": _("Number of actions"),
    "indicators": _("Number of indicators"),
    "summary": _("Summary"),
}


def public_plans():
    return ActionPlan.objects.filter(is_public=True).select_related("city")


def _plan_rows(base: str) -> Iterator[dict]:
    plans = public_plans().annotate(
        action_count=Count("actions", distinct=True),
        indicator_count=Count("indicators", distinct=True),
    )
    for plan in plans.order_by("city__name", "title", "id"):
        yield {
            "id": plan.pk,
            "url": base + plan.get_absolute_url(),
            "city": plan.city.slug,
            "country": plan.city.country.code,
            "title": plan.title,
            "topic": plan.topic,
            "status": plan.status,
            "start_date": _iso(plan.start_date),
            "end_date": _iso(plan.end_date),
            "actions": plan.action_count,
            "indicators": plan.indicator_count,
            "summary": plan.summary,
        }


# --- Indicators and their measurements ---------------------------------------------------------

SUPPRESSED = _("Counts of people below 10 are written “fewer than 10”.")

INDICATOR_COLUMNS = {
    "id": _("Stable identifier of the indicator"),
    "plan_id": _("Number of its public action plan"),
    "plan_url": _("Address of the plan's page"),
    "city": _("City's identifier"),
    "country": _("ISO 3166-1 alpha-2 code of the city's country"),
    "name": _("Name"),
    "unit": _("Unit"),
    "counts_people": _("yes when its values count people (small counts hidden)"),
    "direction": _("Which way is better: higher or lower"),
    "baseline_year": _("Year of the baseline"),
    "baseline_value": _("Baseline value"),
    "target_year": _("Year the target is set for"),
    "target_value": _("Target value"),
    "eu_target": _("Code of the EU Roma framework target it serves, if any"),
    "data_source": _("Where the values come from"),
    "measurements": _("Its measurements as date=value, separated by '; '"),
}


def public_indicators():
    return (
        Indicator.objects.filter(plan__is_public=True)
        .select_related("plan__city", "eu_target")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("date", "id"))
        )
        .order_by("plan__city__name", "plan_id", "id")
    )


def _indicator_rows(base: str) -> Iterator[dict]:
    for indicator in public_indicators():
        plan = indicator.plan
        yield {
            "id": indicator.pk,
            "plan_id": plan.pk,
            "plan_url": base + plan.get_absolute_url(),
            "city": plan.city.slug,
            "country": plan.city.country.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "counts_people": "yes" if indicator.is_count_of_people else "no",
            "direction": indicator.direction,
            "baseline_year": indicator.baseline_year,
            "baseline_value": _number(indicator.baseline_value, indicator),
            "target_year": indicator.target_year,
            "target_value": _number(indicator.target_value, indicator),
            "eu_target": indicator.eu_target.code if indicator.eu_target_id else "",
            "data_source": indicator.data_source,
            "measurements": "; ".join(
                f"{m.date.isoformat()}={_number(m.value, indicator)}"
                for m in indicator.measurements.all()
            ),
        }


def _practice_rows(base: str) -> Iterator[dict]:
    for practice in practices_for_export(params=QueryDict()).iterator(chunk_size=500):
        yield practice_row(practice, base)


PLAN_APPS = ("actionplans", "cities")

DATASETS = {
    "practices": Dataset("practices", _("Good practices"), PRACTICE_COLUMNS, _practice_rows,
                         ("practices", "cities", "objectives")),
    "cities": Dataset("cities", _("Member cities and their pledges"), CITY_COLUMNS, _city_rows,
                      ("cities",)),
    "meetings": Dataset("meetings", _("Published meetings"), MEETING_COLUMNS, _meeting_rows,
                        ("meetings", "cities")),
    "plans": Dataset("plans", _("Public action plans"), PLAN_COLUMNS, _plan_rows, PLAN_APPS),
    "indicators": Dataset("indicators", _("Indicators of the public action plans"),
                          INDICATOR_COLUMNS, _indicator_rows, PLAN_APPS),
}  # fmt: skip


def _cell(value) -> object:
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return "" if value is None else value


def as_csv(dataset: Dataset, base: str) -> tuple[bytes, int]:
    """The file's bytes (UTF-8 with a byte order mark, so spreadsheet programs read accents
    right) and its number of rows."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=list(dataset.columns))
    writer.writeheader()
    count = 0
    for row in dataset.rows(base):
        writer.writerow({name: _cell(value) for name, value in row.items()})
        count += 1
    return buffer.getvalue().encode("utf-8"), count


def as_json(dataset: Dataset, base: str) -> tuple[bytes, int]:
    results = list(dataset.rows(base))
    document = {
        "title": str(dataset.title),
        "license": settings.OPEN_DATA_LICENSE,
        "count": len(results),
        "columns": {name: str(text) for name, text in dataset.columns.items()},
        "results": results,
    }
    if dataset.name == "indicators":
        document["note"] = str(SUPPRESSED)
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return body.encode("utf-8"), len(results)
