"""Reads for the work plan and achievements pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.models import City
from core.history import HistoryEntry, history_entries
from core.todo import Todo
from translations.reading import localize

from .evidence import ActivityProgress, ObjectiveProgress, State, progress_for, work_plans_progress
from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Evidence,
    Objective,
    WorkPlan,
)

ADVOCACY_LABEL = AdvocacyAction._meta.label_lower

# Seasons sort in calendar order, not alphabetically; exact dates come first within a season.
_SEASON_RANK = Case(
    *(When(season=season, then=Value(rank)) for rank, season in enumerate(Activity.Season.values)),
    default=Value(len(Activity.Season.values)),
    output_field=IntegerField(),
)


def _plans() -> QuerySet[WorkPlan]:
    activities = (
        Activity.objects.select_related("host_city")
        .prefetch_related("stakeholders")
        .order_by("order", "id")
    )
    objectives = (
        Objective.objects.select_related("priority")
        .prefetch_related("strategic_objectives", Prefetch("activities", queryset=activities))
        .order_by("number")
    )
    return WorkPlan.objects.prefetch_related(
        Prefetch("objectives", queryset=objectives), "strategic_objectives", "contacts"
    )


def _published_plans() -> QuerySet[WorkPlan]:
    return _plans().filter(is_published=True)


def work_plan_for_year(*, year: int) -> WorkPlan:
    """The published plan of a year with its objectives and activities; DoesNotExist if none."""
    return _published_plans().get(year=year)


def current_work_plan() -> WorkPlan | None:
    """The newest published plan: "this year's objectives" on the home page."""
    return _published_plans().order_by("-year").first()


def published_years() -> list[int]:
    return list(WorkPlan.objects.filter(is_published=True).values_list("year", flat=True))


def achievement_years() -> list[int]:
    return list(Achievement.objects.order_by("-year").values_list("year", flat=True).distinct())


def all_achievements() -> QuerySet[Achievement]:
    """Every year's achievements, newest year first, with what their page shows."""
    advocacy = AdvocacyAction.objects.prefetch_related("stakeholders")
    return Achievement.objects.prefetch_related(
        Prefetch("figures", queryset=AchievementFigure.objects.select_related("commitment")),
        Prefetch("activities", queryset=Activity.objects.select_related("host_city")),
        Prefetch("advocacy_actions", queryset=advocacy),
        "cities",
    ).order_by("-year", "number")


def achievements_for_year(*, year: int) -> QuerySet[Achievement]:
    return all_achievements().filter(year=year).order_by("number")


def _plan_year_events(from_year: int) -> list[Activity]:
    return list(
        Activity.objects.filter(
            kind__in=Activity.EVENT_KINDS,
            is_cancelled=False,
            year__gte=from_year - 1,
        )
        .filter(Q(objective__isnull=True) | Q(objective__work_plan__is_published=True))
        .select_related("host_city")
        .annotate(season_rank=_SEASON_RANK)
        .order_by("year", "season_rank", "start_date", "id")
    )


@dataclass(frozen=True)
class Timeline:
    upcoming: list[ActivityProgress]  # still to come, soonest first
    recent: list[ActivityProgress]  # held, most recent first
    objectives: list[ObjectiveProgress]  # the work plan's, with their activities' progress


def events_timeline(*, work_plan: WorkPlan, today: date, limit: int = 4) -> Timeline:
    """A work plan's objectives with their progress, and the events of the published plans
    (from the year before it): those still to come (not held, their period not over) and those
    held. One reading of the evidence for all of them."""
    events = _plan_year_events(work_plan.year)
    planned = [a for objective in work_plan.objectives.all() for a in objective.activities.all()]
    progress = progress_for({a.pk: a for a in [*events, *planned]}.values(), today=today)
    timeline = [progress[a.pk] for a in events]
    upcoming = [
        p
        for p in timeline
        if p.state in (State.PLANNED, State.IN_PROGRESS) and p.activity.period[1] >= today
    ]
    done = [p for p in timeline if p.state == State.DONE]
    recent = sorted(done, key=lambda p: p.activity.period[0], reverse=True)
    objectives = [
        ObjectiveProgress(objective, [progress[a.pk] for a in objective.activities.all()])
        for objective in work_plan.objectives.all()
    ]
    return Timeline(upcoming[:limit], recent[:limit], objectives)


