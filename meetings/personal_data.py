"""A person's part in meetings: their registrations (with e-mail and needs) and follow-ups.

Erasure keeps each registration as a count for the meeting's figures (kind, city, status,
attendance) and blanks who the person was and what they needed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from accounts.personal_data import iso, register

from .models import FollowUp, Registration


def _registrations(user):
    # Staff may have registered the person by e-mail without tying the row to the account.
    return Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def export(user) -> dict[str, Any]:
    return {
        "meeting_registrations": [
            {
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


register("meetings", export=export, erase=erase)
