"""Where uploaded files and generated PDFs live, and how they leave it.

The embedded default keeps them under MEDIA_ROOT. With S3_BUCKET set they go to an
S3-compatible object store (django-storages), shared by every web and worker process on every
host. Either way the files are private: every download passes an access helper first and is
then streamed through the portal, or answered with a redirect to a signed URL that works for a
few seconds (FILE_DOWNLOADS=signed-url). No file is ever public in the bucket.

An unreachable store raises StorageUnavailable, which the pages answer with 503 and "try again
later" (core/middleware.py, core/views.py), never 500.
"""

from __future__ import annotations

import functools
import logging
from datetime import timedelta
from urllib.parse import quote

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The file store does not answer (or refuses us): nothing was read or written."""


def _missing(error: ClientError) -> bool:
    return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404 or (
        error.response.get("Error", {}).get("Code") in {"NoSuchKey", "404", "NotFound"}
    )


def _translated(method):
    """Run a storage method; a transport error, or any refusal but "no such key", becomes
    StorageUnavailable. FileNotFoundError (a missing file) passes through unchanged."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(str(args[0]) if args else "") from error
            logger.warning("object store refused %s: %s", method.__name__, type(error).__name__)
            raise StorageUnavailable(type(error).__name__) from error
        except BotoCoreError as error:
            logger.warning("object store unreachable in %s: %s", method.__name__, error)
            raise StorageUnavailable(type(error).__name__) from error

    return wrapper


class PrivateS3Storage(S3Storage):
    """The object store for the portal's files: private objects, names never overwritten.

    django-storages overwrites a name that exists by default (two meeting documents with the
    same title would replace each other); here a clash gets a suffix as on a file system.
    """

    default_acl = None  # the bucket's own policy: private
    querystring_auth = True
    file_overwrite = False

    def __init__(self, **options):
        options.setdefault(
            "client_config",
            Config(
                s3={"addressing_style": options.pop("addressing_style", None) or "auto"},
                signature_version="s3v4",
                connect_timeout=settings.S3_CONNECT_TIMEOUT,
                read_timeout=settings.S3_READ_TIMEOUT,
                # A stopped store answers "try again later" in seconds, not after minutes.
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        )
        super().__init__(**options)

    _save = _translated(S3Storage._save)
    _open = _translated(S3Storage._open)
    delete = _translated(S3Storage.delete)
    exists = _translated(S3Storage.exists)
    size = _translated(S3Storage.size)
    listdir = _translated(S3Storage.listdir)
    get_modified_time = _translated(S3Storage.get_modified_time)

    @_translated
    def get_available_name(self, name, max_length=None):
        return super().get_available_name(name, max_length)

    @_translated
    def stream(self, name: str):
        """The object's body as a stream (read in chunks), without a temporary copy."""
        return self.bucket.Object(self._normalize_name(name)).get()["Body"]

    @_translated
    def signed_url(self, name: str, *, filename: str, content_type: str, seconds: int) -> str:
        disposition = f"attachment; filename*=UTF-8''{quote(filename, safe='')}"
        return self.url(
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
            expire=seconds,
        )

    @_translated
    def check(self) -> None:
        """Raise StorageUnavailable unless the bucket answers."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)


def storage_state(storage=None) -> str:
    """ "ok" when the file store answers, "unavailable" otherwise (for /readyz)."""
    storage = storage or default_storage
    try:
        if hasattr(storage, "check"):
            storage.check()
        else:
            storage.exists(".readiness-probe")
    except (StorageUnavailable, OSError):
        return "unavailable"
    return "ok"


def file_response(
    field_file, *, filename: str, content_type: str, as_attachment: bool = True
) -> HttpResponse:
    """The download of a stored file, after the caller checked who may have it.

    Streamed from the store (a missing file is 404, an unreachable store 503 through the
    middleware), or a redirect to a short-lived signed URL when FILE_DOWNLOADS=signed-url.
    """
    storage = field_file.storage
    name = field_file.name
    if not name:
        raise Http404(_("This file is no longer available."))
    try:
        if isinstance(storage, PrivateS3Storage):
            if settings.FILE_DOWNLOADS == "signed-url":
                if not storage.exists(name):
                    raise FileNotFoundError(name)
                response = HttpResponseRedirect(
                    storage.signed_url(
                        name,
                        filename=filename,
                        content_type=content_type,
                        seconds=settings.S3_SIGNED_URL_SECONDS,
                    )
                )
                response["Cache-Control"] = "private, no-store"
                return response
            handle = storage.stream(name)
        else:
            handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("This file is no longer available.")) from None
    return FileResponse(
        handle, as_attachment=as_attachment, filename=filename, content_type=content_type
    )


# --- Deleting stored files --------------------------------------------------------------

# A backup that takes longer than this is assumed dead: its hold no longer delays deletions.
STORAGE_HOLD_LIMIT = timedelta(hours=12)


def stored_file_delete(name: str, *, storage=None, committed: bool = False) -> None:
    """Delete a stored file once the transaction that dropped its row commits (at once with
    ``committed=True``: the caller's row deletion is already committed).

    While a backup runs (a StorageHold), the deletion waits in PendingFileDeletion instead:
    the backup's database snapshot may still name the file, and it must find it to copy it.
    """
    if not name:
        return
    storage = storage or default_storage

    def run() -> None:
        from .models import PendingFileDeletion, StorageHold

        if StorageHold.objects.filter(created_at__gt=timezone.now() - STORAGE_HOLD_LIMIT).exists():
            PendingFileDeletion.objects.create(name=name)
            return
        try:
            storage.delete(name)
        except StorageUnavailable:
            # The row is gone; the file is tried again by the hourly sweep.
            PendingFileDeletion.objects.create(name=name)

    if committed:
        run()
    else:
        transaction.on_commit(run)


def pending_deletions_run(*, storage=None) -> int:
    """Delete the files whose deletion waited for a backup (none while a backup runs)."""
    from .models import PendingFileDeletion, StorageHold

    storage = storage or default_storage
    if StorageHold.objects.filter(created_at__gt=timezone.now() - STORAGE_HOLD_LIMIT).exists():
        return 0
    done = 0
    for pending in PendingFileDeletion.objects.order_by("pk"):
        try:
            storage.delete(pending.name)
        except StorageUnavailable:
            break
        pending.delete()
        done += 1
    return done
