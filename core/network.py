"""Who is asking: the client's network address, as the deployment's own proxies report it.

Behind the TLS proxy production requires, REMOTE_ADDR is the proxy for everyone; counting limits
by it would let five failed sign-ins from anyone lock everyone out. The deployment says which
proxies it trusts (README, "Behind a proxy"); anything a client writes itself is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str | None) -> str | None:
    value = (value or "").strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's address: from the trusted header, from X-Forwarded-For as written by the
    last TRUSTED_PROXY_COUNT proxies, or the connection's own address."""
    remote = _address(request.META.get("REMOTE_ADDR")) or "0.0.0.0"
    if settings.TRUSTED_CLIENT_IP_HEADER:
        return _address(request.headers.get(settings.TRUSTED_CLIENT_IP_HEADER)) or remote
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("X-Forwarded-For", "")
    if count <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    # Each trusted proxy appends the address it saw; entries before those are the client's
    # own claims. Fewer entries than proxies: the request skipped the outer ones, and the first
    # entry was still written by a proxy of ours.
    chosen = hops[-count] if len(hops) >= count else hops[0]
    return _address(chosen) or remote
