"""How the tests open sessions: as a completed sign-in, or with a step missing on purpose."""

from __future__ import annotations

import time
from importlib import import_module

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.client import ClientMixin

# Django's own force_login: a session with no record of how it was opened (as the invitation
# link made before it was mended, or a session from an earlier version of the portal).
force_login_without_records = ClientMixin.force_login


def force_login_every_factor(self, user, backend=None) -> None:
    """A completed sign-in: the password and, where the account has one, the second factor."""
    force_login_without_records(self, user, backend)
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if is_mfa_enabled(user):
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session = self.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def sign_in_with_password_only(client, user) -> None:
    """A session that passed the password but not the second factor."""
    force_login_without_records(client, user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email}
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


class SignedInSessions:
    """A new browser per request, signed in: each gets a session of its own holding what a
    completed sign-in of that person holds (force_login above). The sign-in is made once per
    person and copied (one row written), not made again for each browser (a session created,
    its key cycled, saved twice, the sign-in signals). Made again after a minute, so that the
    sign-in it records stays a recent one."""

    FRESH_FOR = 60  # seconds

    def __init__(self) -> None:
        self._held: dict[str, tuple[float, dict]] = {}

    def client(self, email: str) -> Client:
        held = self._held.get(email)
        if held is None or time.monotonic() - held[0] > self.FRESH_FOR:
            model = Client()
            force_login_every_factor(model, get_user_model().objects.get(email=email))
            held = self._held[email] = (time.monotonic(), dict(model.session.items()))
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session.update(held[1])
        session.save()
        client = Client()
        name = settings.SESSION_COOKIE_NAME
        client.cookies[name] = session.session_key
        client.cookies[name].update(
            {
                "max-age": None,
                "path": "/",
                "domain": settings.SESSION_COOKIE_DOMAIN,
                "secure": settings.SESSION_COOKIE_SECURE or None,
                "expires": None,
            }
        )
        return client
