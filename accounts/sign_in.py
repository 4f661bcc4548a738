"""allauth's sign-in and second-factor pages, answering 429 when a limit refuses the attempt;
and the same limiter for the portal's other public forms (``over_limit``).

allauth shows the limit as a form error with status 200; a client (and a monitoring system)
should see that it was refused for being too many, not for a wrong password.
"""

from __future__ import annotations

import re

from allauth.account import app_settings as account_settings
from allauth.account.views import LoginView
from allauth.core import ratelimit
from allauth.mfa.base.views import AuthenticateView
from django.conf import settings
from django.http import HttpRequest, HttpResponse

LIMIT_CODE = "too_many_login_attempts"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*\d+/(\d*(?:\.\d+)?)([smhd])(?:/\w+)?\s*$")


def _window(action: str) -> int:
    """The longest window of an action's limits, in seconds ("10/10m/ip,60/h/key": 3600)."""
    seconds = [
        float(match[1] or 1) * _UNITS[match[2]]
        for rate in (account_settings.RATE_LIMITS.get(action) or "").split(",")
        if (match := _RATE.match(rate))
    ]
    return int(max(seconds, default=60))


def over_limit(request: HttpRequest, *, action: str, key: str | None = None) -> int | None:
    """Count an attempt at ``action`` against its limits (``ACCOUNT_RATE_LIMITS``: per client
    address as the trusted proxies report it, and per ``key``), in the shared cache like the
    sign-in limits. None while within them; else the seconds to wait (for Retry-After)."""
    if ratelimit.consume(request, action=action, key=key):
        return None
    return _window(action)


def as_too_many(response: HttpResponse, *, retry_after: int) -> HttpResponse:
    """The page, answered as refused for being too many (429) with the time to wait."""
    response.status_code = 429
    response["Retry-After"] = str(retry_after)
    return response


def _refused_by_a_limit(form) -> bool:
    if form is None or not form.is_bound:
        return False
    return any(
        error.code == LIMIT_CODE for errors in form.errors.as_data().values() for error in errors
    )


def _as_too_many(response: HttpResponse) -> HttpResponse:
    return as_too_many(response, retry_after=settings.SIGN_IN_RETRY_AFTER)


class RateLimitedLoginView(LoginView):
    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        return _as_too_many(response) if _refused_by_a_limit(form) else response


class RateLimitedAuthenticateView(AuthenticateView):
    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        return _as_too_many(response) if _refused_by_a_limit(form) else response


login = RateLimitedLoginView.as_view()
mfa_authenticate = RateLimitedAuthenticateView.as_view()
