"""Celery beat's heartbeat: a tiny task beat queues every BEAT_TICK_SECONDS records the time in
the shared cache (Redis), and /healthz tells how old it is."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

BEAT_TICK_KEY = "ops:beat:last-tick"


def tick_record(*, now: float | None = None) -> float:
    now = time.time() if now is None else now
    # Kept ten intervals: after that beat is not late but gone ("unavailable").
    cache.set(BEAT_TICK_KEY, now, timeout=settings.BEAT_TICK_SECONDS * 10)
    return now


def last_tick() -> float | None:
    try:
        value = cache.get(BEAT_TICK_KEY)
    except Exception:  # the cache is down: nothing can be said of beat
        return None
    return float(value) if value is not None else None


def beat_state(*, now: float | None = None) -> str:
    """ "ok" when the last tick is younger than two intervals, "late" when older,
    "unavailable" when none is recorded (beat or its worker stopped long ago, or never ran)."""
    tick = last_tick()
    if tick is None:
        return "unavailable"
    age = (time.time() if now is None else now) - tick
    return "ok" if age < 2 * settings.BEAT_TICK_SECONDS else "late"
