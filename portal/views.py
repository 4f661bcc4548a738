from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from actionplans.selectors import public_plans_for_city
from cities.access import may_translate_city
from cities.models import City
from cities.selectors import city_detail, city_map, city_places
from fragments.pages import public_page
from meetings.selectors import meetings_for_city
from objectives.evidence import progress_for
from objectives.models import WorkPlan
from objectives.selectors import (
    Timeline,
    achievement_years,
    achievements_for_city,
    activities_for_city,
    current_work_plan,
    events_timeline,
    timeline_in_language,
)
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
    places = SimpleLazyObject(city_places)
    return render(
        request,
        "portal/home.html",
        {
            "work_plan": SimpleLazyObject(lambda: year()[0]),
            "events": SimpleLazyObject(lambda: year()[1]),
            "cities": places,
            "city_map": SimpleLazyObject(lambda: city_map(places)),
            "achievement_years": SimpleLazyObject(achievement_years),
            "latest_practices": SimpleLazyObject(
                lambda: localize(latest_practices(limit=3), request=request)
            ),
        },
    )


CITY_LISTS = ("activities", "achievements", "practices", "adapted", "plans", "city_meetings")


def _city_lists(request: HttpRequest, city: City) -> dict[str, list]:
    """What the city page lists, each record in the visitor's language where it is translated:
    read together, so that each kind of record is looked up in one query (a practice the city
    wrote and one it adopted alike)."""
    lists = {
        "activities": list(activities_for_city(city=city)),
        "achievements": list(achievements_for_city(city=city)),
        "practices": list(practices_for_city(city=city)),
        "adapted": list(practices_adapted_by_city(city=city)),
        "plans": list(public_plans_for_city(city=city)),
        "city_meetings": list(meetings_for_city(city=city)),
    }
    adopted = [transfer.practice for transfer in lists["adapted"]]
    localize(
        [*(record for name in CITY_LISTS if name != "adapted" for record in lists[name]), *adopted],
        request=request,
    )
    lists["activities"] = list(progress_for(lists["activities"]).values())
    return lists


@public_page(per="day")
def city_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        city = city_detail(slug=slug)
    except City.DoesNotExist:
        raise Http404(_("There is no city at this address.")) from None
    city = localized(city, request=request)  # its description in the visitor's language
    # The page body is a cached fragment: its lists are read only when it is rendered again.
    lists = SimpleLazyObject(lambda: _city_lists(request, city))
    return render(
        request,
        "portal/city.html",
        {
            "city": city,
            "can_translate": may_translate_city(request.user, city),
            **{name: SimpleLazyObject(lambda name=name: lists[name]) for name in CITY_LISTS},
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
