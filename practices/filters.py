"""The library's filters: every one lives in the URL, combines with the others, and an unknown
value is reported and ignored rather than failing the page."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cities.countries import country_choices
from cities.selectors import city_name_choices
from objectives.models import StrategicObjective

from .models import FundingSource, Practice, Theme
from .search import text_search

MAX_QUERY_LENGTH = 200


class SortChoices:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    CITY = "city"
    CHOICES = [(RELEVANCE, _("Relevance")), (NEWEST, _("Newest")), (CITY, _("City"))]


def _through_filter(through_field: str, code_field: str):
    """Filter on a many-to-many by a subquery, so no row is duplicated by the join."""

    def method(queryset: QuerySet[Practice], name: str, values: list[str]) -> QuerySet[Practice]:
        if not values:
            return queryset
        through = getattr(Practice, through_field).through
        ids = through.objects.filter(**{f"{code_field}__in": values}).values("practice_id")
        return queryset.filter(pk__in=ids)

    return method


def _objective_choices() -> list[tuple[str, str]]:
    return [
        (code, f"{code} {title}")
        for code, title in StrategicObjective.objects.values_list("code", "title")
    ]


class PracticeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=MAX_QUERY_LENGTH, strip=True
    )
    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"),
        choices=Theme.Code.choices,
        method=_through_filter("themes", "theme__code"),
        widget=forms.CheckboxSelectMultiple,
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), field_name="city__country", widget=forms.CheckboxSelectMultiple
    )
    city = django_filters.MultipleChoiceFilter(
        label=_("City"), field_name="city__slug", widget=forms.CheckboxSelectMultiple
    )
    funding = django_filters.MultipleChoiceFilter(
        label=_("Funding"),
        choices=FundingSource.Code.choices,
        method=_through_filter("funding_sources", "fundingsource__code"),
        widget=forms.CheckboxSelectMultiple,
    )
    objective = django_filters.MultipleChoiceFilter(
        label=_("Strategic objective"),
        method=_through_filter("strategic_objectives", "strategicobjective__code"),
        widget=forms.CheckboxSelectMultiple,
    )
    year = django_filters.NumberFilter(
        label=_("Active in year"), method="filter_year", min_value=1990, max_value=2100
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SortChoices.CHOICES, method="filter_noop", empty_label=None
    )

    class Meta:
        model = Practice
        fields: list[str] = []

    def __init__(self, *args, city_choices=None, objective_choices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The long lists (500 cities, every country) are given as functions: Django's form
        # copies a field's choices for every form it builds, and a list of them deep-copied
        # thousands of objects a request; a function is copied as it is and read only when a
        # value is checked or the options are listed.
        cities = city_choices if city_choices is not None else city_name_choices()
        objectives = objective_choices if objective_choices is not None else _objective_choices()
        self.filters["city"].extra["choices"] = lambda: cities
        self.filters["objective"].extra["choices"] = lambda: objectives
        self.filters["country"].extra["choices"] = country_choices

    def choice_labels(self, name: str) -> dict[str, str]:
        """Value -> label of a filter's options."""
        choices = self.filters[name].extra["choices"]
        return dict(choices() if callable(choices) else choices)

    def filter_text(self, queryset, name, value):
        return text_search(queryset, value) if value else queryset

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(
            Q(end_year__isnull=True) | Q(end_year__gte=year), start_year__lte=year
        )

    def filter_noop(self, queryset, name, value):
        return queryset  # sorting is applied by the selector, after filtering
