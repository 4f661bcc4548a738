"""Attachment checks: the type is read from the content, not trusted from the name."""

from __future__ import annotations

import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    extension = PurePath(upload.name).suffix.lower()
    if kind is None or kind.extension not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "This kind of file is not accepted. "
                "Upload a PDF, an image (PNG, JPEG, WebP) or an office document."
            )
        )
    extensions, mime = ALLOWED_TYPES[kind.extension]
    if extension not in extensions:
        raise ValidationError(
            _("The file's name ends in “%(extension)s” but its content is %(kind)s.")
            % {"extension": extension or "—", "kind": kind.extension.upper()}
        )
    return mime


def random_upload_path(instance, filename: str) -> str:
    """Store under a random name: the original name is kept in the row, never on disk."""
    return f"attachments/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"
