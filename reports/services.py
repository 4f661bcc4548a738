"""Writes for reports: a person's request (queued once its transaction commits) and a retry of
a failed one. The worker's side, producing the file, is in rendering.py."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from .models import Report
from .rendering import fingerprint_for, report_html
from .selectors import ReportUnavailable
from .tasks import report_render

# A second click on the same button within this time shows the report already on its way.
DUPLICATE_WINDOW = timedelta(minutes=5)


def ready_report_for(*, kind: str, object_id, year, language: str) -> Report | None:
    """A ready file of exactly the document this subject gives now (same fingerprint), so the
    person downloads it at once: the document is made again, but not its PDF."""
    latest = (
        Report.objects.filter(
            kind=kind,
            object_id=object_id,
            year=year,
            language=language,
            status=Report.Status.READY,
            expires_at__gt=timezone.now(),
        )
        .exclude(file="")
        .order_by("-finished_at")
        .first()
    )
    if latest is None:
        return None
    try:
        _source, html = report_html(report=latest)
    except ReportUnavailable:
        return None
    if fingerprint_for(kind=kind, language=language, html=html) != latest.fingerprint:
        return None
    return latest if default_storage.exists(latest.file.name) else None


def report_request(*, kind: str, object_id, year, language: str, title: str, user) -> Report:
    """Create the row and queue its rendering once the transaction commits."""
    requested_by = user if user.is_authenticated else None
    if requested_by is not None:
        pending = Report.objects.filter(
            kind=kind,
            object_id=object_id,
            year=year,
            language=language,
            requested_by=requested_by,
            status__in=[Report.Status.QUEUED, Report.Status.RUNNING],
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if pending is not None:
            return pending
    report = Report.objects.create(
        kind=kind,
        object_id=object_id,
        year=year,
        language=language,
        title=title[:300],
        requested_by=requested_by,
    )
    report_render.delay_on_commit(report.pk)
    return report


def report_retry(*, report: Report) -> Report:
    updated = Report.objects.filter(pk=report.pk, status=Report.Status.FAILED).update(
        status=Report.Status.QUEUED, error="", started_at=None, finished_at=None, expires_at=None
    )
    if updated:
        report_render.delay_on_commit(report.pk)
    report.refresh_from_db()
    return report
