from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from fragments.pages import public_page

from .evidence import (
    achievements_with_figures,
    pledges_by_commitment,
    work_plan_progress,
    work_plans_progress,
)
from .models import WorkPlan
from .selectors import (
    achievement_years,
    achievements_for_year,
    achievements_in_language,
    evidence_in_language,
    plan_in_language,
    plans_in_language,
    published_years,
    work_plan_for_year,
    work_plan_years,
)


@public_page(per="day")
def work_plan_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    plans = plans_in_language(work_plan_years(), request=request)
    progress_of = work_plans_progress(plans, today=today)
    return render(
        request,
        "objectives/work_plan_list.html",
        {
            "plans": [(plan, progress_of[plan.pk]) for plan in plans],
            "achievement_years": achievement_years(),
        },
    )


@public_page(per="day")
def work_plan_page(request: HttpRequest, year: int) -> HttpResponse:
    try:
        work_plan = plan_in_language(work_plan_for_year(year=year), request=request)
    except WorkPlan.DoesNotExist:
        raise Http404(_("There is no published work plan for %(year)s.") % {"year": year}) from None
    return render(
        request,
        "objectives/work_plan.html",
        {
            "work_plan": work_plan,
            "objectives": evidence_in_language(work_plan_progress(work_plan), request=request),
            "staff": request.user.is_staff,
            "years": published_years(),
        },
    )


@public_page(per="day")
def achievements_page(request: HttpRequest, year: int) -> HttpResponse:
    achievements = list(achievements_for_year(year=year))
    if not achievements:
        raise Http404(_("No achievements are recorded for %(year)s.") % {"year": year})
    # In the visitor's language first: a translated narrative's {placeholders} are then filled.
    views = achievements_with_figures(achievements_in_language(achievements, request=request))
    return render(
        request,
        "objectives/achievements.html",
        {
            "year": year,
            "achievements": views,
            "pledges": pledges_by_commitment(views),
            "years": achievement_years(),
        },
    )
