"""Reads for the library, a practice's page, exports and the workspace lists."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries

from cities.models import City
from cities.selectors import cities_for_user, city_name_choices
from core.todo import Todo
from fragments.versions import cached_for_content, content_version
from objectives.models import StrategicObjective

from .facet_counts import facets_version
from .filters import PracticeFilter, SortChoices
from .models import Guideline, GuidelineSection, GuidelineStatus, Practice, PracticeStatus, Transfer

PAGE_SIZE = 20
# What the library shows comes from these apps: a change elsewhere keeps its cached parts.
LIBRARY_APPS = ["practices", "cities", "objectives"]

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

    @property
    def in_display_order(self) -> list[FacetOption]:
        return self.shown + self.folded


@dataclass
class Library:
    filterset: PracticeFilter
    page: Page
    facets: list[Facet]
    sort: str
    query: str
    filters_key: str
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return any(
            self.filterset.form.cleaned_data.get(name) for name in [*FACET_FIELDS, "q", "year"]
        )

    def chosen(self, params: QueryDict) -> list[ChosenFilter]:
        """The filters in force, each with the address of the library without it."""
        kept = QueryDict(library_query(params), mutable=True)

        def without(name: str, value: str) -> str:
            rest = kept.copy()
            rest.setlist(name, [v for v in rest.getlist(name) if v != value])
            return rest.urlencode()

        chosen = []
        if self.query:
            chosen.append(
                ChosenFilter(
                    _("Search"), _("“%(query)s”") % {"query": self.query}, without("q", self.query)
                )
            )
        for facet in self.facets:
            for option in facet.options:
                if option.selected:
                    chosen.append(
                        ChosenFilter(facet.label, option.label, without(facet.name, option.value))
                    )
        year = self.filterset.form.cleaned_data.get("year")
        if year:
            chosen.append(ChosenFilter(_("Active in year"), str(year), without("year", str(year))))
        return chosen


@dataclass(frozen=True)
class ChosenFilter:
    """A filter in force, shown as a tag that removes it."""

    facet: str
    label: str
    remove_query: str


def published_practices() -> QuerySet[Practice]:
    return Practice.objects.filter(status=PracticeStatus.PUBLISHED)


def _ordered(queryset: QuerySet[Practice], *, sort: str, has_query: bool) -> QuerySet[Practice]:
    if sort == SortChoices.CITY:
        return queryset.order_by("city__name", "title", "pk")
    if sort == SortChoices.RELEVANCE and has_query and "rank" in queryset.query.annotations:
        return queryset.order_by("-rank", "-published_at", "pk")
    return queryset.order_by("-published_at", "-pk")


# The objective choices of the running process, with the content version they were read at:
# most requests take them from here rather than from the shared cache.
_process_objectives: dict[str, list[tuple[str, str]]] = {}


def _choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The values the city and objective filters accept, kept until their content changes; the
    cities named in the page's language (Varsovie on a French page)."""
    version = content_version(["objectives"])
    objectives = _process_objectives.get(version)
    if objectives is None:
        objectives = cached_for_content(
            "library-objectives",
            lambda: [
                (code, f"{code} {title}")
                for code, title in StrategicObjective.objects.values_list("code", "title")
            ],
            apps=["objectives"],
        )
        _process_objectives.clear()
        _process_objectives[version] = objectives
    return city_name_choices(), objectives


# The parameters the library reads; any other one in an address is ignored, also by the caches
# (a stranger's "?x=<random>" must not make a new cache entry per request).
FILTER_PARAMS = [*FACET_FIELDS, "q", "year"]


def _filters_key(params: QueryDict) -> str:
    """The filters of a library address (not its page or order), as a short cache key."""
    filters = {key: params.getlist(key) for key in FILTER_PARAMS if key in params}
    return hashlib.sha256(repr(filters).encode()).hexdigest()[:32]


def library_query(params: QueryDict) -> str:
    """The address's filters and order, without its page: what the pagination links carry."""
    kept = QueryDict(mutable=True)
    for key in [*FILTER_PARAMS, "sort"]:
        if key in params:
            kept.setlist(key, params.getlist(key))
    return kept.urlencode()


