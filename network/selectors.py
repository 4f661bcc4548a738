"""Reads for the network dashboard: the whole network's action plans against the EU Roma
framework targets, counted in the database in a fixed number of queries whatever the number of
cities, plans, indicators and measurements. Whether an indicator is on track is decided by
`actionplans.progress`, and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from math import ceil
from urllib.parse import urlencode

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import get_language, gettext

from actionplans.models import ActionPlan, EUTarget, Indicator
from actionplans.progress import with_progress
from actionplans.selectors import plans_late_with_update, update_due_after
from actionplans.templatetags.actionplans import hides_small_count
from cities.countries import country_names
from cities.models import City
from fragments.versions import cached_for_content
from translations.reading import localize

# What the dashboard shows comes from these apps: a change elsewhere keeps its cached parts.
NETWORK_APPS = ["actionplans", "cities"]
PAGE_SIZE = 50  # indicators a target's page lists at once
LATE_SHOWN = 50  # cities the staff list of late progress updates names (the most late first)


@dataclass(frozen=True)
class Scope:
    """Which plans the figures count: public ones only, or every plan (staff); and the filters,
    valid choices only (so that the cache keys made from them stay few)."""

    country: str = ""
    theme: str = ""
    every_plan: bool = False

    @property
    def key(self) -> str:
        audience = "all" if self.every_plan else "public"
        return f"{audience}.{self.country or 'any'}.{self.theme or 'any'}"

    @property
    def query(self) -> str:
        """The filters as a query string, for the CSV link and the pages of a list."""
        filters = (("country", self.country), ("theme", self.theme))
        return urlencode([(name, value) for name, value in filters if value])

    @property
    def is_filtered(self) -> bool:
        return bool(self.country or self.theme)


def scoped_plans(scope: Scope) -> QuerySet[ActionPlan]:
    plans = ActionPlan.objects.order_by()
    if not scope.every_plan:
        plans = plans.filter(is_public=True)
    if scope.country:
        plans = plans.filter(city__country=scope.country)
    if scope.theme:
        plans = plans.filter(topic=scope.theme)
    return plans


def scoped_indicators(scope: Scope) -> QuerySet[Indicator]:
    """The indicators linked to an EU target, of the plans in scope."""
    indicators = Indicator.objects.filter(eu_target__isnull=False).order_by()
    if not scope.every_plan:
        indicators = indicators.filter(plan__is_public=True)
    if scope.country:
        indicators = indicators.filter(plan__city__country=scope.country)
    if scope.theme:
        indicators = indicators.filter(plan__topic=scope.theme)
    return indicators


# --- The EU targets and the filters' choices, kept until their content changes ------------


@dataclass(frozen=True)
class Target:
    """An EU target as a page shows it: its objective and title in the language asked for when
    they are translated (translations app), else as written."""

    pk: int
    code: str
    objective: str
    title: str
    language: str = "en"  # of the objective and title held here
    translated: bool = False
    wanted: str = ""  # the version asked for ("" = the page's language)

    @property
    def catalogued(self) -> bool:
        """An English original read in the page's language: the interface's catalogue has it
        (actionplans/eu_targets.py marks the shipped targets for translation)."""
        return not self.translated and self.language == "en" and self.wanted in ("", get_language())

    @property
    def label(self) -> str:
        return gettext(self.title) if self.catalogued else self.title

    @property
    def objective_label(self) -> str:
        return gettext(self.objective) if self.catalogued else self.objective

    @property
    def label_lang(self) -> str:
        """The language of the label when it is not the reader's ("en" until translated)."""
        page = get_language()
        if self.catalogued:
            return "en" if page != "en" and gettext(self.title) == self.title else ""
        return self.language if self.language != page else ""


def _targets(wanted: str) -> list[Target]:
    records = localize(EUTarget.objects.order_by("pk"), wanted or get_language())
    return [
        Target(
            pk=record.pk,
            code=record.code,
            objective=record.objective,
            title=record.title,
            language=record.shown.language,
            translated=record.shown.translated,
            wanted=wanted,
        )
        for record in records
    ]


