from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from core.network import client_address


def _language_of(user) -> str:
    """The language the person last used the portal in, else the page's."""
    language = getattr(user, "language", "")
    return language if language in dict(settings.LANGUAGES) else translation.get_language()


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: people join through a staff invitation to a city."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        # The address the deployment's trusted proxies report (core/network.py), for allauth's
        # rate limits as for the portal's own.
        return client_address(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # Failed sign-ins are counted per account *and* address: per account alone, anyone
        # could lock any account (staff included) with five wrong passwords every five minutes.
        # allauth names this key in one place, for counting and for clearing after a reset.
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{client_address(request)}"

    # allauth's e-mails (password reset, address confirmation, "your password changed") are
    # written in the person's language, as the portal's own notifications are; an e-mail to an
    # address with no account ("unknown account") in the language of the page it was asked on.
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        with translation.override(_language_of(context.get("user"))):
            super().send_mail(template_prefix, email, context)

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        with translation.override(_language_of(user)):
            super().send_notification_mail(template_prefix, user, context=context, email=email)
