"""Network staff and administrators must use a second factor (TOTP, with recovery codes), and
every staff session must have passed it: having one set up is not enough."""

from __future__ import annotations

import re

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

# What a staff session may reach before it has passed its second factor: the sign-in, second
# factor and sign-out pages of allauth (not the personal data pages), static files and the
# health probe.
OPEN_BEFORE_SECOND_FACTOR = re.compile(
    r"^/(?:(?:[a-z]{2}/)?accounts/(?!data/|invitation/)|static/|healthz$|favicon\.ico$)"
)


def totp_give(*, user, secret: str) -> None:
    """Give a user a TOTP authenticator with a known secret (demo accounts and tests)."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)


def passed_second_factor(request) -> bool:
    """Whether this session was opened (or confirmed) with a second factor.

    allauth records each authentication step of a session; a session made any other way (an
    invitation link before it was mended, a session from an earlier version) has none.
    """
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def _signed_in_with_password(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "password" for record in records)


@receiver(authenticator_added)
def _setting_up_counts_as_passing(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up TOTP proves the code in this session, so the staff member goes on at once."""
    # allauth records its own steps with this function; its public module re-exports only reads.
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


class StaffMFARequiredMiddleware:
    """A staff session reaches the portal only once it has passed the second factor.

    Staff without a second factor, signed in with their password, are sent to set one up;
    any other staff session that has not passed it is signed out and asked to sign in again.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.STAFF_MFA_REQUIRED
            and user is not None
            and user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and not OPEN_BEFORE_SECOND_FACTOR.match(request.path_info)
            and not passed_second_factor(request)
        ):
            if not is_mfa_enabled(user) and _signed_in_with_password(request):
                messages.warning(
                    request,
                    _(
                        "Network staff protect their account with a second factor: set up an "
                        "authenticator app to continue."
                    ),
                )
                return redirect("mfa_activate_totp")
            logout(request)
            messages.warning(
                request,
                _(
                    "For your security, sign in again with your password and your "
                    "authenticator code."
                ),
            )
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        return self.get_response(request)
