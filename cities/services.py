"""Writes for cities: inviting officers, turning an invitation into an account, and the
cities' pledges to shared commitments. Each service takes keyword arguments only and runs in one
transaction; ``by`` is who acts."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import City, CityMembership, Commitment, Invitation, OfficerRole, Pledge
from .tasks import invitation_send

User = get_user_model()


@transaction.atomic
def invitation_create(*, city: City, email: str, role: str, by) -> Invitation:
    email = email.strip().lower()
    if CityMembership.objects.filter(city=city, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This person is already an officer of %(city)s.") % {"city": city}}
        )
    if role not in OfficerRole.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if not by.is_staff and (
        User.objects.filter(email__iexact=email)
        .filter(models.Q(is_staff=True) | models.Q(is_superuser=True))
        .exists()
    ):
        raise ValidationError(
            {
                "email": _(
                    "This address belongs to a network staff account: only network staff "
                    "can add staff to a city."
                )
            }
        )
    invitation = Invitation.objects.create(city=city, email=email, role=role, invited_by=by)
    invitation_send.delay_on_commit(invitation.pk)
    return invitation


def invitation_account(invitation: Invitation):
    """The live account the invitation is addressed to, if one exists."""
    return User.objects.filter(email__iexact=invitation.email, is_active=True).first()


def _locked_usable(invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(
            _("This invitation has already been used or has expired."), code="unusable"
        )
    return invitation


def _join(*, invitation: Invitation, user) -> CityMembership:
    membership, _created = CityMembership.objects.update_or_create(
        user=user, city=invitation.city, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
):
    """Create the invited person's account and make them an officer of the city.

    Only for an address no account holds: the link proves the address, never who a person is,
    so it must not open an existing account (that person signs in, then accepts). The e-mail
    address counts as verified: the person proved it by opening the link.
    """
    invitation = _locked_usable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with this address already exists: sign in to accept the invitation."),
            code="account_exists",
        )
    user = User.objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    _join(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_accept_signed_in(*, invitation: Invitation, user) -> CityMembership:
    """A signed-in person accepts an invitation addressed to their own account."""
    invitation = _locked_usable(invitation)
    if not user.is_authenticated or user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation is addressed to another account."), code="other_account"
        )
    return _join(invitation=invitation, user=user)


# --- Pledges ----------------------------------------------------------------------------------


def _pledge_taken(city: City, commitment: Commitment, pledge: Pledge | None) -> bool:
    others = Pledge.objects.filter(city=city, commitment=commitment)
    if pledge is not None:
        others = others.exclude(pk=pledge.pk)
    return others.exists()


@transaction.atomic
def pledge_save(*, pledge: Pledge | None, data: dict, by) -> Pledge:
    """A city's pledge to a commitment (one per city and commitment)."""
    taken = _("This city has already pledged to this commitment: edit that pledge.")
    city, commitment = data.get("city"), data.get("commitment")
    if city is not None and commitment is not None and _pledge_taken(city, commitment, pledge):
        raise ValidationError({"commitment": taken})
    made_on, year = data.get("made_on"), data.get("year")
    if made_on is not None and year is not None and made_on.year != year:
        raise ValidationError({"made_on": _("The date must fall in the pledge's year.")})
    instance = pledge or Pledge()
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError({"commitment": taken}) from None
    return instance


@transaction.atomic
def pledge_delete(*, pledge: Pledge, by) -> None:
    pledge.delete()


@transaction.atomic
def commitment_create(*, title: str, framework: str, by) -> Commitment:
    title, framework = title.strip(), framework.strip()
    if not title:
        raise ValidationError({"title": _("Name the commitment.")})
    if Commitment.objects.filter(title__iexact=title, framework__iexact=framework).exists():
        raise ValidationError({"title": _("This commitment exists already.")})
    commitment = Commitment(title=title, framework=framework)
    commitment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            commitment.save()
    except IntegrityError:
        raise ValidationError({"title": _("This commitment exists already.")}) from None
    return commitment
