"""The one check of an uploaded file, for every app that takes one: its size against a limit,
its type read from its content (never trusted from the name or the browser) against the
caller's list, and the name's extension against that type."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext


@dataclass(frozen=True)
class FileType:
    """A kind of file the portal may take: named in messages, the extensions its name may end
    in, the MIME type it is served with."""

    name: str
    extensions: frozenset[str]
    mime: str


# By the extension the content is detected as (filetype's names).
FILE_TYPES = {
    "pdf": FileType("PDF", frozenset({".pdf"}), "application/pdf"),
    "png": FileType("PNG", frozenset({".png"}), "image/png"),
    "jpg": FileType("JPEG", frozenset({".jpg", ".jpeg"}), "image/jpeg"),
    "webp": FileType("WebP", frozenset({".webp"}), "image/webp"),
    "docx": FileType(
        "DOCX",
        frozenset({".docx"}),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": FileType(
        "XLSX",
        frozenset({".xlsx"}),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": FileType(
        "PPTX",
        frozenset({".pptx"}),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": FileType("ODT", frozenset({".odt"}), "application/vnd.oasis.opendocument.text"),
    "ods": FileType("ODS", frozenset({".ods"}), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": FileType("ODP", frozenset({".odp"}), "application/vnd.oasis.opendocument.presentation"),
}


@dataclass(frozen=True)
class CheckedUpload:
    """What the check found: the MIME type to store and serve, and the detected extension (a
    stored name may end in it)."""

    mime: str
    extension: str


def validate_upload(
    upload, *, allowed: Collection[str], max_size: int | None = None
) -> CheckedUpload:
    """Check an upload (a Django UploadedFile) or raise ValidationError saying why not.

    ``allowed`` names the accepted types (keys of FILE_TYPES); ``max_size`` is in bytes, the
    MAX_UPLOAD_SIZE setting by default.
    """
    limit = settings.MAX_UPLOAD_SIZE if max_size is None else max_size
    if upload.size > limit:
        raise ValidationError(
            gettext("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in allowed or kind.extension not in FILE_TYPES:
        names = sorted({FILE_TYPES[name].name for name in allowed}, key=str.lower)
        raise ValidationError(
            gettext("This kind of file is not accepted. Upload one of: %(types)s.")
            % {"types": ", ".join(names)}
        )
    found = FILE_TYPES[kind.extension]
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in found.extensions:
        raise ValidationError(
            gettext("The file's name ends in “%(extension)s” but its content is %(kind)s.")
            % {"extension": extension or "—", "kind": found.name}
        )
    return CheckedUpload(mime=found.mime, extension=kind.extension)
