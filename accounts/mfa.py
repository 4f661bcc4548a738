"""Network staff and administrators must use a second factor (TOTP, with recovery codes)."""

from __future__ import annotations

import re

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# The staff tools: the signed-in workspace and the Django admin, in any language.
PROTECTED = re.compile(r"^/(?:[a-z]{2}/)?(?:workspace|admin)/")


def totp_give(*, user, secret: str) -> None:
    """Give a user a TOTP authenticator with a known secret (demo accounts and tests)."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)


class StaffMFARequiredMiddleware:
    """Staff without a second factor are sent to set one up before they reach staff tools.

    Signing in then asks for the code (allauth), so the staff tools are behind two factors.
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
            and PROTECTED.match(request.path_info)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Network staff protect their account with a second factor: set up an "
                    "authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
