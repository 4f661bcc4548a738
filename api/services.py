"""Writes for API tokens: created (the secret shown once), revoked."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cities.models import City
from cities.selectors import cities_for_user

from .models import TOKEN_PREFIX, ApiToken, token_hash


def token_create(*, user, city: City, name: str, expires_on: date) -> tuple[ApiToken, str]:
    """A new token for ``city``, usable until the end of ``expires_on``; returns it and its
    secret, which is never stored nor shown again."""
    if not cities_for_user(user).filter(pk=city.pk).exists():
        raise PermissionDenied
    today = timezone.localdate()
    if expires_on <= today:
        raise ValidationError({"expires_on": _("Choose a day after today.")})
    if expires_on > today + timedelta(days=settings.API_TOKEN_MAX_DAYS):
        raise ValidationError(
            {
                "expires_on": _("A token lasts at most %(days)s days.")
                % {"days": settings.API_TOKEN_MAX_DAYS}
            }
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.make_aware(datetime.combine(expires_on + timedelta(days=1), time.min))
    token = ApiToken(
        user=user,
        city=city,
        name=name.strip(),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=token_hash(secret),
        expires_at=expires_at,
    )
    token.full_clean(exclude=["user", "city"])
    token.save()
    return token, secret


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
