from __future__ import annotations

from collections.abc import Callable, Sequence

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .versions import kept_with_version, read_versions

# Values a page's layout needs beside the versions, read in the same round trip (see
# `request_lookup`): the menu's years (portal.context_processors.navigation).
LAYOUT_KEYS = ["fragments:navigation-years"]

# What a signed-in person's layout shows of their own (the header's count of unread
# notifications): functions of the person's id giving a cache key, read in the same round
# trip. An app adds its own in its AppConfig.ready(); fragments imports none of them.
PERSONAL_LAYOUT_KEYS: list[Callable[[int], str]] = []


def _signed_in(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def _lookup(request: HttpRequest, keys: Sequence[str] = ()) -> tuple[dict, dict]:
    """One round trip: the versions (a signed-in person's pages also keep people's names, so
    theirs include the private apps'), the layout's values and ``keys``."""
    person = _signed_in(request)
    if person is None:
        return read_versions([*LAYOUT_KEYS, *keys])
    personal = [key(person) for key in PERSONAL_LAYOUT_KEYS]
    apps = settings.PUBLIC_CONTENT_APPS | settings.PRIVATE_CONTENT_APPS
    return read_versions([*LAYOUT_KEYS, *personal, *keys], apps=apps)


def request_lookup(request: HttpRequest | None) -> tuple[dict[str, str], dict[str, object]]:
    """The versions of every public app and the layout's values, read once per request (the
    page cache reads them with the page itself and leaves them here)."""
    if request is None:
        return read_versions(LAYOUT_KEYS)
    found = getattr(request, "content_lookup", None)
    if found is None:
        found = request.content_lookup = _lookup(request)
    return found


class ContentVersions:
    """`content_version.practices` in a template: that app's version, read from the cache only
    when a template asks for it (`{% cache fragment_seconds name content_version.practices %}`);
    `content_version` alone: the versions of every public app."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        self._request = request
        self._versions: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        # One cache lookup for the whole page, however many fragments it has.
        if self._versions is None:
            versions = request_lookup(self._request)[0]
            self._versions = {app: versions[app] for app in sorted(settings.PUBLIC_CONTENT_APPS)}
        return self._versions

    def __str__(self) -> str:
        return ".".join(self._all().values())

    def __getitem__(self, app_label: str) -> str:
        if app_label not in settings.PUBLIC_CONTENT_APPS:
            raise KeyError(app_label)  # a misspelt app must not make an unchanging key
        return self._all()[app_label]


def public_content_version(request: HttpRequest) -> dict:
    return {
        "content_version": ContentVersions(request),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        # Fragments whose content moves with the date (upcoming, held, overdue) name the day.
        "today": timezone.localdate(),
    }


def read_with_versions(request: HttpRequest, keys: list[str]) -> None:
    """Read these cache keys in the same round trip as the versions and the layout's values
    (`{% kept key %}` parts a view is about to show), once for the request."""
    if getattr(request, "content_lookup", None) is None:
        request.content_lookup = _lookup(request, keys)


def kept_key(name: str, *parts: object) -> str:
    """The cache key of a `{% kept %}` part: its name and what it varies with (not the content
    version, which is kept beside it)."""
    return "fragments:kept:" + ":".join([name, *(str(part) for part in parts)])


def kept_value[T](request: HttpRequest, key: str, compute: Callable[[], T]) -> T:
    """A value kept beside every content version the request read (any change in any app
    computes it again), found in the page's one round trip when the view named ``key`` in
    `read_with_versions`."""
    versions, found = request_lookup(request)
    version = ".".join(f"{app}={versions[app]}" for app in sorted(versions))
    return kept_with_version(key, version, found.get(key), compute)
