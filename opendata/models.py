"""The whole public data set as one zip file: a row per build, its file in the media storage."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def bundle_path(bundle: DataBundle, filename: str) -> str:
    return f"opendata/{secrets.token_urlsafe(12)}/roma-wg-open-data.zip"


class DataBundle(models.Model):
    file = models.FileField(_("file"), upload_to=bundle_path)
    size = models.PositiveBigIntegerField(default=0)
    # The files inside, with their rows: {"cities.csv": 516, ...}
    contents = models.JSONField(default=dict)
    built_at = models.DateTimeField(_("built"), auto_now_add=True)

    class Meta:
        verbose_name = _("open data bundle")
        verbose_name_plural = _("open data bundles")
        ordering = ["-built_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file.name} ({self.built_at:%Y-%m-%d})"
