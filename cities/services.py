"""Writes for cities: inviting officers and turning an invitation into an account."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import City, CityMembership, Invitation, OfficerRole
from .tasks import invitation_send

User = get_user_model()


@transaction.atomic
def invitation_create(*, city: City, email: str, role: str, invited_by) -> Invitation:
    email = email.strip().lower()
    if CityMembership.objects.filter(city=city, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already an officer of %(city)s.") % {"city": city}}
        )
    if role not in OfficerRole.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    invitation = Invitation.objects.create(city=city, email=email, role=role, invited_by=invited_by)
    invitation_send.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
):
    """Create (or reuse) the invited person's account and make them an officer of the city.

    The e-mail address counts as verified: the person proved it by opening the link.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has already been used or has expired."))
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User.objects.create_user(
            email=invitation.email, password=password, first_name=first_name, last_name=last_name
        )
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    CityMembership.objects.update_or_create(
        user=user, city=invitation.city, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
