from __future__ import annotations

import secrets
from datetime import timedelta
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import WrittenIn
from core.urls import slug_url


class City(WrittenIn):
    class Membership(models.TextChoices):
        MEMBER = "member", _("Member city")
        OBSERVER = "observer", _("Observer city")
        PARTNER = "partner", _("Partner city")

    name = models.CharField(_("name"), max_length=120)
    # The city's name in other languages where it differs ({"fr": "Athènes", "it": "Atene"}).
    names = models.JSONField(_("name in other languages"), default=dict, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # Meetings the city hosts are scheduled in its local time.
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Brussels")
    membership = models.CharField(
        _("membership"), max_length=20, choices=Membership.choices, default=Membership.MEMBER
    )
    description = models.TextField(_("description"), blank=True)
    # A contact by role (e.g. "Roma inclusion unit, social affairs department"), not a person.
    contact_role = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        indexes = [
            # The directory filters by membership and orders by name.
            models.Index(fields=["membership", "name"], name="city_directory_idx"),
            # The directory and every city list: ordered by name.
            models.Index(fields=["name"], name="city_by_name_idx"),
        ]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the language of the page (Varsovie on a French page), else its own."""
        return (self.names or {}).get(get_language()) or self.name

    def get_absolute_url(self) -> str:
        # The city page gathers several apps (practices, plans, meetings), so it lives in `portal`.
        return slug_url("portal:city", self.slug)

    def clean(self) -> None:
        if self.timezone not in available_timezones():
            raise ValidationError({"timezone": _("Choose a time zone such as Europe/Lisbon.")})


class Commitment(models.Model):
    """Something cities pledge to, e.g. principle 3 of the European Pillar of Social Rights."""

    title = models.CharField(_("commitment"), max_length=255)
    framework = models.CharField(_("framework"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["framework", "title"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "title"], name="commitment_once")
        ]

    def __str__(self) -> str:
        return f"{self.framework}: {self.title}" if self.framework else self.title


class Pledge(models.Model):
    """A city's public commitment, with when it was made and where it can be read."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="pledges")
    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("commitment")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    made_on = models.DateField(_("date"), null=True, blank=True)
    statement = models.TextField(_("statement"), blank=True)
    source_url = models.URLField(
        _("source"), blank=True, help_text=_("Where the pledge is published.")
    )

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-year", "commitment__title"]
        constraints = [
            models.UniqueConstraint(fields=["city", "commitment"], name="pledge_once_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.city}: {self.commitment} ({self.year})"


class OfficerRole(models.TextChoices):
    OFFICER = "officer", _("Officer")
    LEAD = "lead", _("Lead officer")


class CityMembership(models.Model):
    """Ties a user to a city as one of its officers; a lead officer also manages access."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="city_memberships"
    )
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=OfficerRole.choices, default=OfficerRole.OFFICER
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("city officer")
        verbose_name_plural = _("city officers")
        ordering = ["city__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "city"], name="one_membership_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.city} ({self.get_role_display()})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """Staff invite an officer by e-mail to a city; there is no open sign-up.

    The token is the secret: the link lets its holder set a password, once, until it expires.
    """

    email = models.EmailField(_("e-mail address"))
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(
        _("role"), max_length=20, choices=OfficerRole.choices, default=OfficerRole.OFFICER
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.city}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
