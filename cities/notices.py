"""What cities notify about: an invitation about to expire unused, to whoever sent it."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind, register, reminder
from notifications.services import notify_many

from .access import can_manage_officers
from .models import Invitation

EXPIRY_AHEAD = 2  # days before an unused invitation expires


register(Kind(
    "invitation_expiring", _("Invitation about to expire"),
    _("Your invitation to %(email)s to join %(city)s expires on %(expiry_date)s unused."),
    visible=lambda user, invitation: can_manage_officers(user, invitation.city),
))  # fmt: skip


@reminder
def invitations_expiring(*, today: date) -> int:
    soon = today + timedelta(days=EXPIRY_AHEAD)
    invitations = Invitation.objects.filter(
        accepted_at__isnull=True, invited_by__isnull=False, expires_at__date=soon
    ).select_related("city", "invited_by")
    rows = []
    for invitation in invitations:
        expiry = timezone.localdate(invitation.expires_at)
        rows.append(
            (
                invitation.invited_by,
                "invitation_expiring",
                invitation,
                reverse("cities:invitation_new", kwargs={"slug": invitation.city.slug}),
                {
                    "email": invitation.email,
                    "city": invitation.city.name,
                    "expiry_date": expiry.isoformat(),
                },
                "",
            )
        )
    return notify_many(rows)
