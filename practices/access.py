"""Who may see and change practices and guidelines. Every view goes through these helpers.

A draft of another city answers 404 (its existence is not leaked); a visible object the person
may not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from cities.access import is_officer_of
from cities.models import City
from cities.selectors import cities_for_user
from core.access import found_or_404

from .models import EDITABLE_BY_CITY, Guideline, Practice, PracticeAttachment


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


def _no_practice_here() -> str:
    return _("There is no good practice at this address.")


def _no_guideline_here() -> str:
    return _("There is no guideline at this address.")


def _visible_practice(user, practices, **lookup) -> Practice:
    """The practice ``lookup`` names, if the person may see it; 404 otherwise."""
    practice = found_or_404(practices, _no_practice_here(), **lookup)
    if not can_see_practice(user, practice):
        raise Http404(_no_practice_here())
    return practice


def get_practice_for_viewing(user, *, slug: str) -> Practice:
    return _visible_practice(user, Practice.objects.select_related("city", "priority"), slug=slug)


def get_visible_practice(user, *, pk: int) -> Practice:
    return _visible_practice(user, Practice.objects.select_related("city"), pk=pk)


def get_practice_for_editing(user, *, pk: int) -> Practice:
    practice = get_visible_practice(user, pk=pk)
    if not can_edit_practice(user, practice):
        raise PermissionDenied
    return practice


def get_practice_for_review(user, *, pk: int) -> Practice:
    if not user.is_staff:
        raise PermissionDenied
    return found_or_404(Practice.objects.select_related("city"), _no_practice_here(), pk=pk)


def get_attachment_for_viewing(user, *, slug: str, pk: int) -> PracticeAttachment:
    """A file of a practice the person may see."""
    practice = get_practice_for_viewing(user, slug=slug)
    return found_or_404(practice.attachments.all(), _("There is no such attachment."), pk=pk)


def get_attachment_for_editing(user, *, practice_pk: int, pk: int) -> PracticeAttachment:
    """A file of a practice the person may change (to remove it)."""
    practice = get_practice_for_editing(user, pk=practice_pk)
    return found_or_404(practice.attachments.all(), _("There is no such attachment."), pk=pk)


def can_propose(user) -> bool:
    """Officers propose practices for their cities, staff for any."""
    return cities_for_user(user).exists()


def cities_for_proposing(user) -> QuerySet[City]:
    """The cities a person may propose a practice for; 403 for a person of no city."""
    cities = cities_for_user(user)
    if not cities.exists():
        raise PermissionDenied
    return cities.order_by("name")


def cities_for_transfer(user, practice: Practice) -> QuerySet[City]:
    """The cities a person may record as adopting the practice: staff any, officers their own;
    403 when none is another city than the practice's."""
    cities = cities_for_user(user)
    if not cities.exclude(pk=practice.city_id).exists():
        raise PermissionDenied
    return cities


def can_see_guideline(user, guideline: Guideline) -> bool:
    """Published guidelines are public; drafts are for staff."""
    return guideline.is_published or user.is_staff


def get_guideline_for_viewing(user, *, slug: str) -> Guideline:
    guideline = found_or_404(Guideline.objects.all(), _no_guideline_here(), slug=slug)
    if not can_see_guideline(user, guideline):
        raise Http404(_no_guideline_here())
    return guideline


def get_guideline_for_editing(user, *, pk: int) -> Guideline:
    """Staff write guidelines; the view is staff-only already, this finds the one asked for."""
    if not user.is_staff:
        raise PermissionDenied
    return found_or_404(Guideline.objects.all(), _no_guideline_here(), pk=pk)
