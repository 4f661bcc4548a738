"""Whole public pages kept in the shared cache for anonymous visitors.

A view marked with `@public_page(...)` is served, to a visitor who sends no session cookie, from
a copy of its last answer: body and headers, kept with the content versions they were built from
(`fragments.versions`). One cache round trip (MGET) reads the versions of every public app and
the page together, early in the middleware chain, before sessions, authentication and messages;
the copy is served only when the versions it was built from are still the current ones, so any
change to public content shows at once. Pages that move with time (upcoming, overdue, "open for
registration") name the day or the minute in their key, as their fragments do.

Only the query parameters a page declares count in its key; an address with any other parameter
is answered from the same copy, and a copy is never made from it (a stranger's
``?x=<random>`` makes no entry). A view can keep one answer out of the cache (a filter value it
ignored, with a notice) with `not_kept()`.

A copy is made only of a 200 answer, for a GET without a session cookie, rendered for an
anonymous visitor, that sets no cookie: what it holds is the same for every anonymous visitor.
Signed-in people always send their session cookie, so they neither read nor make copies.

Each answer carries an ETag (a digest of its body) and Last-Modified, answers 304 to a
revalidation, and says ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE``; it neither sets a
cookie nor varies on one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .context_processors import LAYOUT_KEYS
from .versions import read_versions, versions_in_force

KEY_PREFIX = "pages:"


@dataclass(frozen=True)
class PageSpec:
    """What a public page's copy depends on."""

    apps: tuple[str, ...]  # public apps whose content it shows (the menu's objectives too)
    per: str | None  # "day" or "minute": the page changes with time
    params: frozenset[str]  # the query parameters it reads


def public_page(
    *, apps: Iterable[str] | None = None, per: str | None = None, params: Iterable[str] = ()
) -> Callable:
    """Mark a view whose answer to anonymous visitors may be kept whole (see the module).
    ``apps``: the public apps whose content the page shows (every one when not named); the
    layout's menu reads ``objectives``, always added. ``per``: "day" or "minute" when the page
    changes with time. ``params``: every query parameter the view reads."""
    if per not in (None, "day", "minute"):
        raise ValueError(f"per must be None, 'day' or 'minute', not {per!r}")
    shown = set(settings.PUBLIC_CONTENT_APPS if apps is None else apps) | {"objectives"}
    unknown = shown - set(settings.PUBLIC_CONTENT_APPS)
    if unknown:
        raise ValueError(f"not public content apps: {', '.join(sorted(unknown))}")
    # ?language= picks the version of a written text (translations.reading): on every page.
    spec = PageSpec(apps=tuple(sorted(shown)), per=per, params=frozenset(params) | {"language"})

    def mark(view):
        view.public_page = spec
        return view

    return mark


def not_kept(request: HttpRequest) -> None:
    """Keep this answer out of the page cache (it is still sent as usual)."""
    request.page_not_kept = True


@dataclass(frozen=True)
class Entry:
    versions: tuple[str, ...]
    etag: str
    modified: int  # when it was built, as a timestamp
    headers: tuple[tuple[str, str], ...]
    body: bytes


@lru_cache(maxsize=2048)
def _spec_for_path(path: str) -> PageSpec | None:
    """The spec of the view at this address, found once per process and address."""
    language = translation.get_language_from_path(path)
    if language is None:
        return None  # unprefixed addresses redirect to a language
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return getattr(match.func, "public_page", None)


def _time_part(per: str | None) -> str:
    if per == "day":
        return timezone.localdate().isoformat()
    if per == "minute":
        return timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    return ""


def _query_part(request: HttpRequest, spec: PageSpec) -> tuple[str, bool]:
    """The page's own parameters, in a fixed order, and whether the address holds others."""
    query = request.GET
    if not query:
        return "", False
    known = sorted((name, tuple(query.getlist(name))) for name in query if name in spec.params)
    return (repr(known) if known else ""), len(known) != len(query)


def _key(request: HttpRequest, spec: PageSpec, query: str) -> str:
    address = "\n".join(
        [request.scheme, request.get_host(), request.path, query, _time_part(spec.per)]
    )
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()[:40]


def _public_headers(response: HttpResponse) -> None:
    """Nothing in the answer depends on cookies: no Vary on them; shared caches may keep it."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
    if "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)


class PageCacheMiddleware:
    """Serves and keeps whole public pages (see the module). Put it before the session,
    authentication and messages middleware, after the ones that add headers to every answer."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        spec = self._spec(request)
        if spec is None:
            return self.get_response(request)
        query, has_others = _query_part(request, spec)
        key = _key(request, spec, query)
        versions, found = read_versions([key, *LAYOUT_KEYS])
        current = tuple(versions[app] for app in spec.apps)
        entry = found.get(key)
        if isinstance(entry, Entry) and entry.versions == current:
            return self._served(request, entry)

        # Rendered now, with the versions just read (and the menu's years, read with them).
        request.content_lookup = (versions, {k: v for k, v in found.items() if k != key})
        with versions_in_force(versions):
            response = self.get_response(request)
        if not self._anonymous_public(request, response):
            return response
        _public_headers(response)
        etag = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
        modified = int(time.time())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        if (
            request.method == "GET"
            and not has_others
            and not getattr(request, "page_not_kept", False)
        ):
            headers = tuple((name, value) for name, value in response.items())
            entry = Entry(current, etag, modified, headers, response.content)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )

    @staticmethod
    def _spec(request: HttpRequest) -> PageSpec | None:
        if request.method not in ("GET", "HEAD"):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
            return None  # signed in, or a message waiting: the page is the visitor's own
        return _spec_for_path(request.path_info)

    @staticmethod
    def _anonymous_public(request: HttpRequest, response: HttpResponse) -> bool:
        """An answer the same for every anonymous visitor: a whole 200 page, no cookie set,
        rendered for nobody in particular."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated

    @staticmethod
    def _served(request: HttpRequest, entry: Entry) -> HttpResponse:
        response = HttpResponse(entry.body)
        for name, value in entry.headers:
            response[name] = value
        return get_conditional_response(
            request, etag=entry.etag, last_modified=entry.modified, response=response
        )
