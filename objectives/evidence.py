"""What shows that the year's work was done, and the figures the achievements quote.

An activity of the work plan is never marked done by hand: its state comes from its evidence
(the meeting that took place, the published guideline, the submitted progress update...) and its
dates. Each app above this one says what of its records can be evidence in its own
``evidence.py`` (autodiscovered, like ``notices.py``), so this app imports none of them:

- ``register_source`` — a kind of record: how to describe one (title, link, public or not, done
  or not) and which records point at an activity by themselves (a meeting's activity);
- ``register_measure`` — a way of counting for an achievement's figures (attendees of an
  activity's meetings, cities with a pledge...).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cities.models import Pledge

from .models import Achievement, AchievementFigure, Activity, AdvocacyAction, Evidence, Objective

# Figures about people below this are shown as "fewer than 10" so nobody can be identified.
SMALL_COUNT = 10


class State(models.TextChoices):
    PLANNED = "planned", gettext_lazy("Planned")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    DONE = "done", gettext_lazy("Done")
    OVERDUE = "overdue", gettext_lazy("Overdue")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")


class ObjectiveState(models.TextChoices):
    NOT_STARTED = "not_started", gettext_lazy("Not started")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    DONE = "done", gettext_lazy("Done")


@dataclass(frozen=True)
class EvidenceItem:
    """One record as evidence: ``url`` is its public page ("" when it has none or is private)."""

    record: tuple[str, int]  # ("meetings.meeting", 12)
    kind: str  # "Meeting", as people read it
    title: str
    is_public: bool
    done: bool
    date: date | None = None
    url: str = ""
    linked: bool = False  # linked by staff (an Evidence row), rather than by the record itself
    language: str = ""  # of the title, when a page has read it in the visitor's language


@dataclass(frozen=True)
class Source:
    """A kind of record that can show an activity was done."""

    model: type[models.Model]
    kind: Callable[[int], str]  # count -> "2 action plans"
    describe: Callable[[Iterable[int], date], dict[int, EvidenceItem]]
    implied: Callable[[Iterable[int], date], dict[int, list[EvidenceItem]]] | None = None
    candidates: Callable[[Activity], QuerySet] | None = None  # what staff may link

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True)
class Measure:
    """A way of counting a figure from the records."""

    code: str
    label: str
    people: bool  # counts people: small counts are hidden
    count: Callable[[list[AchievementFigure]], dict[int, int]]  # figure id -> value
    parameters: Callable[[], list[tuple[str, str]]] | None = None  # choices for "which ones"


_sources: dict[str, Source] = {}
_measures: dict[str, Measure] = {}


def register_source(source: Source) -> None:
    _sources[source.label] = source


def register_measure(measure: Measure) -> None:
    _measures[measure.code] = measure


def sources() -> list[Source]:
    return list(_sources.values())


def source_for(label: str) -> Source | None:
    return _sources.get(label)


def measures() -> list[Measure]:
    return list(_measures.values())


def measure_for(code: str) -> Measure | None:
    return _measures.get(code)


# --- Activities ---------------------------------------------------------------------------


@dataclass
class ActivityProgress:
    """An activity's evidence and the state they give it on a day."""

    activity: Activity
    items: list[EvidenceItem]
    state: str

    @property
    def public_items(self) -> list[EvidenceItem]:
        return [item for item in self.items if item.is_public]

    @property
    def private_summary(self) -> list[str]:
        """ "1 action plan, not public" for what the public may know exists but not read."""
        counts: dict[str, int] = defaultdict(int)
        for item in self.items:
            if not item.is_public:
                counts[item.record[0]] += 1
        return [
            _("%(records)s, not public") % {"records": _sources[label].kind(count)}
            for label, count in counts.items()
            if label in _sources
        ]

    @property
    def is_done(self) -> bool:
        return self.state == State.DONE

    @property
    def staff_label(self) -> str:
        """ "Held" for an event that took place, else the state's name."""
        if self.state == State.DONE and self.activity.is_event:
            return _("Held")
        return str(State(self.state).label)

    @property
    def public_label(self) -> str:
        """What the public reads: "No record yet" where staff read "Overdue"."""
        if self.state == State.OVERDUE:
            return _("No record yet")
        return self.staff_label


def activity_state(activity: Activity, items: list[EvidenceItem], today: date) -> str:
    """Cancelled by decision; done when a record shows it; in progress while records are under
    way or its period runs; overdue once its period is over with nothing to show; else planned.
    """
    if activity.is_cancelled:
        return State.CANCELLED
    if any(item.done for item in items):
        return State.DONE
    first, last = activity.period
    if items or first <= today <= last:
        return State.IN_PROGRESS
    if today > last:
        return State.OVERDUE
    return State.PLANNED


