"""Reads for the library, a practice's page, exports and the workspace lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import City
from cities.selectors import cities_for_user
from objectives.models import StrategicObjective

from .filters import PracticeFilter, SortChoices
from .models import Guideline, GuidelineSection, GuidelineStatus, Practice, PracticeStatus, Transfer

PAGE_SIZE = 20

# Facet name -> the field its counts are grouped by.
FACET_FIELDS = {
    "theme": "themes__code",
    "country": "city__country",
    "city": "city__slug",
    "funding": "funding_sources__code",
    "objective": "strategic_objectives__code",
}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


# Options a facet shows at once; the others (500 cities...) fold into a disclosure.
FACET_VISIBLE = 8


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]

    @property
    def shown(self) -> list[FacetOption]:
        """The most frequent options, and every selected one wherever it ranks."""
        return [
            option
            for rank, option in enumerate(self.options)
            if rank < FACET_VISIBLE or option.selected
        ]

    @property
    def folded(self) -> list[FacetOption]:
        return [
            option
            for rank, option in enumerate(self.options)
            if rank >= FACET_VISIBLE and not option.selected
        ]


@dataclass
class Library:
    filterset: PracticeFilter
    page: Page
    facets: list[Facet]
    sort: str
    query: str
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return any(
            self.filterset.form.cleaned_data.get(name) for name in [*FACET_FIELDS, "q", "year"]
        )


def published_practices() -> QuerySet[Practice]:
    return Practice.objects.filter(status=PracticeStatus.PUBLISHED)


def _ordered(queryset: QuerySet[Practice], *, sort: str, has_query: bool) -> QuerySet[Practice]:
    if sort == SortChoices.CITY:
        return queryset.order_by("city__name", "title", "pk")
    if sort == SortChoices.RELEVANCE and has_query and "rank" in queryset.query.annotations:
        return queryset.order_by("-rank", "-published_at", "pk")
    return queryset.order_by("-published_at", "-pk")


def _choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    cities = [(slug, name) for slug, name in City.objects.values_list("slug", "name")]
    objectives = [
        (code, f"{code} {title}")
        for code, title in StrategicObjective.objects.values_list("code", "title")
    ]
    return cities, objectives


def _facets(params: QueryDict, filterset: PracticeFilter, choices: dict) -> list[Facet]:
    """Counts per option under every other active filter (the usual faceted-search rule)."""
    facets = []
    for name, group_field in FACET_FIELDS.items():
        others = params.copy()
        others.pop(name, None)
        others.pop("page", None)
        scope = PracticeFilter(
            others,
            queryset=published_practices(),
            city_choices=choices["city"],
            objective_choices=choices["objective"],
        ).qs
        counts = dict(
            Practice.objects.filter(pk__in=scope.values("pk"))
            .values_list(group_field)
            .annotate(n=Count("pk", distinct=True))
            .values_list(group_field, "n")
        )
        selected = set(filterset.form.cleaned_data.get(name) or [])
        labels = dict(filterset.filters[name].extra["choices"])
        options = [
            FacetOption(
                value=value,
                label=str(labels.get(value, value)),
                count=n,
                selected=value in selected,
            )
            for value, n in counts.items()
            if value is not None
        ]
        # Selected options stay visible even when nothing matches them any more.
        options += [
            FacetOption(value=value, label=str(labels.get(value, value)), count=0, selected=True)
            for value in selected - counts.keys()
        ]
        options.sort(key=lambda option: (-option.count, option.label))
        facets.append(Facet(name=name, label=str(filterset.filters[name].label), options=options))
    return facets


def practice_library(*, params: QueryDict) -> Library:
    city_choices, objective_choices = _choices()
    filterset = PracticeFilter(
        params,
        queryset=published_practices(),
        city_choices=city_choices,
        objective_choices=objective_choices,
    )
    notices = []
    if not filterset.is_valid():
        for name, errors in filterset.form.errors.items():
            label = filterset.filters[name].label if name in filterset.filters else name
            notices.append(
                _("%(filter)s was ignored: %(reason)s")
                % {"filter": label, "reason": " ".join(errors)}
            )
    query = filterset.form.cleaned_data.get("q") or ""
    sort = filterset.form.cleaned_data.get("sort") or (
        SortChoices.RELEVANCE if query else SortChoices.NEWEST
    )
    results = (
        _ordered(filterset.qs, sort=sort, has_query=bool(query))
        .select_related("city")
        .prefetch_related("themes")
    )

    paginator = Paginator(results, PAGE_SIZE)
    raw_page = params.get("page", "1")
    try:
        number = int(raw_page)
    except ValueError:
        number = 1
        notices.append(
            _("There is no page “%(page)s”; this is the first page.") % {"page": raw_page[:20]}
        )
    if number < 1 or number > paginator.num_pages:
        if raw_page != "1":
            notices.append(
                _("There is no page %(page)s; the results have %(count)s page(s).")
                % {"page": number, "count": paginator.num_pages}
            )
        number = 1 if number < 1 else paginator.num_pages
    page = paginator.page(number)

    choices = {"city": city_choices, "objective": objective_choices}
    return Library(
        filterset=filterset,
        page=page,
        facets=_facets(params, filterset, choices),
        sort=sort,
        query=query,
        notices=notices,
    )


def practices_for_export(*, params: QueryDict) -> QuerySet[Practice]:
    """Every practice the list shows for these filters, in its order, for the open data files."""
    city_choices, objective_choices = _choices()
    filterset = PracticeFilter(
        params,
        queryset=published_practices(),
        city_choices=city_choices,
        objective_choices=objective_choices,
    )
    filterset.is_valid()
    query = filterset.form.cleaned_data.get("q") or ""
    sort = filterset.form.cleaned_data.get("sort") or (
        SortChoices.RELEVANCE if query else SortChoices.NEWEST
    )
    return (
        _ordered(filterset.qs, sort=sort, has_query=bool(query))
        .select_related("city", "priority")
        .prefetch_related("themes", "funding_sources", "strategic_objectives")
    )


def library_version() -> tuple[int, datetime | None]:
    """How many practices are published and when the latest change among them was: what the
    feed and the exports answer conditional requests with."""
    version = published_practices().aggregate(count=Count("pk"), latest=Max("updated_at"))
    return version["count"], version["latest"]


def latest_practices(*, limit: int = 50) -> QuerySet[Practice]:
    return (
        published_practices()
        .select_related("city")
        .prefetch_related("themes")
        .order_by("-published_at", "-pk")[:limit]
    )


def practice_page(*, practice: Practice) -> Practice:
    """The practice with everything its page shows, fetched in a fixed number of queries."""
    transfers = Transfer.objects.select_related("city").order_by("city__name")
    return (
        Practice.objects.select_related("city", "priority")
        .prefetch_related(
            "themes",
            "funding_sources",
            "strategic_objectives",
            "links",
            "attachments",
            Prefetch("transfers", queryset=transfers),
            Prefetch(
                "guidelines", queryset=Guideline.objects.filter(status=GuidelineStatus.PUBLISHED)
            ),
        )
        .get(pk=practice.pk)
    )


def related_practices(*, practice: Practice, limit: int = 3) -> list[Practice]:
    """Published practices sharing the most themes with this one."""
    theme_ids = [theme.pk for theme in practice.themes.all()]
    return list(
        published_practices()
        .exclude(pk=practice.pk)
        .filter(themes__in=theme_ids)
        .annotate(shared=Count("themes"))
        .select_related("city")
        .prefetch_related("themes")
        .order_by("-shared", "-published_at")[:limit]
    )


def practices_for_city(*, city: City) -> QuerySet[Practice]:
    return (
        published_practices()
        .filter(city=city)
        .select_related("city")
        .prefetch_related("themes")
        .order_by("-published_at")
    )


def practices_adapted_by_city(*, city: City) -> QuerySet[Transfer]:
    return Transfer.objects.filter(
        city=city, practice__status=PracticeStatus.PUBLISHED
    ).select_related("practice", "practice__city")


def workspace_practices(*, user) -> QuerySet[Practice]:
    """The practices a person works on: their cities' (all states) or, for staff, all."""
    practices = Practice.objects.select_related("city").order_by("status", "-updated_at")
    if user.is_staff:
        return practices
    return practices.filter(city__in=cities_for_user(user))


def practices_to_review() -> QuerySet[Practice]:
    return Practice.objects.filter(status=PracticeStatus.SUBMITTED).select_related("city")


def published_guidelines() -> QuerySet[Guideline]:
    return (
        Guideline.objects.filter(status=GuidelineStatus.PUBLISHED)
        .select_related("activity")
        .order_by("-published_at", "title")
    )


def guideline_page(*, guideline: Guideline) -> Guideline:
    sections = GuidelineSection.objects.prefetch_related("recommendations").order_by("order")
    return (
        Guideline.objects.select_related("activity", "activity__host_city")
        .prefetch_related(
            Prefetch("sections", queryset=sections),
            Prefetch("authors__city"),
            Prefetch("practices", queryset=published_practices().select_related("city")),
        )
        .get(pk=guideline.pk)
    )


def country_name(code: str) -> str:
    return dict(countries).get(code, code)
