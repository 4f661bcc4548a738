"""Who may see and do what with meetings: every meetings view goes through these helpers.

Objects a person must not see answer 404 (a draft meeting, another city's registration), so
their existence does not leak; a missing right on something visible answers 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access import staff_required
from cities.models import City
from cities.selectors import cities_for_user

from .models import FollowUp, Meeting, Registration

__all__ = [
    "staff_required",
    "officer_required",
    "cities_of",
    "is_officer",
    "meeting_for_visitor",
    "meeting_for_registration",
    "meeting_for_staff",
    "registration_for_user",
    "followup_for_user",
]


def cities_of(user) -> QuerySet[City]:
    """The cities a person registers people for and acts for: every city for staff."""
    return cities_for_user(user)


def is_officer(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.city_memberships.exists())


def officer_required(view):
    """City officers and staff: anonymous visitors go to sign in, other accounts get 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_officer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _not_found() -> Http404:
    return Http404(_("There is no meeting at this address."))


def meeting_for_visitor(user, *, slug: str, queryset: QuerySet[Meeting] | None = None) -> Meeting:
    """A published meeting for anybody; staff may also preview a draft."""
    queryset = Meeting.objects.select_related("host_city") if queryset is None else queryset
    meeting = queryset.filter(slug=slug).first()
    if meeting is None or not (meeting.is_published or user.is_staff):
        raise _not_found()
    return meeting


def meeting_for_registration(user, *, slug: str) -> Meeting:
    """A published meeting, for people who may register others: officers and staff."""
    meeting = Meeting.objects.select_related("host_city").filter(slug=slug).first()
    if meeting is None or not meeting.is_published:
        raise _not_found()
    if not is_officer(user):
        raise PermissionDenied
    return meeting


def meeting_for_staff(*, slug: str) -> Meeting:
    """Any meeting, drafts included; the view is ``staff_required``."""
    meeting = Meeting.objects.select_related("host_city", "activity").filter(slug=slug).first()
    if meeting is None:
        raise _not_found()
    return meeting


def registration_for_user(user, *, meeting: Meeting, pk: int) -> Registration:
    """A registration of the meeting, for staff or an officer of the registered person's city."""
    registrations = Registration.objects.select_related("meeting", "city").filter(meeting=meeting)
    if not user.is_staff:
        registrations = registrations.filter(city__in=cities_of(user))
    registration = registrations.filter(pk=pk).first()
    if registration is None:
        raise Http404(_("There is no such registration."))
    return registration


def followup_for_user(user, *, pk: int) -> FollowUp:
    """A follow-up, for staff or an officer of the city that acts on it."""
    followups = FollowUp.objects.select_related("decision__meeting", "city")
    if not user.is_staff:
        followups = followups.filter(city__in=cities_of(user))
    followup = followups.filter(pk=pk).first()
    if followup is None:
        raise Http404(_("There is no such follow-up."))
    return followup