def _facet_sql(name: str, group_field: str) -> str:
    """The part of the counting query that groups one facet's options over ``scope``."""
    quote = connection.ops.quote_name
    head, _, code = group_field.partition("__")
    field = Practice._meta.get_field(head)
    if field.many_to_many:
        link = field.remote_field.through._meta.db_table
        return (
            f"SELECT '{name}', t.{quote(code)}, COUNT(*) FROM scope"
            f" JOIN {quote(link)} m ON m.{quote(field.m2m_column_name())} = scope.id"
            f" JOIN {quote(field.related_model._meta.db_table)} t"
            f" ON t.id = m.{quote(field.m2m_reverse_name())} GROUP BY 2"
        )
    return (
        f"SELECT '{name}', t.{quote(code)}, COUNT(*) FROM scope"
        f" JOIN {quote(field.related_model._meta.db_table)} t ON t.id = scope.{quote(field.column)}"
        " GROUP BY 2"
    )


def _scope_counts(scope: QuerySet[Practice], names: list[str]) -> dict[str, dict[str, int]]:
    """Option counts of the named facets over one set of practices, and its size under
    ``"total"``, in one query: the filters (a full-text match above all) run once."""
    scope_sql, params = scope.order_by().values("pk", "city_id").query.sql_with_params()
    parts = [_facet_sql(name, FACET_FIELDS[name]) for name in names]
    parts.append("SELECT 'total', '', COUNT(*) FROM scope")
    sql = f"WITH scope (id, city_id) AS MATERIALIZED ({scope_sql}) " + " UNION ALL ".join(parts)
    counts: dict[str, dict[str, int]] = {name: {} for name in [*names, "total"]}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, value, count in cursor.fetchall():
            counts[name][value] = count
    return counts


def _library_counts(params: QueryDict, choices: dict) -> dict[str, dict[str, int]]:
    """Counts per option under every other active filter (the usual faceted-search rule), and
    the number of results. Facets without an active filter share the full filter set, so one
    query serves them all; each active facet needs its own. Kept until what they count changes
    (practices.facet_counts)."""
    filters = _filters_key(params)

    def compute() -> dict[str, dict[str, int]]:
        def scope_without(name: str | None) -> QuerySet[Practice]:
            others = params.copy()
            for key in [name, "page", "sort"]:
                others.pop(key, None)
            return PracticeFilter(
                others,
                queryset=published_practices(),
                city_choices=choices["city"],
                objective_choices=choices["objective"],
            ).qs

        active = [name for name in FACET_FIELDS if any(params.getlist(name))]
        counts = _scope_counts(
            scope_without(None), [name for name in FACET_FIELDS if name not in active]
        )
        for name in active:
            counts[name] = _scope_counts(scope_without(name), [name])[name]
        return counts

    if any(text.strip() for text in params.getlist("q")):
        # A text search's counts follow the practices' texts and translations too.
        return cached_for_content(f"library-counts:{filters}", compute, apps=LIBRARY_APPS)
    key = f"fragments:library-counts:{filters}:{facets_version()}"
    return cache.get_or_set(key, compute, timeout=settings.FRAGMENT_CACHE_SECONDS)


