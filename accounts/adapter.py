from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from core.network import client_address


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
