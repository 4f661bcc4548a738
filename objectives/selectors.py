"""Reads for the work plan and achievements pages."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from cities.models import City

from .models import Achievement, Activity, AdvocacyAction, Objective, WorkPlan


def work_plan_for_year(*, year: int) -> WorkPlan:
    """The published plan of a year with its objectives and activities; DoesNotExist if none."""
    activities = Activity.objects.select_related("host_city").order_by("order", "id")
    objectives = (
        Objective.objects.select_related("priority")
        .prefetch_related("strategic_objectives", Prefetch("activities", queryset=activities))
        .order_by("number")
    )
    return (
        WorkPlan.objects.filter(is_published=True)
        .prefetch_related(
            Prefetch("objectives", queryset=objectives), "strategic_objectives", "contacts"
        )
        .get(year=year)
    )


def current_work_plan() -> WorkPlan | None:
    """The newest published plan: "this year's objectives" on the home page."""
    latest = WorkPlan.objects.filter(is_published=True).order_by("-year").first()
    return work_plan_for_year(year=latest.year) if latest else None


def published_years() -> list[int]:
    return list(WorkPlan.objects.filter(is_published=True).values_list("year", flat=True))


def achievement_years() -> list[int]:
    return list(Achievement.objects.order_by("-year").values_list("year", flat=True).distinct())


def achievements_for_year(*, year: int) -> QuerySet[Achievement]:
    advocacy = AdvocacyAction.objects.prefetch_related("stakeholders")
    return (
        Achievement.objects.filter(year=year)
        .prefetch_related(
            "figures",
            Prefetch("activities", queryset=Activity.objects.select_related("host_city")),
            Prefetch("advocacy_actions", queryset=advocacy),
            "cities",
        )
        .order_by("number")
    )


def upcoming_events(*, limit: int = 4) -> QuerySet[Activity]:
    """Planned events of the newest plan's year and later, soonest first."""
    latest = WorkPlan.objects.filter(is_published=True).order_by("-year").first()
    if latest is None:
        return Activity.objects.none()
    return (
        Activity.objects.filter(
            kind__in=Activity.EVENT_KINDS,
            status__in=[Activity.Status.PLANNED, Activity.Status.IN_PROGRESS],
            year__gte=latest.year,
        )
        .select_related("host_city")
        .order_by("year", "start_date", "season", "id")[:limit]
    )


def activities_for_city(*, city: City) -> QuerySet[Activity]:
    """What a city hosted or took part in, newest first."""
    return (
        Activity.objects.filter(Q(host_city=city) | Q(participating_cities=city))
        .select_related("host_city", "objective")
        .distinct()
        .order_by("-year", "-start_date", "id")
    )


def achievements_for_city(*, city: City) -> QuerySet[Achievement]:
    return Achievement.objects.filter(cities=city).order_by("-year", "number")


def navigation_years() -> tuple[int | None, int | None]:
    """Newest published work plan year and newest achievements year, for the menu."""
    plan_year = (
        WorkPlan.objects.filter(is_published=True).order_by("-year").values_list("year", flat=True).first()
    )
    achievement_year = Achievement.objects.order_by("-year").values_list("year", flat=True).first()
    return plan_year, achievement_year
