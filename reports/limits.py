"""How many reports one visitor may ask for: a fixed window counted in the shared cache.

The fingerprint already spares the workers repeated renders of the same content; this keeps one
visitor (anonymous ones are counted by address) from filling the queue and the table.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.network import client_address


def _who(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_address(request)}"


def request_allowed(request: HttpRequest) -> tuple[bool, int]:
    """Count this request; answer whether it is within the limit and the seconds to wait if not."""
    window = settings.REPORT_REQUESTS_WINDOW
    limit = (
        settings.REPORT_REQUESTS_PER_USER
        if request.user.is_authenticated
        else settings.REPORT_REQUESTS_PER_ADDRESS
    )
    started = int(time.time()) // window * window
    key = f"reports:requests:{_who(request)}:{started}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit, started + window - int(time.time())
