"""Personal API tokens: a city system posts its indicators' measurements in an officer's name."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import City

# Tokens start with this, so a leaked one is recognised (secret scanners, logs).
TOKEN_PREFIX = "rwg_"


def token_hash(secret: str) -> str:
    """Only this is stored: the token itself is shown once, when it is created."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("city")
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What uses it, e.g. “statistics office export”.")
    )
    # The first characters of the token, to tell tokens apart on the page.
    prefix = models.CharField(max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired
