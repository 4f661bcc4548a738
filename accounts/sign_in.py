"""allauth's sign-in and second-factor pages, answering 429 when a limit refuses the attempt.

allauth shows the limit as a form error with status 200; a client (and a monitoring system)
should see that it was refused for being too many, not for a wrong password.
"""

from __future__ import annotations

from allauth.account.views import LoginView
from allauth.mfa.base.views import AuthenticateView
from django.conf import settings
from django.http import HttpResponse

LIMIT_CODE = "too_many_login_attempts"


def _refused_by_a_limit(form) -> bool:
    if form is None or not form.is_bound:
        return False
    return any(
        error.code == LIMIT_CODE for errors in form.errors.as_data().values() for error in errors
    )


def _as_too_many(response: HttpResponse) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(settings.SIGN_IN_RETRY_AFTER)
    return response


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
