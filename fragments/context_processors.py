from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from .versions import content_version


class ContentVersions:
    """`content_version.practices` in a template: that app's version, read from the cache only
    when a template asks for it (`{% cache fragment_seconds name content_version.practices %}`);
    `content_version` alone: the versions of every public app."""

    def __str__(self) -> str:
        return content_version()

    def __getitem__(self, app_label: str) -> str:
        if app_label not in settings.PUBLIC_CONTENT_APPS:
            raise KeyError(app_label)  # a misspelt app must not make an unchanging key
        return content_version([app_label])


def public_content_version(request: HttpRequest) -> dict:
    return {
        "content_version": ContentVersions(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
    }
