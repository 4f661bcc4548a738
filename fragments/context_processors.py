from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .versions import content_version


def public_content_version(request: HttpRequest) -> dict:
    """For `{% cache fragment_seconds name content_version ... %}`: the version is read from the
    cache only if a template uses it."""
    return {
        "content_version": SimpleLazyObject(content_version),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
