from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: people join through a staff invitation to a city."""

    def is_open_for_signup(self, request) -> bool:
        return False
