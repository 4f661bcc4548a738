"""Finding the year's records for the staff's workspace pages: every workspace view of this app
is for network staff (``staff_required``: anonymous visitors sign in, others get 403) and looks
its objects up here, answering 404 for an address that names nothing."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access import staff_required
from core.access import found_or_404

from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Evidence,
    Objective,
    WorkPlan,
)

__all__ = [
    "staff_required",
    "work_plan_for_staff",
    "objective_for_staff",
    "activity_for_staff",
    "evidence_link_for_staff",
    "advocacy_for_staff",
    "achievement_for_staff",
    "figure_for_staff",
    "achievement_year_for_staff",
]


def work_plan_for_staff(*, year: int) -> WorkPlan:
    """A year's plan, published or draft."""
    return found_or_404(
        WorkPlan.objects.all(),
        _("There is no work plan for %(year)s.") % {"year": year},
        year=year,
    )


def objective_for_staff(*, pk: int) -> Objective:
    return found_or_404(
        Objective.objects.select_related("work_plan"), _("There is no such objective."), pk=pk
    )


def activity_for_staff(*, pk: int) -> Activity:
    """An activity of a plan's objective (the older ones, outside any plan, are not edited
    here)."""
    return found_or_404(
        Activity.objects.filter(objective__isnull=False).select_related(
            "objective__work_plan", "host_city"
        ),
        _("There is no such activity in a work plan."),
        pk=pk,
    )


def evidence_link_for_staff(*, activity: Activity, pk: int) -> Evidence:
    return found_or_404(activity.evidence.all(), _("There is no such evidence link."), pk=pk)


def advocacy_for_staff(*, pk: int) -> AdvocacyAction:
    return found_or_404(AdvocacyAction.objects.all(), _("There is no such advocacy output."), pk=pk)


def achievement_for_staff(*, pk: int) -> Achievement:
    return found_or_404(
        Achievement.objects.prefetch_related(
            Prefetch("figures", queryset=AchievementFigure.objects.order_by("order", "id"))
        ),
        _("There is no such achievement."),
        pk=pk,
    )


def figure_for_staff(*, pk: int) -> AchievementFigure:
    return found_or_404(
        AchievementFigure.objects.select_related("achievement"),
        _("There is no such figure."),
        pk=pk,
    )


def achievement_year_for_staff(*, year: int) -> int:
    """A year the staff record achievements for: one with a work plan, achievements or
    advocacy outputs."""
    if not (
        WorkPlan.objects.filter(year=year).exists()
        or Achievement.objects.filter(year=year).exists()
        or AdvocacyAction.objects.filter(year=year).exists()
    ):
        raise Http404(_("Nothing is recorded for %(year)s.") % {"year": year})
    return year


def may_translate_year(user, _record) -> bool:
    """The year's texts (work plans, objectives, achievements) are staff's, and so are their
    translations."""
    return user.is_authenticated and user.is_staff