# --- In the visitor's language -------------------------------------------------------------
# Each shows the records a public page reads in the visitor's language where a translation
# exists (translations.reading): one query a kind of record, however many there are. They take
# the request for ?language=, the version a visitor may ask for. The records become copies for
# reading: nothing read through them is saved.


def plan_in_language(work_plan: WorkPlan | None, *, request=None) -> WorkPlan | None:
    """A plan read with ``_plans()`` (its objectives, their priorities, strategic objectives
    and activities fetched with it), every text of it in the visitor's language."""
    if work_plan is None:
        return None
    objectives = list(work_plan.objectives.all())
    localize(
        [
            work_plan,
            *work_plan.strategic_objectives.all(),
            *objectives,
            *(objective.priority for objective in objectives),
            *(so for objective in objectives for so in objective.strategic_objectives.all()),
            *(activity for objective in objectives for activity in objective.activities.all()),
        ],
        request=request,
    )
    return work_plan


def plans_in_language(plans: list[WorkPlan], *, request=None) -> list[WorkPlan]:
    """Plans read with ``work_plan_years()``: their objectives' titles in the visitor's
    language."""
    localize([o for plan in plans for o in plan.objectives.all()], request=request)
    return plans


def timeline_in_language(timeline: Timeline, *, work_plan: WorkPlan, request=None) -> Timeline:
    """What the home page shows of the year in the visitor's language, in one reading: the
    plan (read with ``_plans()``) and its objectives with their priorities, whose progress the
    timeline holds, and the events to come and held."""
    objectives = list(work_plan.objectives.all())
    localize(
        [
            work_plan,
            *objectives,
            *(objective.priority for objective in objectives),
            *(progress.activity for progress in [*timeline.upcoming, *timeline.recent]),
        ],
        request=request,
    )
    return timeline


def activities_in_language(progress: list[ActivityProgress], *, request=None):
    """Activities with their progress, each activity in the visitor's language."""
    localize([p.activity for p in progress], request=request)
    return progress


def evidence_in_language(
    progress: Iterable[ObjectiveProgress], *, request=None
) -> list[ObjectiveProgress]:
    """The objectives' activities' evidence with the advocacy outputs among it titled in the
    visitor's language, each saying the language of its title: two queries when there are
    some, none otherwise."""
    progress = list(progress)
    activities = [a for objective in progress for a in objective.activities]
    ids = {
        item.record[1] for a in activities for item in a.items if item.record[0] == ADVOCACY_LABEL
    }
    if not ids:
        return progress
    actions = {
        action.pk: action
        for action in localize(AdvocacyAction.objects.filter(pk__in=ids), request=request)
    }

    def in_language(item):
        action = actions.get(item.record[1]) if item.record[0] == ADVOCACY_LABEL else None
        if action is None:
            return item
        return replace(item, title=action.title, language=action.shown.language)

    for a in activities:
        a.items = [in_language(item) for item in a.items]
    return progress


def achievements_in_language(achievements, *, request=None) -> list[Achievement]:
    """Achievements read with ``all_achievements()``: their titles, narratives (placeholders
    and all, filled afterwards by ``evidence.achievements_with_figures``), figures' labels,
    activities and advocacy outputs in the visitor's language."""
    achievements = list(achievements)
    localize(
        [
            *achievements,
            *(f for a in achievements for f in a.figures.all()),
            *(activity for a in achievements for activity in a.activities.all()),
            *(action for a in achievements for action in a.advocacy_actions.all()),
        ],
        request=request,
    )
    return achievements


def work_plan_years(*, include_drafts: bool = False) -> list[WorkPlan]:
    """Every year's plan, newest first (drafts only for staff), with its objectives."""
    plans = WorkPlan.objects.prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.prefetch_related("activities"))
    ).order_by("-year")
    return list(plans if include_drafts else plans.filter(is_published=True))


def activities_for_city(*, city: City) -> QuerySet[Activity]:
    """What a city hosted or took part in, newest first (a draft plan's activities are not
    public yet)."""
    return (
        Activity.objects.filter(Q(host_city=city) | Q(participating_cities=city))
        .filter(Q(objective__isnull=True) | Q(objective__work_plan__is_published=True))
        .select_related("host_city", "objective")
        .distinct()
        .order_by("-year", "-start_date", "id")
    )


def achievements_for_city(*, city: City) -> QuerySet[Achievement]:
    return Achievement.objects.filter(cities=city).order_by("-year", "number")


