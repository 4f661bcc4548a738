"""Rate limits of the API, counted per client address as the trusted proxies report it
(core/network.py), in the shared cache: the same counts for every web process."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.network import client_address


class AddressRateThrottle(SimpleRateThrottle):
    """Every API request, per client address: API_REQUESTS_PER_MINUTE a minute."""

    scope = "api"

    def get_rate(self) -> str:
        return f"{settings.API_REQUESTS_PER_MINUTE}/min"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request._request)}


class TokenWriteThrottle(SimpleRateThrottle):
    """Writes per API token: API_WRITES_PER_MINUTE a minute."""

    scope = "api-write"

    def get_rate(self) -> str:
        return f"{settings.API_WRITES_PER_MINUTE}/min"

    def get_cache_key(self, request, view) -> str | None:
        token = getattr(request, "auth", None)
        if request.method in ("GET", "HEAD", "OPTIONS") or token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
