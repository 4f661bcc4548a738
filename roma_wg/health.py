"""/healthz (liveness, with the state of everything) and /readyz (readiness, for load balancers).

/healthz answers 503 only when the database is down: the page keeps working when the broker,
the worker or beat is, and says so ("ok", "late" or "unavailable"). /readyz answers 200 when this
web process can serve a request completely (database, cache, file store), 503 otherwise, so a
load balancer sends people elsewhere.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from core.storage import storage_state
from ops.beat import beat_state

from .celery import app as celery_app

# A worker answering the ping later than this is "late"; not at all within WORKER_PING_TIMEOUT,
# "unavailable".
WORKER_PING_LATE = 1.0
WORKER_PING_TIMEOUT = 2.0

# How long the probe waits for SQLite's write lock: a writer holding it longer than this makes
# every save wait as long, so the portal is not healthy.
SQLITE_PROBE_WAIT_MS = 2000


def _database_state() -> str:
    """Probe the database as a save uses it: able to write, not only to answer SELECT 1."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite" and not connection.in_atomic_block:
                # A read succeeds on a locked file; taking the write lock (and giving it back
                # at once) is what a save needs.
                cursor.execute(f"PRAGMA busy_timeout = {SQLITE_PROBE_WAIT_MS}")
                try:
                    cursor.execute("BEGIN IMMEDIATE")
                    cursor.execute("ROLLBACK")
                finally:
                    cursor.execute(f"PRAGMA busy_timeout = {_sqlite_busy_timeout_ms()}")
            elif connection.vendor == "postgresql":
                cursor.execute("SELECT pg_is_in_recovery()")
                if cursor.fetchone()[0]:
                    return "read-only"
            else:
                cursor.execute("SELECT 1")
    except DatabaseError:
        return "unavailable"
    return "ok"


def _sqlite_busy_timeout_ms() -> int:
    return int(float(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5)) * 1000)


def _broker_state() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "in-process"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # any transport error means "not reachable" here
        return "unavailable"
    return "ok"


def _worker_state() -> str:
    started = time.monotonic()
    try:
        replies = celery_app.control.ping(timeout=WORKER_PING_TIMEOUT, limit=1)
    except Exception:  # the broker went away between the two probes
        return "unavailable"
    if not replies:
        return "unavailable"
    return "ok" if time.monotonic() - started < WORKER_PING_LATE else "late"


def _cache_state() -> str:
    try:
        cache.set("ops:readiness-probe", 1, timeout=10)
        return "ok" if cache.get("ops:readiness-probe") == 1 else "unavailable"
    except Exception:  # any client error: the shared cache is not there
        return "unavailable"


def health_states() -> dict[str, str]:
    """What /healthz and `manage.py health` say of each part."""
    database, broker = _database_state(), _broker_state()
    if broker == "in-process":
        worker = "in-process"
    else:
        worker = _worker_state() if broker == "ok" else "unavailable"
    return {"database": database, "broker": broker, "worker": worker, "beat": beat_state()}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    states = health_states()
    healthy = states["database"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", **states}, status=200 if healthy else 503
    )


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_state(), "cache": _cache_state(), "files": storage_state()}
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ready" if ready else "not ready", **checks}, status=200 if ready else 503
    )
