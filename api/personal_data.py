"""A person's API tokens: listed in their data (never the token nor its hash), deleted when the
account is erased."""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import ApiToken


def export(user) -> dict[str, Any]:
    return {
        "api_tokens": [
            {
                "name": token.name,
                "city": token.city.name,
                "starts_with": token.prefix,
                "created_at": iso(token.created_at),
                "expires_at": iso(token.expires_at),
                "revoked_at": iso(token.revoked_at),
                "last_used_at": iso(token.last_used_at),
            }
            for token in ApiToken.objects.filter(user=user).select_related("city")
        ]
    }


def erase(user, *, label: str) -> None:
    ApiToken.objects.filter(user=user).delete()


register("api", export=export, erase=erase)
