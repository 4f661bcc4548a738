"""How the tests open sessions: as a completed sign-in, or with a step missing on purpose."""

from __future__ import annotations

import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.utils import is_mfa_enabled
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
