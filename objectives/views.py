from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import WorkPlan
from .selectors import achievement_years, achievements_for_year, published_years, work_plan_for_year


def work_plan_page(request: HttpRequest, year: int) -> HttpResponse:
    try:
        work_plan = work_plan_for_year(year=year)
    except WorkPlan.DoesNotExist:
        raise Http404(_("There is no published work plan for %(year)s.") % {"year": year}) from None
    return render(
        request,
        "objectives/work_plan.html",
        {"work_plan": work_plan, "years": published_years()},
    )


def achievements_page(request: HttpRequest, year: int) -> HttpResponse:
    achievements = list(achievements_for_year(year=year))
    if not achievements:
        raise Http404(_("No achievements are recorded for %(year)s.") % {"year": year})
    return render(
        request,
        "objectives/achievements.html",
        {"year": year, "achievements": achievements, "years": achievement_years()},
    )
