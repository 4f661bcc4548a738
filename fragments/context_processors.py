from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .versions import content_version


def public_content_version(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    """`content_version` for `{% cache %}` keys, read from the cache only if a template uses it."""
    return {"content_version": SimpleLazyObject(content_version)}
