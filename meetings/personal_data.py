"""A person's part in meetings: their registrations (with e-mail and needs) and follow-ups;
for guests without an account, what is held under their e-mail address.

Erasure keeps each registration as a count for the meeting's figures (kind, role category,
city, country, status, attendance) and blanks who the person was and what they needed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from accounts.personal_data import EXPORT_FORMAT, iso, register

from .models import FollowUp, GuestInvitation, Registration
from .services import guest_registration_erase


def _registrations(user):
    # Staff may have registered the person by e-mail without tying the row to the account.
    return Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def _registration(registration: Registration) -> dict[str, Any]:
    row = {
        "meeting": registration.meeting.title,
        "meeting_starts_at": iso(registration.meeting.starts_at),
        "name": registration.name,
        "organisation": registration.organisation,
        "city": registration.city.name if registration.city else None,
        "role": registration.role,
        "participant_kind": registration.get_kind_display(),
        "email": registration.email,
        "dietary_needs": registration.dietary_needs,
        "accessibility_needs": registration.accessibility_needs,
        "status": registration.get_status_display(),
        "attended": registration.attended,
        "registered_at": iso(registration.created_at),
    }
    if registration.is_guest:
        row.update(
            {
                "role_category": registration.get_guest_category_display(),
                "city_or_town": registration.place,
                "country": registration.country.name if registration.country else None,
                "language_of_emails": registration.language,
                "email_confirmed_at": iso(registration.email_confirmed_at),
            }
        )
    return row


def guest_registration_export(registration: Registration) -> dict[str, Any]:
    """A guest's registration, downloaded through their own link."""
    return {
        "format": EXPORT_FORMAT,
        "generated_at": iso(timezone.now()),
        "meeting_registrations": [_registration(registration)],
    }


def export(user) -> dict[str, Any]:
    return {
        "meeting_registrations": [
            _registration(registration)
            for registration in _registrations(user)
            .select_related("meeting", "city")
            .order_by("created_at", "id")
        ],
        "meeting_follow_ups_marked_done": [
            {
                "decision": followup.decision.title,
                "meeting": followup.decision.meeting.title,
                "city": followup.city.name,
                "done_at": iso(followup.done_at),
            }
            for followup in FollowUp.objects.filter(done_by=user).select_related(
                "decision__meeting", "city"
            )
        ],
    }


def erase(user, *, label: str) -> None:
    _registrations(user).update(
        name=label,
        email="",
        role="",
        dietary_needs="",
        accessibility_needs="",
        needs_purged_at=timezone.now(),
    )


def _held_under(email: str):
    return Registration.objects.filter(email__iexact=email, user__isnull=True)


def export_address(email: str) -> dict[str, Any]:
    return {
        "meeting_registrations": [
            _registration(registration)
            for registration in _held_under(email)
            .select_related("meeting", "city")
            .order_by("created_at", "id")
        ],
        "meeting_invitations": [
            {
                "meeting": invitation.meeting.title,
                "email": invitation.email,
                "name": invitation.name,
                "invited_at": iso(invitation.created_at),
                "revoked_at": iso(invitation.revoked_at),
            }
            for invitation in GuestInvitation.objects.filter(email__iexact=email).select_related(
                "meeting"
            )
        ],
    }


def erase_address(email: str) -> int:
    """Guests' registrations are cancelled where still to come (a freed place goes to the
    waiting list) and blanked; personal invitations lose their address and stop working."""
    erased = 0
    for registration in _held_under(email).filter(self_registered=True):
        guest_registration_erase(registration=registration)
        erased += 1
    erased += _held_under(email).update(
        name="", email="", role="", dietary_needs="", accessibility_needs="",
        needs_purged_at=timezone.now(),
    )  # fmt: skip
    erased += GuestInvitation.objects.filter(email__iexact=email).update(
        email="", name="", revoked_at=timezone.now()
    )
    return erased


register(
    "meetings",
    export=export,
    erase=erase,
    export_address=export_address,
    erase_address=erase_address,
)
