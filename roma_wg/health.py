"""/healthz: liveness with the state of the database and of the task broker."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from .celery import app as celery_app

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


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database, broker = _database_state(), _broker_state()
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )
