"""One log line and the metrics of every request, with its request id."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from django.conf import settings
from django.utils.functional import empty

from .logs import get_logger
from .metrics import REQUEST_LATENCY, RESPONSES

logger = get_logger("portal.request")

# A request id a proxy in front of us set, when it has a sane shape.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._\-]{8,64}$")
UNMATCHED = "<unmatched>"


def _request_id(request) -> str:
    # Only a proxy of ours is believed (README, "Behind a proxy"); a client's header is not.
    if settings.TRUSTED_PROXY_COUNT or settings.TRUSTED_CLIENT_IP_HEADER:
        given = request.headers.get("X-Request-ID", "")
        if REQUEST_ID.match(given):
            return given
    return uuid.uuid4().hex


def _user_id(request) -> int | None:
    """The signed-in person's id, if the request looked them up (never their e-mail)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestObservabilityMiddleware:
    """First in MIDDLEWARE: times the whole answer; logs one line ("request": method, route,
    view, status, duration, user id, request id) and counts it for Prometheus by view.

    The route is the URL pattern, not the path: paths carry reset keys, invitation and
    unsubscribe tokens; no query string, no address, no user agent is logged.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        request_id = _request_id(request)
        request.request_id = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            duration = time.perf_counter() - started
            match = getattr(request, "resolver_match", None)
            view = match.view_name if match is not None and match.view_name else UNMATCHED
            method = request.method if request.method in KNOWN_METHODS else "other"
            REQUEST_LATENCY.labels(view=view, method=method).observe(duration)
            RESPONSES.labels(view=view, method=method, status=str(status)).inc()
            logger.info(
                "request",
                method=method,
                route=f"/{match.route}" if match is not None else None,
                view=view,
                status=status,
                duration_ms=round(duration * 1000, 1),
                user_id=_user_id(request),
            )
            structlog.contextvars.clear_contextvars()

    def process_view(self, request, view_func, view_args, view_kwargs):
        user_id = _user_id(request)
        if user_id is not None:
            structlog.contextvars.bind_contextvars(user_id=user_id)


KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class OperationsEndpointsMiddleware:
    """/healthz, /readyz and /metrics answer whatever Host header they are asked with.

    Probes and Prometheus reach a container by its address or service name (127.0.0.1:8000,
    web:8000), which ALLOWED_HOSTS rightly does not list; these three pages build no link from
    the host, so they are answered here, before CommonMiddleware refuses the host (400), and
    without a session, which they do not need.
    """

    PATHS = {"/healthz", "/readyz", "/metrics"}

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in self.PATHS:
            from django.urls import resolve

            match = resolve(request.path_info)
            request.resolver_match = match
            return match.func(request, *match.args, **match.kwargs)
        return self.get_response(request)