def evidence_for(activities: Iterable[Activity], *, today: date) -> dict[int, list[EvidenceItem]]:
    """Per activity id, its evidence: linked by staff and implied by the records. One query for
    the links, then one a kind of record, whatever the number of activities."""
    ids = [activity.pk for activity in activities]
    found: dict[int, dict[tuple[str, int], EvidenceItem]] = {pk: {} for pk in ids}
    if not ids:
        return {}
    links = list(Evidence.objects.filter(activity_id__in=ids).select_related("content_type"))
    by_type: dict[str, list[Evidence]] = defaultdict(list)
    for link in links:
        by_type[f"{link.content_type.app_label}.{link.content_type.model}"].append(link)
    for label, type_links in by_type.items():
        source = _sources.get(label)
        if source is None:
            continue
        described = source.describe({link.object_id for link in type_links}, today)
        for link in type_links:
            item = described.get(link.object_id)
            if item is not None:  # gone since it was linked
                found[link.activity_id][item.record] = _linked(item)
    for source in _sources.values():
        if source.implied is None:
            continue
        for activity_id, items in source.implied(ids, today).items():
            for item in items:
                found[activity_id].setdefault(item.record, item)
    return {
        pk: sorted(items.values(), key=lambda i: (i.date or date.max, i.kind, i.title))
        for pk, items in found.items()
    }


def _linked(item: EvidenceItem) -> EvidenceItem:
    return EvidenceItem(**{**item.__dict__, "linked": True})


def progress_for(
    activities: Iterable[Activity], *, today: date | None = None
) -> dict[int, ActivityProgress]:
    activities = list(activities)
    today = today or timezone.localdate()
    evidence = evidence_for(activities, today=today)
    progress = {}
    for activity in activities:
        items = evidence.get(activity.pk, [])
        progress[activity.pk] = ActivityProgress(
            activity, items, activity_state(activity, items, today)
        )
    return progress


@dataclass
class ObjectiveProgress:
    objective: Objective
    activities: list[ActivityProgress] = field(default_factory=list)

    @property
    def counted(self) -> list[ActivityProgress]:
        return [a for a in self.activities if a.state != State.CANCELLED]

    @property
    def done_count(self) -> int:
        return sum(1 for a in self.counted if a.is_done)

    @property
    def state(self) -> str:
        counted = self.counted
        if counted and all(a.is_done for a in counted):
            return ObjectiveState.DONE
        if any(a.state in (State.DONE, State.IN_PROGRESS) for a in counted):
            return ObjectiveState.IN_PROGRESS
        return ObjectiveState.NOT_STARTED

    @property
    def state_label(self) -> str:
        return str(ObjectiveState(self.state).label)

    @property
    def summary(self) -> str:
        total = len(self.counted)
        return ngettext(
            "%(done)s of %(total)s activity done",
            "%(done)s of %(total)s activities done",
            total,
        ) % {"done": self.done_count, "total": total}


def work_plan_progress(work_plan, *, today: date | None = None) -> list[ObjectiveProgress]:
    """Each objective of a plan (objectives and activities prefetched) with its activities'
    progress, in the plan's order."""
    return work_plans_progress([work_plan], today=today)[work_plan.pk]


def work_plans_progress(
    work_plans: Iterable, *, today: date | None = None
) -> dict[int, list[ObjectiveProgress]]:
    """Per plan id, its objectives' progress: the evidence of every plan's activities is read
    once, not once a plan (the list of years)."""
    work_plans = list(work_plans)
    activities = [
        a
        for plan in work_plans
        for objective in plan.objectives.all()
        for a in objective.activities.all()
    ]
    progress = progress_for(activities, today=today)
    return {
        plan.pk: [
            ObjectiveProgress(objective, [progress[a.pk] for a in objective.activities.all()])
            for objective in plan.objectives.all()
        ]
        for plan in work_plans
    }


def link_evidence(*, activity: Activity, record: models.Model, by) -> Evidence:
    """Links a record as evidence of an activity (once; linking it again changes nothing)."""
    if source_for(record._meta.label_lower) is None:
        raise ValueError(f"{record._meta.label} cannot be evidence")
    link, _created = Evidence.objects.get_or_create(
        activity=activity,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        defaults={"added_by": by},
    )
    return link


def records_of(
    activity_ids: Iterable[int], model: type[models.Model], via: str | None = "activity_id"
) -> dict[int, set[int]]:
    """Per activity id, the ids of its records of ``model``: pointing at it through ``via``
    (a field of the record, None if it has none) or linked by staff. Two queries."""
    activity_ids = set(activity_ids)
    found: dict[int, set[int]] = defaultdict(set)
    if via:
        pairs = model._default_manager.filter(**{f"{via}__in": activity_ids}).values_list(via, "pk")
        for activity_id, pk in pairs:
            found[activity_id].add(pk)
    for activity_id, pk in Evidence.objects.filter(
        activity_id__in=activity_ids, content_type=ContentType.objects.get_for_model(model)
    ).values_list("activity_id", "object_id"):
        found[activity_id].add(pk)
    return found


