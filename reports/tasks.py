"""The reports' queue. Tasks import what they run (rendering.py); the services queue them and
are never imported from here, so the two never import each other."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from . import rendering
from .models import Report

# A row queued or running for longer than this was lost by its worker: queue it again.
REPORT_STALE_AFTER = timedelta(minutes=15)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=180,
    soft_time_limit=150,
    max_retries=0,
)
def report_render(report_id: int) -> None:
    """Render one report. Expected failures (content gone, too slow, a bug) mark the row
    failed with a reason; the task itself never raises, so it is never retried blindly.
    Safe to repeat: a re-delivered message renders the same content again."""
    rendering.report_render(report_id=report_id)


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def reports_expired_delete() -> int:
    """Daily: delete expired reports and their private files. Safe to repeat."""
    return rendering.reports_expired_delete()


@shared_task(acks_late=True, time_limit=60, soft_time_limit=45)
def reports_stale_requeue() -> int:
    """Every few minutes: queue again the reports whose worker died (queued or running for too
    long). Safe to repeat."""
    limit = timezone.now() - REPORT_STALE_AFTER
    stale = list(
        Report.objects.filter(
            status__in=[Report.Status.QUEUED, Report.Status.RUNNING], created_at__lt=limit
        )
        .exclude(started_at__gte=limit)
        .values_list("pk", flat=True)
    )
    for pk in stale:
        report_render.delay_on_commit(pk)
    return len(stale)
