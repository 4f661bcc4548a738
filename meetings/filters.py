"""The public meeting list's filters (django-filter): kind, host city and year."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cities.selectors import city_name_choices

from .models import Meeting
from .selectors import meeting_years


def _year_choices() -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in meeting_years()]


class MeetingFilter(django_filters.FilterSet):
    """Invalid values (an unknown kind, "abcd" as a year) leave that filter out, with a message."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Meeting.Kind.choices, empty_label=_("All kinds")
    )
    city = django_filters.ChoiceFilter(
        label=_("Host city"),
        field_name="host_city__slug",
        choices=city_name_choices,
        empty_label=_("All cities"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_year_choices, empty_label=_("All years"), method="filter_year"
    )

    class Meta:
        model = Meeting
        fields = ["kind", "city", "year"]

    def filter_year(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        return queryset.filter(starts_at__year=int(value))
