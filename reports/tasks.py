from __future__ import annotations

from celery import shared_task

from . import services


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
    services.report_render(report_id=report_id)


@shared_task(acks_late=True, time_limit=300, soft_time_limit=240)
def reports_expired_delete() -> int:
    """Daily: delete expired reports and their private files. Safe to repeat."""
    return services.reports_expired_delete()


@shared_task(acks_late=True, time_limit=60, soft_time_limit=45)
def reports_stale_requeue() -> int:
    """Every few minutes: queue again reports whose worker died. Safe to repeat."""
    return services.reports_stale_requeue()
