"""Producing a report's PDF, in the worker: the document in the report's language, its
fingerprint, the file (made, or reused from a report of the same content), and the daily
clean-up of expired files. The queue (tasks.py) calls in here; the requests (services.py) only
ask it what a document would be."""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.storage import StorageUnavailable, stored_file_delete

from . import notices
from .models import Report, report_file_path
from .selectors import ReportUnavailable, Source, report_source

logger = logging.getLogger(__name__)

# Bump when a PDF template or the print CSS changes: older files then stop being reused.
REPORT_TEMPLATE_VERSION = "2026-3"
# How long a produced file is kept (and reused for the same content).
REPORT_LIFETIME = timedelta(days=settings.REPORTS_KEEP_DAYS)


def html_to_pdf(html: str) -> bytes:
    """reports.pdf.html_to_pdf, imported with the first PDF a process makes: WeasyPrint takes a
    second or two to import, which a web process (or a test's host) that makes none never pays."""
    from .pdf import html_to_pdf as render

    return render(html)


def fingerprint_for(*, kind: str, language: str, html: str) -> str:
    """sha256 of the exact document the PDF is made from, with its kind, language and version."""
    digest = hashlib.sha256()
    for part in (kind, language, REPORT_TEMPLATE_VERSION):
        digest.update(part.encode() + b"\0")
    digest.update(html.encode())
    return digest.hexdigest()


def report_html(*, report: Report) -> tuple[Source, str]:
    """The HTML document WeasyPrint turns into the PDF, in the report's language: the records
    in their translation into it where there is one, else in their original. The document's
    ``<html lang>`` (``document_language``) is the language of its main text; the portal's own
    words are in the report's language and say so where it differs.

    Rich text goes through the same nh3 cleaning as on the pages (the ``richtext`` filter);
    every other field is escaped by the template. ReportUnavailable if the content is gone."""
    with translation.override(report.language):
        source = report_source(report)
        html = render_to_string(
            source.template,
            {
                **source.context,
                "report_title": source.title,
                "document_language": source.language or report.language,
            },
        )
    return source, html


def report_render(*, report_id: int) -> Report | None:
    """Produce the PDF of a queued report. Safe to repeat and to run twice at once.

    A re-delivered task (its worker died) finds the row "running" and simply renders again;
    whichever run finishes first wins, the other throws its file away.
    """
    claimed = Report.objects.filter(
        pk=report_id, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
    ).update(status=Report.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1)
    if not claimed:
        return None  # gone, already produced, or failed (a retry queues it again)
    report = Report.objects.get(pk=report_id)
    started = time.monotonic()
    try:
        source, html = report_html(report=report)
        fingerprint = fingerprint_for(kind=report.kind, language=report.language, html=html)
        Report.objects.filter(pk=report.pk).update(
            fingerprint=fingerprint, title=source.title[:300]
        )

        existing = _reusable(report, fingerprint)
        if existing is not None:
            _finish(
                report,
                name=existing.file.name,
                expires_at=existing.expires_at,
                reused=existing,
                pages=existing.page_count,
                size=existing.file_size,
            )
            return Report.objects.get(pk=report.pk)

        pdf = html_to_pdf(html)
        name = default_storage.save(report_file_path(report, "report.pdf"), ContentFile(pdf))
        elapsed = time.monotonic() - started
        logger.info("Report %s (%s) rendered in %.2f s", report.pk, report.kind, elapsed)
        if not _finish(
            report,
            name=name,
            expires_at=timezone.now() + REPORT_LIFETIME,
            seconds=elapsed,
            pages=getattr(pdf, "pages", None),
            size=len(pdf),
        ):
            stored_file_delete(name, committed=True)  # another run finished first
        notices.report_ready(Report.objects.select_related("requested_by").get(pk=report.pk))
    except ReportUnavailable as reason:
        _fail(report.pk, str(reason))
    except StorageUnavailable:
        with translation.override(report.language):
            _fail(
                report.pk,
                _("The file store was not answering. Please try again in a few minutes."),
            )
    except SoftTimeLimitExceeded:
        with translation.override(report.language):
            _fail(report.pk, _("Producing the report took too long. Please try again later."))
    except Exception as error:  # an unexpected bug: record it, tell the person, keep the worker
        logger.exception("Report %s failed", report.pk)
        with translation.override(report.language):
            _fail(
                report.pk,
                _(
                    "The report could not be produced (%(error)s). Please try again; if it "
                    "keeps failing, tell the network staff."
                )
                % {"error": type(error).__name__},
            )
    return Report.objects.get(pk=report.pk)


def _fail(report_id: int, reason: str) -> None:
    now = timezone.now()
    Report.objects.filter(
        pk=report_id, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
    ).update(
        status=Report.Status.FAILED,
        error=reason,
        finished_at=now,
        expires_at=now + REPORT_LIFETIME,
    )


def _reusable(report: Report, fingerprint: str) -> Report | None:
    candidates = (
        Report.objects.filter(
            fingerprint=fingerprint, status=Report.Status.READY, expires_at__gt=timezone.now()
        )
        .exclude(pk=report.pk)
        .exclude(file="")
        .order_by("-expires_at")
    )
    for candidate in candidates:
        if default_storage.exists(candidate.file.name):
            return candidate
    return None


def _finish(
    report: Report, *, name: str, expires_at, seconds=None, reused=None, pages=None, size=None
) -> bool:
    with transaction.atomic():
        return bool(
            Report.objects.filter(
                pk=report.pk, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
            ).update(
                status=Report.Status.READY,
                file=name,
                error="",
                finished_at=timezone.now(),
                expires_at=expires_at,
                render_seconds=seconds,
                reused_from=reused,
                page_count=pages,
                file_size=size,
            )
        )


def reports_expired_delete(*, now=None) -> int:
    """Delete expired rows and their files (a file still used by a live row is kept)."""
    now = now or timezone.now()
    expired = Report.objects.filter(expires_at__lt=now)
    names = set(expired.exclude(file="").values_list("file", flat=True))
    expired_ids = list(expired.values_list("pk", flat=True))
    kept = set(
        Report.objects.filter(file__in=names)
        .exclude(pk__in=expired_ids)
        .values_list("file", flat=True)
    )
    count, _details = Report.objects.filter(pk__in=expired_ids).delete()
    for name in names - kept:
        stored_file_delete(name, committed=True)
    return count
