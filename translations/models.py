from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.languages import CONTENT_LANGUAGES


class Translation(models.Model):
    """One record's texts in one language other than its original.

    ``texts`` holds the translated fields by name. ``source`` is a fingerprint of the original's
    texts as they were when this translation was last saved: when the original changes, the
    translation is shown as out of date until someone saves it again.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=8, choices=CONTENT_LANGUAGES)
    texts = models.JSONField(_("texts"), default=dict)
    source = models.CharField(max_length=32, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("translated by"),
    )
    translated_at = models.DateTimeField(_("translated on"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["content_type", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="one_translation_per_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ({self.language})"

    @property
    def is_checked(self) -> bool:
        return self.checked_at is not None
