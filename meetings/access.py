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
from cities.access import cities_of, is_officer_of

from .guests import registration_for_confirm_token, registration_for_token
from .models import (
    AgendaItem,
    AgendaSession,
    Decision,
    FollowUp,
    GuestInvitation,
    Meeting,
    MeetingDocument,
    Registration,
)

__all__ = [
    "staff_required",
    "officer_required",
    "cities_of",
    "is_officer",
    "meeting_for_visitor",
    "meeting_for_registration",
    "meeting_for_staff",
    "document_for_meeting",
    "item_for_staff",
    "session_for_staff",
    "decision_for_staff",
    "registration_for_user",
    "followup_for_user",
    "meeting_for_guests",
    "invitation_for_guests",
    "meeting_for_organisers",
    "is_organiser",
    "guest_registration_for_staff",
    "guest_registration_from_link",
    "guest_registration_from_confirm_link",
    "invitation_for_staff",
]


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


def _part_of(queryset: QuerySet, message: str, *, pk: int):
    """One row of a meeting the person may see already (its document, decision, agenda item)."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(message)
    return found


def document_for_meeting(*, meeting: Meeting, pk: int) -> MeetingDocument:
    """A document of a meeting the person may see: documents are as public as their meeting."""
    return _part_of(meeting.documents.all(), _("There is no such document."), pk=pk)


def item_for_staff(*, meeting: Meeting, pk: int) -> AgendaItem:
    return _part_of(
        meeting.items.select_related("meeting__host_city").prefetch_related("speakers"),
        _("There is no such agenda item."),
        pk=pk,
    )


def session_for_staff(*, meeting: Meeting, pk: int) -> AgendaSession:
    return _part_of(meeting.sessions.all(), _("There is no such session."), pk=pk)


def decision_for_staff(*, meeting: Meeting, pk: int) -> Decision:
    return _part_of(meeting.decisions.all(), _("There is no such decision."), pk=pk)


def registration_for_user(user, *, meeting: Meeting, pk: int) -> Registration:
    """A registration of the meeting, for staff or an officer of the registered person's city."""
    registrations = Registration.objects.select_related("meeting", "city").filter(meeting=meeting)
    if not user.is_staff:
        # Guests who registered themselves are the staff's to handle, whatever city they name.
        registrations = registrations.filter(city__in=cities_of(user), self_registered=False)
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


# --- Guests -------------------------------------------------------------------------------


def meeting_for_guests(*, slug: str) -> Meeting:
    """A published meeting that takes guests; any other answers 404 (its guest form does not
    exist)."""
    meeting = Meeting.objects.select_related("host_city").filter(slug=slug).first()
    if meeting is None or not meeting.is_published or not meeting.takes_guests:
        raise Http404(_("This meeting takes no guest registrations."))
    return meeting


def invitation_for_guests(*, meeting: Meeting, token: str) -> GuestInvitation:
    """A guest invitation of the meeting by its link (revoked or used up ones are refused when
    the guest registers, with a message)."""
    invitation = GuestInvitation.objects.filter(meeting=meeting, token=token).first()
    if invitation is None or not token:
        raise Http404(
            _("This invitation link does not exist. Ask the network staff for a new one.")
        )
    return invitation


def is_organiser(user, meeting: Meeting) -> bool:
    """Staff, and the officers of the host city: they see the guests' details."""
    return user.is_authenticated and (user.is_staff or is_officer_of(user, meeting.host_city_id))


def meeting_for_organisers(user, *, slug: str) -> Meeting:
    """Any meeting for staff; a published one for its host city's officers; 403 for others."""
    meeting = Meeting.objects.select_related("host_city").filter(slug=slug).first()
    if meeting is None or not (meeting.is_published or user.is_staff):
        raise _not_found()
    if not is_organiser(user, meeting):
        raise PermissionDenied
    return meeting


def guest_registration_for_staff(*, meeting: Meeting, pk: int) -> Registration:
    registration = (
        Registration.objects.select_related("meeting")
        .filter(meeting=meeting, pk=pk, self_registered=True)
        .first()
    )
    if registration is None:
        raise Http404(_("There is no such guest registration."))
    return registration


def invitation_for_staff(*, meeting: Meeting, pk: int) -> GuestInvitation:
    invitation = GuestInvitation.objects.filter(meeting=meeting, pk=pk).first()
    if invitation is None:
        raise Http404(_("There is no such invitation."))
    return invitation


def _link_refused() -> Http404:
    return Http404(
        _(
            "This link does not work (any more). If you registered, the e-mails we sent you "
            "hold your links; otherwise register again."
        )
    )


def guest_registration_from_link(*, token: str) -> Registration:
    """The guest's own registration: the signed link in their e-mails is the proof."""
    registration = registration_for_token(token)
    if registration is None:
        raise _link_refused()
    return registration


def guest_registration_from_confirm_link(*, token: str) -> Registration:
    registration = registration_for_confirm_token(token)
    if registration is None:
        raise _link_refused()
    return registration


def may_translate_meeting_text(user, _record) -> bool:
    """Staff publish meetings and their agendas, and translate them."""
    return user.is_authenticated and user.is_staff
