"""Prometheus metrics (prometheus-client): requests by view, tasks by task, queue and reports.

Web processes count requests (ops/middleware.py) and workers count tasks (ops/signals.py). With
several processes per host (gunicorn workers, Celery's prefork children), PROMETHEUS_MULTIPROC_DIR
points at a directory they share and a scrape adds them up. What is shared by every host (the
broker's queue, the reports waiting) is read at scrape time.

The web's metrics are at /metrics, answered only with `Authorization: Bearer <METRICS_TOKEN>`
(404 otherwise, and always without a token configured); a worker serves its own on
WORKER_METRICS_PORT, an address of the internal network only.
"""

from __future__ import annotations

import hmac
import logging
import os
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
TASK_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)

REQUEST_LATENCY = Histogram(
    "portal_http_request_duration_seconds",
    "Time to answer a request, by view (URL name) and method.",
    ["view", "method"],
    buckets=LATENCY_BUCKETS,
)
RESPONSES = Counter(
    "portal_http_responses",
    "Answers by view, method and status code.",
    ["view", "method", "status"],
)
TASKS = Counter("portal_celery_tasks", "Tasks run, by task and outcome.", ["task", "state"])
TASK_DURATION = Histogram(
    "portal_celery_task_duration_seconds",
    "Time a task ran, by task.",
    ["task"],
    buckets=TASK_BUCKETS,
)
TASK_FAILURES = Counter(
    "portal_celery_task_failures",
    "Tasks that raised, by task and exception.",
    ["task", "exception"],
)


def multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def process_registry() -> CollectorRegistry:
    """This process's metrics, or every process's of this host in multiprocess mode."""
    if not multiprocess_dir():
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


class SharedStateCollector:
    """What every host shares, read at scrape time: the broker's queue, pending reports, the
    age of beat's last tick, file deletions waiting for a backup to end."""

    def collect(self):
        queue = GaugeMetricFamily(
            "portal_celery_queue_length", "Tasks waiting in the broker's queue.", labels=["queue"]
        )
        length = queue_length()
        if length is not None:
            queue.add_metric([settings.CELERY_TASK_DEFAULT_QUEUE], length)
        yield queue

        from reports.models import Report

        pending = GaugeMetricFamily(
            "portal_reports_pending", "Reports queued or being produced.", labels=["status"]
        )
        counts = dict.fromkeys([Report.Status.QUEUED, Report.Status.RUNNING], 0)
        oldest = None
        for row in Report.objects.filter(status__in=list(counts)).values("status", "created_at"):
            counts[row["status"]] += 1
            oldest = min(oldest, row["created_at"]) if oldest else row["created_at"]
        for status, count in counts.items():
            pending.add_metric([status], count)
        yield pending
        waiting = GaugeMetricFamily(
            "portal_reports_oldest_pending_seconds",
            "Age of the oldest report still queued or being produced (0 when none).",
        )
        waiting.add_metric([], (time.time() - oldest.timestamp()) if oldest else 0)
        yield waiting

        from .beat import last_tick

        tick = last_tick()
        beat = GaugeMetricFamily(
            "portal_beat_last_tick_age_seconds",
            "Seconds since Celery beat's last tick (absent when none was recorded).",
        )
        if tick is not None:
            beat.add_metric([], max(0.0, time.time() - tick))
        yield beat

        from core.models import PendingFileDeletion

        deletions = GaugeMetricFamily(
            "portal_pending_file_deletions", "Stored files waiting to be deleted."
        )
        deletions.add_metric([], PendingFileDeletion.objects.count())
        yield deletions


def queue_length() -> int | None:
    """Messages waiting in the default queue (Redis list), None when it cannot be read."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return 0
    from roma_wg.celery import app

    try:
        with app.connection_for_read() as connection:
            client = connection.default_channel.client
            return int(client.llen(settings.CELERY_TASK_DEFAULT_QUEUE))
    except Exception:  # the broker is down: the metric is absent, which alerts say
        logger.warning("the queue length could not be read")
        return None


def _authorised(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    if not token:
        return False
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    """/metrics for Prometheus: 404 unless the bearer token matches METRICS_TOKEN."""
    if not _authorised(request):
        # A bare 404, the same as for an address that does not exist.
        return HttpResponseNotFound(b"Not found", content_type="text/plain")
    shared = CollectorRegistry()
    shared.register(SharedStateCollector())
    body = generate_latest(process_registry()) + generate_latest(shared)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)


def serve_worker_metrics(port: int) -> None:
    """A worker's own metrics on a port of its host (its tasks; started by ops/signals.py)."""
    from prometheus_client import start_http_server

    start_http_server(port, addr=settings.WORKER_METRICS_ADDRESS, registry=process_registry())
