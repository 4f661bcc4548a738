"""Project-wide request and response rules: body sizes, security and caching headers."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control

# Room for the multipart framing and the text fields that travel with a file.
UPLOAD_FORM_ALLOWANCE = 1024 * 1024

# Features no page of the portal uses: a page (or something injected into one) cannot ask.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "encrypted-media", "fullscreen", "geolocation", "gyroscope", "hid", "magnetometer",
        "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip


def accepts_uploads(limit_setting: str = "MAX_UPLOAD_SIZE") -> Callable:
    """Mark a view that takes a file: its requests may carry up to the size the setting named
    holds (read at each request) plus the form around it. Apply it outermost."""

    def mark(view):
        view.upload_limit = limit_setting
        return view

    return mark


def body_limit(view_func) -> int:
    if hasattr(view_func, "upload_limit"):
        return getattr(settings, view_func.upload_limit) + UPLOAD_FORM_ALLOWANCE
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestBodyLimitMiddleware:
    """Refuse a request body larger than its view accepts (413) before anything reads it.

    Without it, Django would spool any multipart body to disk to find the CSRF token, whatever
    the address. Must come before CsrfViewMiddleware (the first to read the body). The proxy in
    front limits bodies too (README): this is the limit that knows each address.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = body_limit(view_func)
        if length > limit:
            return render(
                request,
                "413.html",
                {"limit_megabytes": max(1, round(limit / (1024 * 1024)))},
                status=413,
            )
        return None


class ResponseHeadersMiddleware:
    """Permissions-Policy on every answer; nothing a signed-in person sees is kept by a browser
    or proxy cache (a shared computer, a corporate proxy)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_store=True)
        return response


class StorageUnavailableMiddleware:
    """The file store not answering is "try again later" (503 with Retry-After), never a 500.

    A download, or any page that reads the store, answers the 503 page; a form whose file could
    not be stored is shown again with what was typed (core.views.storage_unavailable) and its
    status becomes 503 here.
    """

    RETRY_AFTER = 60

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "storage_unavailable", False) and response.status_code < 500:
            response.status_code = 503
            response["Retry-After"] = str(self.RETRY_AFTER)
        return response

    def process_exception(self, request, exception):
        from .storage import StorageUnavailable

        if not isinstance(exception, StorageUnavailable):
            return None
        response = render(request, "503.html", {"storage": True}, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER)
        return response


class SessionRefreshMiddleware:
    """A session ends after SESSION_COOKIE_AGE seconds without activity; activity moves that end
    on by saving the session (the database, the cache and the cookie). Saving on every request
    cost a transaction per signed-in page: it is saved when something in it changes, and
    otherwise once every SESSION_REFRESH_SECONDS at most, so the end comes at most that much
    early. Comes right after the session middleware, which saves what this marks."""

    stamp = "_refreshed_at"

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session this request already read (a signed-in page always does): checking
        # costs no extra lookup, and a visitor without one never gets one.
        if session is None or not session.accessed or session.is_empty():
            return response
        now = int(time.time())
        if session.modified or now - session.get(self.stamp, 0) >= settings.SESSION_REFRESH_SECONDS:
            session[self.stamp] = now
        return response
