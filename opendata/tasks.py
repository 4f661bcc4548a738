from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(acks_late=True, time_limit=900, soft_time_limit=840)
def open_data_bundle_build() -> int:
    """Nightly: the whole public data set as one zip file. Safe to repeat."""
    return services.bundle_build().pk
