"""Stored attachments: practices' files and action plans' evidence, checked by core.uploads."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from core.storage import file_response
from core.uploads import validate_upload

# What an attachment may be (core.uploads.FILE_TYPES), up to MAX_UPLOAD_SIZE.
ATTACHMENT_TYPES = ["pdf", "png", "jpg", "webp", "docx", "xlsx", "pptx", "odt", "ods", "odp"]


def random_upload_path(instance, filename: str) -> str:
    """Store under a random name: the original name is kept in the row, never on disk."""
    return f"attachments/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class StoredFile(models.Model):
    """An uploaded file: stored under a random name, its type read from its content.

    Practices' attachments and action plans' evidence both are one; the download is always an
    attachment with the stored type, so an uploaded file never renders inside the portal.
    """

    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=random_upload_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def values_for(cls, *, upload, title: str, by) -> dict:
        """Checked values for a new row from an upload; ValidationError says what is wrong."""
        return {
            "content_type": validate_upload(upload, allowed=ATTACHMENT_TYPES).mime,
            "title": title.strip() or upload.name[:200],
            "file": upload,
            "original_name": upload.name[:255],
            "size": upload.size,
            "uploaded_by": by,
        }

    def download_response(self) -> HttpResponse:
        """Streamed from the file store (or a short-lived signed URL); the caller checked
        access. 404 when the file is missing, 503 when the store does not answer."""
        return file_response(self.file, filename=self.original_name, content_type=self.content_type)
