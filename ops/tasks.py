from __future__ import annotations

from celery import shared_task

from core.storage import pending_deletions_run

from .beat import tick_record


@shared_task(acks_late=True, time_limit=30, soft_time_limit=20, ignore_result=True)
def beat_tick() -> None:
    """Every BEAT_TICK_SECONDS: beat is alive (ops/beat.py). Safe to repeat."""
    tick_record()


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def stored_files_sweep() -> int:
    """Hourly: delete the stored files whose deletion waited for a backup or for the store.
    Safe to repeat; does nothing while a backup runs."""
    return pending_deletions_run()
