"""Attachment checks: the type is read from the content, not trusted from the name."""

from __future__ import annotations

import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.storage import file_response

# Detected type -> (extensions accepted for it, MIME type served).
ALLOWED_TYPES = {
    "pdf": ({".pdf"}, "application/pdf"),
    "png": ({".png"}, "image/png"),
    "jpg": ({".jpg", ".jpeg"}, "image/jpeg"),
    "webp": ({".webp"}, "image/webp"),
    "docx": ({".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ({".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        {".pptx"},
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ({".odt"}, "application/vnd.oasis.opendocument.text"),
    "ods": ({".ods"}, "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ({".odp"}, "application/vnd.oasis.opendocument.presentation"),
}


def validate_upload(upload) -> str:
    """Return the MIME type of an acceptable upload or raise ValidationError saying why not."""
    limit = settings.MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            gettext("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    extension = PurePath(upload.name).suffix.lower()
    if kind is None or kind.extension not in ALLOWED_TYPES:
        raise ValidationError(
            gettext(
                "This kind of file is not accepted. "
                "Upload a PDF, an image (PNG, JPEG, WebP) or an office document."
            )
        )
    extensions, mime = ALLOWED_TYPES[kind.extension]
    if extension not in extensions:
        raise ValidationError(
            gettext("The file's name ends in “%(extension)s” but its content is %(kind)s.")
            % {"extension": extension or "—", "kind": kind.extension.upper()}
        )
    return mime


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
            "content_type": validate_upload(upload),
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