def _facets(counts: dict[str, dict[str, int]], filterset: PracticeFilter) -> list[Facet]:
    facets = []
    for name in FACET_FIELDS:
        selected = set(filterset.form.cleaned_data.get(name) or [])
        labels = filterset.choice_labels(name)
        options = [
            FacetOption(
                value=value,
                label=str(labels.get(value, value)),
                count=n,
                selected=value in selected,
            )
            for value, n in counts[name].items()
            if value is not None
        ]
        # Selected options stay visible even when nothing matches them any more.
        options += [
            FacetOption(value=value, label=str(labels.get(value, value)), count=0, selected=True)
            for value in selected - counts[name].keys()
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

    choices = {"city": city_choices, "objective": objective_choices}
    counts = _library_counts(params, choices)
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = counts["total"][""]  # counted with the facets
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

    return Library(
        filterset=filterset,
        page=page,
        facets=_facets(counts, filterset),
        filters_key=_filters_key(params),
        sort=sort,
        query=query,
        notices=notices,
    )


def practices_filtered(*, params: QueryDict) -> tuple[PracticeFilter, QuerySet[Practice]]:
    """The library's filter set for these parameters (check ``is_valid()`` to refuse bad
    values) and every practice it lets through, in the list's order."""
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
    practices = (
        _ordered(filterset.qs, sort=sort, has_query=bool(query))
        .select_related("city", "priority")
        .prefetch_related("themes", "funding_sources", "strategic_objectives")
    )
    return filterset, practices


def practices_for_export(*, params: QueryDict) -> QuerySet[Practice]:
    """Every practice the list shows for these filters, in its order, for the open data files."""
    return practices_filtered(params=params)[1]


def library_facets(*, params: QueryDict, filterset: PracticeFilter) -> tuple[list[Facet], int]:
    """The library's facets for these filters (as the list page counts them) and the number of
    practices they let through."""
    city_choices, objective_choices = _choices()
    counts = _library_counts(params, {"city": city_choices, "objective": objective_choices})
    return _facets(counts, filterset), counts["total"][""]


def library_version() -> tuple[int, datetime | None]:
    """How many practices are published and when the latest change among them was: what the
    feed and the exports answer conditional requests with."""
    version = published_practices().aggregate(count=Count("*"), latest=Max("updated_at"))
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
    """Published practices sharing the most themes with this one: ranked on the theme links
    alone (kept until those links or a publication change), then only the few chosen are
    read."""
    theme_ids = [theme.pk for theme in practice.themes.all()]
    links = Practice.themes.through.objects

    def rank() -> list[int]:
        return list(
            links.filter(theme_id__in=theme_ids, practice__status=PracticeStatus.PUBLISHED)
            .exclude(practice_id=practice.pk)
            .values("practice_id")
            .annotate(shared=Count("theme_id"))
            .order_by("-shared", "-practice__published_at", "-practice_id")
            .values_list("practice_id", flat=True)[:limit]
        )

    # Ranked on the themes, the publication and its date only: a text edit keeps the ranking.
    key = f"fragments:related:{practice.pk}:{limit}:{facets_version()}"
    ranked = cache.get_or_set(key, rank, timeout=settings.FRAGMENT_CACHE_SECONDS)
    found = published_practices().select_related("city").prefetch_related("themes").in_bulk(ranked)
    return [found[pk] for pk in ranked if pk in found]


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


def guidelines_for_staff() -> QuerySet[Guideline]:
    """Every guideline, drafts first, for the staff who write them."""
    return Guideline.objects.order_by("status", "title")


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


def todos_for(*, user, cities: list[City]) -> list[Todo]:
    """Practices that need someone: staff review what cities submitted; a city finishes its
    drafts and answers the staff's requests for changes."""
    todos = []
    if user.is_staff:
        for practice in practices_to_review().order_by("updated_at")[:20]:
            todos.append(
                Todo(
                    group="practices",
                    title=_("“%(title)s” from %(city)s awaits review")
                    % {"title": practice.title, "city": practice.city.name},
                    url=reverse("practices:practice_review", kwargs={"pk": practice.pk}),
                    action=_("Review"),
                    urgency=1,
                )
            )
    waiting = {PracticeStatus.CHANGES_REQUESTED: 1, PracticeStatus.DRAFT: 2}
    own = (
        Practice.objects.filter(city__in=cities, status__in=list(waiting))
        .select_related("city")
        .order_by("status", "-updated_at")[:20]
    )
    for practice in own:
        asked = practice.status == PracticeStatus.CHANGES_REQUESTED
        todos.append(
            Todo(
                group="practices",
                title=(
                    _("The staff asked for changes to “%(title)s”")
                    if asked
                    else _("Draft practice “%(title)s”")
                )
                % {"title": practice.title},
                url=reverse("practices:practice_edit", kwargs={"pk": practice.pk}),
                action=_("Make the changes") if asked else _("Continue"),
                urgency=waiting[practice.status],
            )
        )
    return todos
