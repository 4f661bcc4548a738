"""A generated PDF is a row: what it is about, who asked, its state, its file and expiry."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def report_file_path(report: Report, filename: str) -> str:
    """A random name under MEDIA_ROOT/reports/: nothing guessable, nothing from the title."""
    return f"reports/{secrets.token_urlsafe(24)}.pdf"


class Report(models.Model):
    class Kind(models.TextChoices):
        GUIDELINE = "guideline", _("Guideline")
        PLAN_PROGRESS = "plan_progress", _("Action plan progress report")
        WORK_PLAN = "work_plan", _("Work plan and achievements")
        MEETING_AGENDA = "meeting_agenda", _("Meeting agenda")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being produced")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # What the report is about: an object id (guideline, plan, meeting) or a year (work plan).
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("reason of the failure"), blank=True)
    file = models.FileField(_("file"), upload_to=report_file_path, blank=True)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, blank=True)
    reused_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    render_seconds = models.FloatField(null=True, blank=True, editable=False)
    # What the download link says: "PDF, 10 pages, 240 KB".
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["fingerprint", "status"], name="report_fingerprint_idx"),
            models.Index(fields=["status", "expires_at"], name="report_expiry_idx"),
            # The latest ready file of a subject: the download link's facts, the one-step download.
            models.Index(
                fields=["kind", "object_id", "year", "language", "status"],
                name="report_subject_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title or self.object_id or self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reports:status", kwargs={"uid": self.uid})

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)
