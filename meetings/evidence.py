"""Meetings as evidence of the work plan's activities, and the attendance figures."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Count
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy, ngettext

from objectives.evidence import (
    EvidenceItem,
    Measure,
    Source,
    records_of,
    register_measure,
    register_source,
)

from .models import Meeting, Registration
from .selectors import place_key

# A figure's parameter: "" (everyone), a participant kind ("city_officer"; "guest": every guest),
# or guests of one role category ("guest:local_expert").
GUEST_PARAMETER = "guest:"


def _item(meeting: Meeting, today: date) -> EvidenceItem:
    is_public = meeting.published_at is not None
    return EvidenceItem(
        record=("meetings.meeting", meeting.pk),
        kind=str(meeting.get_kind_display()),
        title=meeting.title,
        is_public=is_public,
        done=meeting.ends_at.date() < today,
        date=meeting.starts_at.date(),
        url=meeting.get_absolute_url() if is_public else "",
    )


def _described(ids, today):
    return {m.pk: _item(m, today) for m in Meeting.objects.filter(pk__in=ids)}


def _implied(activity_ids, today):
    found: dict[int, list[EvidenceItem]] = defaultdict(list)
    for meeting in Meeting.objects.filter(activity_id__in=activity_ids):
        found[meeting.activity_id].append(_item(meeting, today))
    return found


register_source(
    Source(
        model=Meeting,
        kind=lambda n: ngettext("%(n)s meeting", "%(n)s meetings", n) % {"n": n},
        describe=_described,
        implied=_implied,
        candidates=lambda activity: Meeting.objects.filter(
            starts_at__year__in=[activity.year, activity.year + 1]
        ),
    )
)


def _attended(figures):
    """The meetings of each figure's activity, and the registrations marked present there."""
    meetings_of = records_of({f.activity_id for f in figures if f.activity_id}, Meeting)
    all_meetings = {m for ids in meetings_of.values() for m in ids}
    return meetings_of, Registration.objects.filter(meeting_id__in=all_meetings, attended=True)


def _counts_towards(figure, kind: str, guest_category: str) -> bool:
    wanted = figure.parameter
    if not wanted:
        return True
    if wanted.startswith(GUEST_PARAMETER):
        return kind == Registration.Kind.GUEST and guest_category == wanted[len(GUEST_PARAMETER) :]
    return kind == wanted


def _attendees(figures):
    meetings_of, attended = _attended(figures)
    per_meeting_kind = defaultdict(int)
    rows = attended.values("meeting_id", "kind", "guest_category").annotate(n=Count("id"))
    for row in rows.order_by():
        per_meeting_kind[(row["meeting_id"], row["kind"], row["guest_category"])] += row["n"]
    counts = {}
    for figure in figures:
        counts[figure.pk] = sum(
            n
            for (meeting_id, kind, category), n in per_meeting_kind.items()
            if meeting_id in meetings_of.get(figure.activity_id, ())
            and _counts_towards(figure, kind, category)
        )
    return counts


def _attending_cities(figures):
    """Member cities, and the towns guests gave (by name and country), counted once each."""
    meetings_of, attended = _attended(figures)
    cities_at: dict[int, set] = defaultdict(set)
    for meeting_id, city_id, place, country in (
        attended.values_list("meeting_id", "city_id", "place", "country").distinct().order_by()
    ):
        key = place_key(city_id, place, country)
        if key is not None:
            cities_at[meeting_id].add(key)
    counts = {}
    for figure in figures:
        cities = set()
        for meeting_id in meetings_of.get(figure.activity_id, ()):
            cities |= cities_at.get(meeting_id, set())
        counts[figure.pk] = len(cities)
    return counts


def _guest_label(category_label) -> str:
    return gettext("Guests: %(category)s") % {"category": category_label}


guest_label = lazy(_guest_label, str)


def _parameters() -> list[tuple[str, str]]:
    return [
        ("", gettext_lazy("Everyone")),
        *Registration.Kind.choices,
        *(
            (f"{GUEST_PARAMETER}{code}", guest_label(label))
            for code, label in Registration.GuestCategory.choices
        ),
    ]


register_measure(
    Measure(
        code="attendees",
        label=gettext_lazy("People who attended the activity's meetings"),
        people=True,
        count=_attendees,
        parameters=_parameters,
    )
)
register_measure(
    Measure(
        code="attending_cities",
        label=gettext_lazy("Cities the attendees came from"),
        people=False,
        count=_attending_cities,
    )
)
