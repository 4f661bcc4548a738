from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from actionplans.selectors import public_plans_for_city
from cities.models import City
from cities.selectors import city_detail, city_list, city_map
from fragments.pages import public_page
from meetings.selectors import meetings_for_city
from objectives.evidence import progress_for
from objectives.models import WorkPlan
from objectives.selectors import (
    Timeline,
    achievement_years,
    achievements_for_city,
    activities_for_city,
    activities_in_language,
    current_work_plan,
    events_timeline,
    timeline_in_language,
)
from practices.models import Practice, Transfer
from practices.selectors import latest_practices, practices_adapted_by_city, practices_for_city
from translations.reading import localize, localized


@public_page(per="day")
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()

    @cache
    def year() -> tuple[WorkPlan | None, Timeline]:
        work_plan = current_work_plan()
        if work_plan is None:
            return None, Timeline([], [], [])
        timeline = events_timeline(work_plan=work_plan, today=today)
        return work_plan, timeline_in_language(timeline, work_plan=work_plan, request=request)

    # The page body is a cached fragment: these are read only when it is rendered again, in
    # the visitor's language.
    cities = city_list()
    return render(
        request,
        "portal/home.html",
        {
            "work_plan": SimpleLazyObject(lambda: year()[0]),
            "events": SimpleLazyObject(lambda: year()[1]),
            "cities": cities,
            "city_map": SimpleLazyObject(lambda: city_map(cities)),
            "achievement_years": SimpleLazyObject(achievement_years),
            "latest_practices": SimpleLazyObject(
                lambda: localize(latest_practices(limit=3), request=request)
            ),
        },
    )


@public_page(per="day")
def city_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        city = city_detail(slug=slug)
    except City.DoesNotExist:
        raise Http404(_("There is no city at this address.")) from None

    # The page body is a cached fragment: these are read only when it is rendered again, in
    # the visitor's language.
    @cache
    def library() -> tuple[list[Practice], list[Transfer]]:
        """Its practices and those it adopted, in one reading of their translations."""
        practices = list(practices_for_city(city=city))
        adopted = list(practices_adapted_by_city(city=city))
        localize([*practices, *(transfer.practice for transfer in adopted)], request=request)
        return practices, adopted

    return render(
        request,
        "portal/city.html",
        {
            "city": city,
            "about": SimpleLazyObject(lambda: localized(city, request=request)),
            "activities": SimpleLazyObject(
                lambda: activities_in_language(
                    list(progress_for(activities_for_city(city=city)).values()), request=request
                )
            ),
            "achievements": SimpleLazyObject(
                lambda: localize(achievements_for_city(city=city), request=request)
            ),
            "practices": SimpleLazyObject(lambda: library()[0]),
            "adapted": SimpleLazyObject(lambda: library()[1]),
            "plans": SimpleLazyObject(
                lambda: localize(public_plans_for_city(city=city), request=request)
            ),
            "city_meetings": SimpleLazyObject(
                lambda: localize(meetings_for_city(city=city), request=request)
            ),
            "city_map": SimpleLazyObject(lambda: city_map([city])),
        },
    )


@public_page(apps=[])
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")


@public_page(apps=[])
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/privacy.html",
        {"retention_months": settings.GUEST_CONTACT_RETENTION_MONTHS},
    )