# --- Figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureValue:
    figure: AchievementFigure
    value: int
    people: bool

    @property
    def shown(self) -> str:
        """The value as public pages and reports show it: small counts of people hidden."""
        if self.people and self.value < SMALL_COUNT:
            return _("fewer than %(n)s") % {"n": SMALL_COUNT}
        return str(self.value)


def figure_values(figures: Iterable[AchievementFigure]) -> dict[int, FigureValue]:
    """Per figure id, its value computed now: one query or two a measure, not a figure."""
    by_measure: dict[str, list[AchievementFigure]] = defaultdict(list)
    for figure in figures:
        by_measure[figure.measure].append(figure)
    values: dict[int, FigureValue] = {}
    for code, group in by_measure.items():
        measure = _measures.get(code)
        counts = measure.count(group) if measure else {}
        for figure in group:
            values[figure.pk] = FigureValue(
                figure, counts.get(figure.pk, 0), measure.people if measure else False
            )
    return values


PLACEHOLDER = re.compile(r"\{([a-z0-9_-]+)\}")


def narrative_placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def narrative_text(text: str, values: dict[str, str]) -> str:
    """The narrative with each {key} replaced by its figure's value as shown."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


@dataclass
class AchievementView:
    achievement: Achievement
    figures: list[FigureValue]
    narrative: str


def achievements_with_figures(achievements: Iterable[Achievement]) -> list[AchievementView]:
    """Achievements (figures prefetched) with their figures computed and put in the text."""
    achievements = list(achievements)
    values = figure_values(f for a in achievements for f in a.figures.all())
    views = []
    for achievement in achievements:
        figures = [values[f.pk] for f in achievement.figures.all()]
        shown = {value.figure.key: value.shown for value in figures}
        views.append(
            AchievementView(achievement, figures, narrative_text(achievement.narrative, shown))
        )
    return views


# --- What this app itself provides ----------------------------------------------------------


def _advocacy_item(action: AdvocacyAction, today: date) -> EvidenceItem:
    done = action.date <= today if action.date else action.year < today.year
    return EvidenceItem(
        record=("objectives.advocacyaction", action.pk),
        kind=str(action.get_kind_display()),
        title=action.title,
        is_public=True,
        done=done,
        date=action.date,
        url=action.link,
    )


def _advocacy_described(ids, today):
    return {a.pk: _advocacy_item(a, today) for a in AdvocacyAction.objects.filter(pk__in=ids)}


def _advocacy_implied(activity_ids, today):
    found: dict[int, list[EvidenceItem]] = defaultdict(list)
    for action in AdvocacyAction.objects.filter(activity_id__in=activity_ids):
        found[action.activity_id].append(_advocacy_item(action, today))
    return found


register_source(
    Source(
        model=AdvocacyAction,
        kind=lambda n: ngettext("%(n)s advocacy output", "%(n)s advocacy outputs", n) % {"n": n},
        describe=_advocacy_described,
        implied=_advocacy_implied,
        candidates=lambda activity: AdvocacyAction.objects.filter(
            year__in=[activity.year - 1, activity.year, activity.year + 1]
        ),
    )
)


def _pledging_cities(figures: list[AchievementFigure]) -> dict[int, int]:
    commitment_ids = {f.commitment_id for f in figures if f.commitment_id}
    counts = dict(
        Pledge.objects.filter(commitment_id__in=commitment_ids)
        .values("commitment_id")
        .annotate(n=models.Count("city", distinct=True))
        .values_list("commitment_id", "n")
    )
    return {f.pk: counts.get(f.commitment_id, 0) for f in figures}


register_measure(
    Measure(
        code="pledging_cities",
        label=gettext_lazy("Cities that pledged to the commitment"),
        people=False,
        count=_pledging_cities,
    )
)


def pledges_by_commitment(views: Iterable[AchievementView]) -> list[tuple[object, list[Pledge]]]:
    """The commitments the achievements count pledges to, each with its pledges (city named)."""
    commitments = {
        value.figure.commitment_id: value.figure.commitment
        for view in views
        for value in view.figures
        if value.figure.commitment_id
    }
    pledges: dict[int, list[Pledge]] = defaultdict(list)
    for pledge in Pledge.objects.filter(commitment_id__in=commitments).select_related("city"):
        pledges[pledge.commitment_id].append(pledge)
    return [
        (commitment, sorted(pledges[pk], key=lambda p: p.city.name))
        for pk, commitment in commitments.items()
    ]