def navigation_years() -> tuple[int | None, int | None]:
    """Newest published work plan year and newest achievements year, for the menu."""
    plan_year = (
        WorkPlan.objects.filter(is_published=True)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    achievement_year = Achievement.objects.order_by("-year").values_list("year", flat=True).first()
    return plan_year, achievement_year


# --- The staff's workspace ------------------------------------------------------------------


@dataclass(frozen=True)
class PlanSummary:
    plan: WorkPlan
    objectives: int
    activities: int  # not cancelled
    done: int


def work_plan_summaries(*, today: date) -> list[PlanSummary]:
    """Every year's plan, drafts too, newest first, with its counts of activities done."""
    plans = work_plan_years(include_drafts=True)
    progress_of = work_plans_progress(plans, today=today)
    summaries = []
    for plan in plans:
        progress = progress_of[plan.pk]
        counted = [a for objective in progress for a in objective.counted]
        summaries.append(
            PlanSummary(plan, len(progress), len(counted), sum(1 for a in counted if a.is_done))
        )
    return summaries


def recorded_years() -> list[int]:
    """Years with a work plan, achievements or advocacy outputs, newest first."""
    years = set(WorkPlan.objects.values_list("year", flat=True))
    years |= set(Achievement.objects.values_list("year", flat=True).distinct())
    years |= set(AdvocacyAction.objects.values_list("year", flat=True).distinct())
    return sorted(years, reverse=True)


def work_plan_overview(*, work_plan: WorkPlan) -> WorkPlan:
    """A plan, published or draft, with its objectives and activities (the workspace page and
    the preview of a draft)."""
    return _plans().get(pk=work_plan.pk)


def advocacy_for_year(*, year: int) -> QuerySet[AdvocacyAction]:
    return (
        AdvocacyAction.objects.filter(year=year)
        .select_related("activity")
        .prefetch_related("stakeholders")
        .order_by("date", "id")
    )


def evidence_links(*, activity: Activity) -> dict[tuple[str, int], Evidence]:
    """The staff's links of an activity, by the record they name ("meetings.meeting", 12)."""
    return {
        (f"{link.content_type.app_label}.{link.content_type.model}", link.object_id): link
        for link in activity.evidence.select_related("content_type")
    }


def work_plan_history(*, work_plan: WorkPlan, limit: int = 200) -> list[HistoryEntry]:
    """Every recorded change to the plan, its objectives (also those deleted since), their
    activities and the year's achievements, newest first."""
    objective_ids = (
        Objective.history.filter(work_plan_id=work_plan.pk).values("id").distinct().order_by()
    )
    return history_entries(
        [
            WorkPlan.history.filter(id=work_plan.pk),
            Objective.history.filter(work_plan_id=work_plan.pk),
            Activity.history.filter(Q(objective_id__in=objective_ids) | Q(year=work_plan.year)),
            Achievement.history.filter(year=work_plan.year),
        ],
        limit=limit,
    )


def _overdue_todos(today: date) -> list[Todo]:
    """The newest published plan's activities whose period is over with nothing to show."""
    work_plan = current_work_plan()
    if work_plan is None:
        return []
    activities = [a for objective in work_plan.objectives.all() for a in objective.activities.all()]
    progress = progress_for(activities, today=today).values()
    overdue = [p for p in progress if p.state == State.OVERDUE]
    if not overdue:
        return []
    return [
        Todo(
            group="staff",
            title=ngettext(
                "%(count)s activity of the %(year)s work plan has no record of being done",
                "%(count)s activities of the %(year)s work plan have no record of being done",
                len(overdue),
            )
            % {"count": len(overdue), "year": work_plan.year},
            detail=", ".join(p.activity.title for p in overdue[:3]),
            url=reverse("objectives:work_plan_manage", kwargs={"year": work_plan.year}),
            action=_("Link their evidence or cancel them"),
            urgency=1,
        )
    ]


def todos_for(*, user, today: date) -> list[Todo]:
    """For the staff: each draft work plan waits to be published; the newest published plan's
    activities with no record of being done."""
    if not user.is_staff:
        return []
    return _overdue_todos(today) + [
        Todo(
            group="staff",
            title=_("The work plan %(year)s is a draft") % {"year": year},
            detail=_("Only the staff see it until it is published."),
            url=reverse("objectives:work_plan_manage", kwargs={"year": year}),
            action=_("Open the draft"),
        )
        for year in WorkPlan.objects.filter(is_published=False)
        .order_by("year")
        .values_list("year", flat=True)
    ]
