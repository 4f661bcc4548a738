"""Who belongs to which city: the one place other apps ask."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import City, OfficerRole
from .selectors import cities_for_user


def cities_of(user) -> QuerySet[City]:
    """The cities a person acts for: their own for an officer, every city for staff."""
    return cities_for_user(user)


def is_officer_of(user, city_id: int | None) -> bool:
    """An officer (lead or not) of this city."""
    return bool(
        city_id and user.is_authenticated and user.city_memberships.filter(city_id=city_id).exists()
    )


def is_lead_officer_of(user, city_id: int | None) -> bool:
    """A lead officer of this city: they manage who else is."""
    return bool(
        city_id
        and user.is_authenticated
        and user.city_memberships.filter(city_id=city_id, role=OfficerRole.LEAD).exists()
    )


def can_manage_officers(user, city: City) -> bool:
    """Staff for every city; a lead officer for their own."""
    return user.is_authenticated and (user.is_staff or is_lead_officer_of(user, city.pk))


def get_city_for_managing_officers(user, *, slug: str) -> City:
    """The city whose officers the person invites and lists: 404 for no city, 403 for a person
    who may not manage its officers."""
    city = get_object_or_404(City, slug=slug)
    if not can_manage_officers(user, city):
        raise PermissionDenied
    return city


def may_translate_city(user, city) -> bool:
    """The city's description is translated by its officers and by staff."""
    return user.is_authenticated and (user.is_staff or is_officer_of(user, city.pk))
