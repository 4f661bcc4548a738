"""Who belongs to which city: the one place other apps ask."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import City
from .selectors import cities_for_user


def cities_of(user) -> QuerySet[City]:
    """The cities a person acts for: their own for an officer, every city for staff."""
    return cities_for_user(user)


def is_officer_of(user, city_id: int | None) -> bool:
    """An officer (lead or not) of this city."""
    return bool(
        city_id and user.is_authenticated and user.city_memberships.filter(city_id=city_id).exists()
    )


def may_translate_city(user, city) -> bool:
    """The city's description is translated by its officers and by staff."""
    return user.is_authenticated and (user.is_staff or is_officer_of(user, city.pk))
