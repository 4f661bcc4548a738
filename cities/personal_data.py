"""A person's part in cities: the cities they work for and their invitations."""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import CityMembership, Invitation


def export(user) -> dict[str, Any]:
    return {
        "city_memberships": [
            {"city": m.city.name, "role": m.get_role_display(), "since": iso(m.created_at)}
            for m in CityMembership.objects.filter(user=user).select_related("city")
        ],
        "invitations_received": [
            {
                "city": invitation.city.name,
                "role": invitation.get_role_display(),
                "email": invitation.email,
                "sent_at": iso(invitation.created_at),
                "expires_at": iso(invitation.expires_at),
                "accepted_at": iso(invitation.accepted_at),
            }
            for invitation in _received(user).select_related("city")
        ],
        # The invitee's address is someone else's data: only what the person did.
        "invitations_sent": [
            {
                "city": invitation.city.name,
                "role": invitation.get_role_display(),
                "sent_at": iso(invitation.created_at),
                "accepted_at": iso(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related("city")
        ],
    }


def erase(user, *, label: str) -> None:
    CityMembership.objects.filter(user=user).delete()
    _received(user).delete()


def cities(user) -> list[str]:
    return list(
        CityMembership.objects.filter(user=user).values_list("city__name", flat=True).distinct()
    )


def _received(user):
    return Invitation.objects.filter(email__iexact=user.email)


register("cities", export=export, erase=erase, cities=cities)