def eu_targets(*, language: str = "") -> list[Target]:
    """The targets, in ``language`` where they are translated (the page's by default)."""
    wanted = language if language and language != get_language() else ""
    key = f"network-eu-targets:{get_language()}:{wanted}"
    return cached_for_content(key, lambda: _targets(wanted), apps=["actionplans"])


def eu_target(*, code: str, language: str = "") -> Target | None:
    return next((t for t in eu_targets(language=language) if t.code == code), None)


def country_choices() -> list[tuple[str, str]]:
    """The member cities' countries, by name in the reader's language."""
    codes = cached_for_content(
        "network-countries",
        lambda: sorted(City.objects.order_by().values_list("country", flat=True).distinct()),
        apps=["cities"],
    )
    names = country_names()
    named = [(code, names.get(code) or code) for code in codes]
    return sorted(named, key=lambda choice: choice[1].casefold())


# --- The dashboard's figures -----------------------------------------------------------------


@dataclass(frozen=True)
class TargetFigures:
    target: Target
    indicators: int = 0
    measured: int = 0
    on_track: int = 0
    cities: int = 0
    cities_measured: int = 0
    cities_behind: int = 0  # cities with at least one measured indicator not on track

    @property
    def behind(self) -> int:
        return self.measured - self.on_track

    @property
    def not_measured(self) -> int:
        return self.indicators - self.measured

    @property
    def cities_on_track(self) -> int:
        """Cities whose every measured indicator for this target is on track."""
        return self.cities_measured - self.cities_behind


@dataclass(frozen=True)
class StatusFigures:
    status: str
    label: str
    plans: int
    cities: int


@dataclass(frozen=True)
class Dashboard:
    targets: list[TargetFigures]
    statuses: list[StatusFigures]
    plans: int
    cities: int

    @property
    def indicators(self) -> int:
        return sum(t.indicators for t in self.targets)

    @property
    def measured(self) -> int:
        return sum(t.measured for t in self.targets)

    @property
    def on_track(self) -> int:
        return sum(t.on_track for t in self.targets)

    @property
    def widest_target(self) -> int:
        return max((t.indicators for t in self.targets), default=0)

    @property
    def widest_status(self) -> int:
        return max((s.plans for s in self.statuses), default=0)


def _target_figures(scope: Scope, *, target: Target | None = None) -> dict[int, dict]:
    """One query: per EU target, its indicators in scope, how many are measured and on track,
    and in how many cities."""
    indicators = scoped_indicators(scope)
    if target is not None:
        indicators = indicators.filter(eu_target_id=target.pk)
    measured = Q(latest_date__isnull=False)
    rows = (
        with_progress(indicators)
        .values("eu_target_id")
        .annotate(
            indicators=Count("pk"),
            measured=Count("pk", filter=measured),
            tracked=Count("pk", filter=Q(on_track=True)),
            cities=Count("plan__city", distinct=True),
            cities_measured=Count("plan__city", distinct=True, filter=measured),
            cities_behind=Count("plan__city", distinct=True, filter=Q(on_track=False)),
        )
        .order_by()
    )
    figures = {}
    for row in rows:
        row["on_track"] = row.pop("tracked")
        figures[row.pop("eu_target_id")] = row
    return figures


def network_dashboard(*, scope: Scope, language: str = "") -> Dashboard:
    """``language``: the version of the targets' texts asked for (the page's by default)."""
    counted = _target_figures(scope)
    targets = [
        TargetFigures(target, **counted.get(target.pk, {}))
        for target in eu_targets(language=language)
    ]
    plans = scoped_plans(scope)
    by_status = {
        row["status"]: row
        for row in plans.values("status").annotate(
            plans=Count("pk"), cities=Count("city", distinct=True)
        )
    }
    statuses = [
        StatusFigures(
            status=code,
            label=str(label),
            plans=by_status.get(code, {}).get("plans", 0),
            cities=by_status.get(code, {}).get("cities", 0),
        )
        for code, label in ActionPlan.Status.choices
    ]
    totals = plans.aggregate(plans=Count("pk"), cities=Count("city", distinct=True))
    return Dashboard(targets=targets, statuses=statuses, **totals)


