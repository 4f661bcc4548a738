"""Who may see and change practices and guidelines. Every view goes through these helpers.

A draft of another city answers 404 (its existence is not leaked); a visible object the person
may not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from cities.access import is_officer_of
from cities.selectors import cities_for_user

from .models import EDITABLE_BY_CITY, Guideline, Practice


def can_translate_practice(user, practice: Practice) -> bool:
    """Its city's officers and staff translate a practice, whatever its state: a translation
    never changes the original."""
    return user.is_authenticated and (user.is_staff or is_officer_of(user, practice.city_id))


def can_translate_guideline_text(user, _record) -> bool:
    """Guidelines, their sections and recommendations are written, and translated, by staff."""
    return user.is_authenticated and user.is_staff


def can_see_practice(user, practice: Practice) -> bool:
    return practice.is_published or (
        user.is_authenticated and (user.is_staff or is_officer_of(user, practice.city_id))
    )


def can_edit_practice(user, practice: Practice) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return practice.status in EDITABLE_BY_CITY and is_officer_of(user, practice.city_id)


def get_practice_for_viewing(user, *, slug: str) -> Practice:
    practice = Practice.objects.select_related("city", "priority").filter(slug=slug).first()
    if practice is None or not can_see_practice(user, practice):
        raise Http404(_("There is no good practice at this address."))
    return practice


def get_visible_practice(user, *, pk: int) -> Practice:
    practice = Practice.objects.select_related("city").filter(pk=pk).first()
    if practice is None or not can_see_practice(user, practice):
        raise Http404(_("There is no good practice at this address."))
    return practice


def get_practice_for_editing(user, *, pk: int) -> Practice:
    practice = Practice.objects.select_related("city").filter(pk=pk).first()
    if practice is None or not can_see_practice(user, practice):
        raise Http404(_("There is no good practice at this address."))
    if not can_edit_practice(user, practice):
        raise PermissionDenied
    return practice


def get_practice_for_review(user, *, pk: int) -> Practice:
    if not user.is_staff:
        raise PermissionDenied
    practice = Practice.objects.select_related("city").filter(pk=pk).first()
    if practice is None:
        raise Http404(_("There is no good practice at this address."))
    return practice


def cities_for_proposing(user):
    """The cities a person may propose a practice for."""
    return cities_for_user(user).order_by("name")


def get_guideline_for_viewing(user, *, slug: str) -> Guideline:
    guideline = Guideline.objects.filter(slug=slug).first()
    if guideline is None or not (guideline.is_published or user.is_staff):
        raise Http404(_("There is no guideline at this address."))
    return guideline


def get_guideline_for_editing(user, *, pk: int) -> Guideline:
    """Staff write guidelines; the view is staff-only already, this finds the one asked for."""
    if not user.is_staff:
        raise PermissionDenied
    guideline = Guideline.objects.filter(pk=pk).first()
    if guideline is None:
        raise Http404(_("There is no guideline at this address."))
    return guideline
