"""How far an indicator has come towards its target, and whether it is on track: one definition,
computed in the database so that a page can count thousands of indicators in one query.

An indicator's way runs from its baseline value to its target value, and its time from the
start of the baseline year (January) to the end of the target year (December). Its latest
measurement is on track when it has covered at least as large a share of the way as the share of
that time which had passed by the month of the measurement. Forward is up for an indicator where
higher is better and down where lower is better, so a measurement that moved the wrong way is
behind. A target that asks for no change (the baseline value again) is on track while the value
is no worse than it. An indicator not measured yet has no status.

For example, a baseline of 72% in 2018 and a target of 90% for 2022 give 60 months; a measurement
of 83% in June 2020 comes 30 months in (half the time) and 11 of the 18 points of the way (61%):
on track. The network dashboard says the same in plain words.
"""

from __future__ import annotations

from django.db.models import (
    BooleanField,
    Case,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractMonth, ExtractYear, Greatest, Least
from django.db.models.lookups import GreaterThanOrEqual

from .models import Indicator, Measurement


def with_progress(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """The indicators annotated with their latest measurement (``latest_value``,
    ``latest_date``; None when there is none), ``share_of_way`` (from the baseline to the target,
    can be below 0 or above 1; None when not measured or when the target asks for no change),
    ``share_of_time`` (0 to 1) and ``on_track`` (True, False, or None when not measured)."""
    # The latest measurement joined once (one per indicator and date), rather than a subquery
    # repeated wherever the arithmetic below uses its value or its date.
    latest_date = (
        Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-date").values("date")[:1]
    )
    measured = Q(latest__date__isnull=False)
    return (
        indicators.annotate(
            latest=FilteredRelation(
                "measurements", condition=Q(measurements__date=Subquery(latest_date))
            ),
            latest_value=F("latest__value"),
            latest_date=F("latest__date"),
            progress_forward=Case(
                When(direction=Indicator.Direction.LOWER, then=Value(-1)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            progress_months=(F("target_year") - F("baseline_year") + 1) * 12,
        )
        .annotate(
            progress_gain=(F("latest_value") - F("baseline_value")) * F("progress_forward"),
            progress_needed=(F("target_value") - F("baseline_value")) * F("progress_forward"),
            progress_elapsed=Least(
                Greatest(
                    (ExtractYear("latest_date") - F("baseline_year")) * 12
                    + ExtractMonth("latest_date"),
                    Value(0),
                ),
                F("progress_months"),
            ),
        )
        .annotate(
            share_of_way=Case(
                When(
                    measured & Q(progress_needed__gt=0),
                    then=Cast("progress_gain", FloatField())
                    / Cast("progress_needed", FloatField()),
                ),
                default=None,
                output_field=FloatField(),
            ),
            share_of_time=Case(
                When(
                    measured,
                    then=Cast("progress_elapsed", FloatField())
                    / Cast("progress_months", FloatField()),
                ),
                default=None,
                output_field=FloatField(),
            ),
            on_track=Case(
                When(~measured, then=Value(None)),
                # gain / needed >= elapsed / months, compared without dividing.
                When(
                    progress_needed__gt=0,
                    then=GreaterThanOrEqual(
                        F("progress_gain") * F("progress_months"),
                        F("progress_needed") * F("progress_elapsed"),
                    ),
                ),
                default=GreaterThanOrEqual(
                    (F("latest_value") - F("target_value")) * F("progress_forward"), Value(0)
                ),
                output_field=BooleanField(),
            ),
        )
    )
