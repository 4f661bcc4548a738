"""An import a person prepared from a file: its checked rows wait here for the confirmation.

Only a file without a single error becomes a row; the rows are applied, all of them in one
transaction, when the person confirms the preview, and only if the plan (or the indicator) is
as it was when the file was read (core/editing.py).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan, Indicator


class DataImport(models.Model):
    class Kind(models.TextChoices):
        MEASUREMENTS = "measurements", _("Measurements of an indicator")
        ACTIONS = "actions", _("Actions of a plan")
        MILESTONES = "milestones", _("Milestones of a plan's actions")

    class Status(models.TextChoices):
        PREPARED = "prepared", _("Prepared")
        APPLIED = "applied", _("Applied")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=200)
    # The checked rows: [{"row": 7, "status": "new", "key": "...", "values": {...},
    # "changes": [[label, before, after], ...]}, ...]
    rows = models.JSONField(default=list)
    # The plan's (or indicator's) edit token when the file was read: the confirmation is
    # refused if anyone changed it meanwhile.
    edit_token = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREPARED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row["status"] == status)
