"""Addresses of the many objects a list links to."""

from __future__ import annotations

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

_PLACEHOLDER = "0slug0"
_patterns: dict[tuple[str, str | None, str], str] = {}


def slug_url(name: str, slug: str) -> str:
    """``reverse(name, kwargs={"slug": slug})``, with the address pattern reversed once per
    language and the slug put in its place: a list of 500 cities reversed 500 addresses, a
    tenth of its rendering. Slugs hold letters, digits, hyphens and underscores only (SlugField),
    so they go in as they are."""
    key = (name, get_language(), get_script_prefix())
    pattern = _patterns.get(key)
    if pattern is None:
        pattern = _patterns[key] = reverse(name, kwargs={"slug": _PLACEHOLDER})
    return pattern.replace(_PLACEHOLDER, slug)
