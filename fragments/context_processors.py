from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .versions import content_version


class ContentVersions:
    """`content_version.practices` in a template: that app's version, read from the cache only
    when a template asks for it (`{% cache fragment_seconds name content_version.practices %}`);
    `content_version` alone: the versions of every public app."""

    def __init__(self) -> None:
        self._versions: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        # One cache lookup for the whole page, however many fragments it has.
        if self._versions is None:
            apps = sorted(settings.PUBLIC_CONTENT_APPS)
            self._versions = dict(zip(apps, content_version(apps).split("."), strict=True))
        return self._versions

    def __str__(self) -> str:
        return ".".join(self._all().values())

    def __getitem__(self, app_label: str) -> str:
        if app_label not in settings.PUBLIC_CONTENT_APPS:
            raise KeyError(app_label)  # a misspelt app must not make an unchanging key
        return self._all()[app_label]


def public_content_version(request: HttpRequest) -> dict:
    return {
        "content_version": ContentVersions(),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        # Fragments whose content moves with the date (upcoming, held, overdue) name the day.
        "today": timezone.localdate(),
    }
