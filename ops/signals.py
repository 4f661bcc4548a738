"""Celery's side of the logs and metrics: the request id travels in the task's headers; each
task run writes one line ("task": name, id, state, duration, request id) and is counted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import structlog
from celery import signals
from django.conf import settings

from .logs import get_logger
from .metrics import TASK_DURATION, TASK_FAILURES, TASKS

logger = get_logger("portal.task")

HEADER = "portal_request_id"
_started: dict[str, tuple[float, dict]] = {}


@signals.before_task_publish.connect
def _carry_request_id(sender=None, headers=None, **kwargs) -> None:
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    if headers is not None and request_id and HEADER not in headers:
        headers[HEADER] = request_id


@signals.task_prerun.connect
def _task_started(sender=None, task_id=None, task=None, **kwargs) -> None:
    request = getattr(task, "request", None)
    carried = getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(
        HEADER
    )
    context = {"task_id": task_id, "task": getattr(task, "name", str(sender))}
    if carried:
        context["request_id"] = carried
    tokens = structlog.contextvars.bind_contextvars(**context)
    _started[task_id] = (time.perf_counter(), tokens)


@signals.task_postrun.connect
def _task_finished(sender=None, task_id=None, task=None, state=None, **kwargs) -> None:
    started, tokens = _started.pop(task_id, (None, None))
    name = getattr(task, "name", str(sender))
    outcome = (state or "unknown").lower()
    TASKS.labels(task=name, state=outcome).inc()
    duration = None
    if started is not None:
        duration = time.perf_counter() - started
        TASK_DURATION.labels(task=name).observe(duration)
    log = logger.warning if outcome == "failure" else logger.info
    log(
        "task",
        state=outcome,
        duration_ms=round(duration * 1000, 1) if duration is not None else None,
    )
    if tokens:
        structlog.contextvars.reset_contextvars(**tokens)


@signals.task_failure.connect
def _task_failed(sender=None, exception=None, **kwargs) -> None:
    TASK_FAILURES.labels(
        task=getattr(sender, "name", str(sender)), exception=type(exception).__name__
    ).inc()


@signals.setup_logging.connect
def _keep_django_logging(**kwargs) -> None:
    """Celery keeps the LOGGING setting (JSON lines) instead of installing its own handlers."""


@signals.worker_init.connect
def _serve_worker_metrics(**kwargs) -> None:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        # The children's metric files: fresh with each start of the worker.
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()
    port = settings.WORKER_METRICS_PORT
    if port:
        from .metrics import serve_worker_metrics

        serve_worker_metrics(port)


@signals.worker_process_init.connect
def _fresh_child(**kwargs) -> None:
    # A prefork child starts with a copy of its parent's bookkeeping; its own is empty.
    _started.clear()
