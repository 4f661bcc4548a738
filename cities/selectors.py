"""Reads for city pages, each shaped for one page with its related rows fetched up front."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils.translation import get_language

from fragments.versions import cached_for_content, content_version

from .geo import VIEWBOX_HEIGHT, VIEWBOX_WIDTH, is_in_frame, project
from .models import City, CityMembership, Pledge


@dataclass(frozen=True)
class MapPoint:
    city: City | CityPlace
    x: float
    y: float


@dataclass(frozen=True)
class CityPlace:
    """What a map needs of a city, without the rest of its row."""

    name: str
    latitude: Decimal
    longitude: Decimal


def city_places() -> list[CityPlace]:
    """Every city's name and position, for a map of them all (the home page's): a plain read
    of three columns, where model instances of 500 cities cost the first render ~10 ms."""
    rows = City.objects.order_by("name").values_list("name", "latitude", "longitude")
    return [CityPlace(*row) for row in rows]


# Every city's address and names, with the cities' content version they were read at: most
# requests take them from here rather than from the shared cache.
_process_city_names: dict[str, list[tuple[str, str, dict]]] = {}


def city_name_choices() -> list[tuple[str, str]]:
    """(address, name in the page's language) of every city, in the order of those names: a
    filter's choices read as three columns once per change of the cities, where 500 model
    instances made the meeting list's first render ~20 ms slower."""
    version = content_version(["cities"])
    rows = _process_city_names.get(version)
    if rows is None:
        rows = cached_for_content(
            "city-names",
            lambda: list(City.objects.order_by("name").values_list("slug", "name", "names")),
            apps=["cities"],
        )
        _process_city_names.clear()
        _process_city_names[version] = rows
    language = get_language()
    named = [(slug, (names or {}).get(language) or name) for slug, name, names in rows]
    return sorted(named, key=lambda choice: choice[1].casefold())


def city_list(*, pledged: bool = False) -> QuerySet[City]:
    """Every city by name, each with ``pledge_count``; only those with a pledge if asked."""
    cities = City.objects.annotate(pledge_count=Count("pledges")).order_by("name")
    return cities.filter(pledge_count__gt=0) if pledged else cities


# Beyond this many cities, names on the map would cover each other: the list beside it names them.
MAP_LABEL_LIMIT = 40


@dataclass(frozen=True)
class CityMap:
    points: list[MapPoint]
    width: int = VIEWBOX_WIDTH
    height: int = VIEWBOX_HEIGHT

    @property
    def labelled(self) -> bool:
        return len(self.points) <= MAP_LABEL_LIMIT

    @property
    def crowded(self) -> bool:
        return not self.labelled

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width} {self.height}"


def city_map(cities: Iterable[City | CityPlace]) -> CityMap:
    """Place cities on the offline map of Europe; cities outside its frame are left off."""
    points = []
    for city in cities:
        x, y = project(float(city.latitude), float(city.longitude))
        if is_in_frame(x, y):
            points.append(MapPoint(city=city, x=x, y=y))
    return CityMap(points=points)


def city_detail(*, slug: str) -> City:
    return City.objects.prefetch_related("pledges__commitment").get(slug=slug)


def cities_for_user(user) -> QuerySet[City]:
    """The cities a signed-in person works for: all of them for staff."""
    if not user.is_authenticated:
        return City.objects.none()
    if user.is_staff:
        return City.objects.all()
    return City.objects.filter(memberships__user=user)


def memberships_for_user(user) -> QuerySet[CityMembership]:
    return CityMembership.objects.filter(user=user).select_related("city").order_by("city__name")


def officers_of_city(*, city: City) -> QuerySet[CityMembership]:
    return (
        CityMembership.objects.filter(city=city)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def city_officer_counts() -> QuerySet[City]:
    return City.objects.annotate(officer_count=Count("memberships")).order_by("name")


def pledges_for_staff() -> QuerySet[Pledge]:
    return Pledge.objects.select_related("city", "commitment").order_by(
        "city__name", "-year", "commitment__title"
    )