def target_figures(*, scope: Scope, target: Target) -> TargetFigures:
    """One target's figures, kept until the plans or the cities change (its page's length)."""

    def compute() -> TargetFigures:
        return TargetFigures(target, **_target_figures(scope, target=target).get(target.pk, {}))

    return cached_for_content(
        f"network-target:{target.code}:{scope.key}", compute, apps=NETWORK_APPS
    )


def indicator_rows(*, scope: Scope, target: Target | None = None) -> QuerySet[Indicator]:
    """The indicators in scope (of one target, or of all) with their progress, by target, city,
    plan and name."""
    indicators = scoped_indicators(scope)
    if target is not None:
        indicators = indicators.filter(eu_target_id=target.pk)
    return (
        with_progress(indicators)
        .select_related("plan", "plan__city")
        .order_by("eu_target_id", "plan__city__name", "plan__title", "name", "pk")
    )


def shown_share_of_way(indicator: Indicator) -> float | None:
    """The share of the way an indicator of ``indicator_rows`` has covered, as published: none
    when one of its three values is a count of people too small to show, which the share would
    give away (with the other two)."""
    values = (indicator.baseline_value, indicator.target_value, indicator.latest_value)
    if any(v is not None and hides_small_count(v, indicator) for v in values):
        return None
    return indicator.share_of_way


@dataclass(frozen=True)
class PageOfRows:
    """Where a list is: its page number (always a real page) and the way to the others."""

    number: int
    count: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, ceil(self.count / self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    @property
    def end(self) -> int:
        return self.start + self.size

    @property
    def has_other_pages(self) -> bool:
        return self.pages > 1

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def page_of(raw: str | None, *, count: int) -> PageOfRows:
    """The page a visitor asked for, as a real page: a number out of range or not a number at
    all gives the nearest page."""
    try:
        number = int(raw or 1)
    except ValueError:
        number = 1
    page = PageOfRows(number=1, count=count)
    return PageOfRows(number=min(max(number, 1), page.pages), count=count)


# --- Staff: progress updates that are late, per city ---------------------------------------


@dataclass(frozen=True)
class CityLate:
    name: str
    slug: str
    country: str
    plans: int
    oldest_due: date | None
    names: dict = field(default_factory=dict)  # the city's name in other languages

    @property
    def local_name(self) -> str:
        return (self.names or {}).get(get_language()) or self.name

    @property
    def country_name(self) -> str:
        return country_names().get(self.country) or self.country


@dataclass(frozen=True)
class LateUpdates:
    cities: list[CityLate] = field(default_factory=list)
    city_count: int = 0
    plan_count: int = 0

    @property
    def more(self) -> int:
        return self.city_count - len(self.cities)


def late_updates_by_city(*, scope: Scope, today: date) -> LateUpdates:
    """Running plans late with their progress update (as the staff dashboard counts them),
    grouped by city, the cities with most first: two queries."""
    late = plans_late_with_update(today=today).order_by()
    if scope.country:
        late = late.filter(city__country=scope.country)
    if scope.theme:
        late = late.filter(topic=scope.theme)
    rows = (
        late.values("city__name", "city__slug", "city__country", "city__names")
        .annotate(plans=Count("pk"), since=Min(Coalesce("last_end", "start_date")))
        .order_by("-plans", "city__name")[:LATE_SHOWN]
    )
    cities = [
        CityLate(
            name=row["city__name"],
            slug=row["city__slug"],
            country=row["city__country"],
            plans=row["plans"],
            oldest_due=update_due_after(row["since"]),
            names=row["city__names"] or {},
        )
        for row in rows
    ]
    totals = late.aggregate(cities=Count("city", distinct=True), plans=Count("pk"))
    return LateUpdates(cities=cities, city_count=totals["cities"], plan_count=totals["plans"])
