"""Versions of the content public pages show, one per app.

Fragments of public pages are cached under keys that include the versions of the apps they show
(see `fragments.context_processors`), so a change starts a new generation of keys and no stale
fragment is ever served: old entries simply expire. Any save, delete or many-to-many change of a
model of an app listed in `settings.PUBLIC_CONTENT_APPS` moves that app's version on (at once and
again when its transaction commits); code that changes those tables in bulk (`QuerySet.update`,
`bulk_create`) calls `content_changed(app_label)` itself.

One version per app keeps an officer's edit of an action plan from throwing away the cached
practice library. The apps of `settings.PRIVATE_CONTENT_APPS` (people's names) have versions
too, for what signed-in pages keep; public pages never read them. The versions live in the
shared cache (Redis in production), so every process sees the same ones.

A page reads them once: `read_versions()` fetches every app's version and whatever other keys
the caller names (a cached page, the menu's years) in one round trip, and `versions_in_force()`
lets the rest of the request reuse them until content changes.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY_PREFIX = "fragments:version:"

# The versions a request read at its start, reused by every cached value it computes; forgotten
# as soon as content changes (content_changed), so what a request writes it also sees.
_in_force: ContextVar[dict[str, str] | None] = ContextVar("fragments_versions", default=None)


def _new_version() -> str:
    return uuid.uuid4().hex[:12]


def _made(key: str) -> str:
    """A version for an app the cache has none for (first use, flush, eviction)."""
    fresh = _new_version()
    return fresh if cache.add(key, fresh, timeout=None) else cache.get(key, fresh)


def read_versions(
    other_keys: Sequence[str] = (), *, apps: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, object]]:
    """Every public app's version (or these apps'), and the values these other cache keys hold
    (those present), in one cache round trip."""
    apps = sorted(apps or settings.PUBLIC_CONTENT_APPS)
    keys = [f"{KEY_PREFIX}{app}" for app in apps]
    found = cache.get_many([*keys, *other_keys])
    versions = {app: found.get(key) or _made(key) for app, key in zip(apps, keys, strict=True)}
    return versions, {key: found[key] for key in other_keys if key in found}


@contextmanager
def versions_in_force(versions: dict[str, str]) -> Iterator[None]:
    """Within the block, `content_version()` answers from these versions (read at the start of
    the request) instead of asking the cache again, until content changes."""
    token = _in_force.set(versions)
    try:
        yield
    finally:
        _in_force.reset(token)


def content_version(apps: Iterable[str] = ()) -> str:
    """The current generation of these apps' content (of every public app when none is named);
    a new one is made for an app the cache has none for (first use, flush, eviction)."""
    names = sorted(apps or settings.PUBLIC_CONTENT_APPS)
    known = _in_force.get()
    if known is not None and all(name in known for name in names):
        return ".".join(known[name] for name in names)
    keys = [f"{KEY_PREFIX}{app}" for app in names]
    versions = cache.get_many(keys)
    return ".".join(versions.get(key) or _made(key) for key in keys)


def kept_with_version[T](key: str, version: str, stored: object, compute: Callable[[], T]) -> T:
    """A value kept under ``key`` beside the content version it was computed from: ``stored``
    (what the key held, read with the versions in one round trip) when its version is still the
    current one, else computed again and kept."""
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == version:
        return stored[1]
    value = compute()
    cache.set(key, (version, value), timeout=settings.FRAGMENT_CACHE_SECONDS)
    return value


def cached_for_content[T](name: str, compute: Callable[[], T], *, apps: Iterable[str]) -> T:
    """A value computed from these apps' content, kept until that content changes."""
    version = hashlib.sha256(content_version(apps).encode()).hexdigest()[:16]
    return cache.get_or_set(
        f"fragments:{name}:{version}", compute, timeout=settings.FRAGMENT_CACHE_SECONDS
    )


def content_changed(app_label: str) -> None:
    """Start a new generation of one app's content now and again once the transaction has
    committed: a page rendered by another process in between saw the data before the commit
    and must not last."""
    key = f"{KEY_PREFIX}{app_label}"

    def move_on() -> None:
        cache.set(key, _new_version(), timeout=None)

    _in_force.set(None)
    move_on()
    transaction.on_commit(move_on)


def _on_change(sender, **kwargs) -> None:
    app_label = sender._meta.app_label
    watched = (
        app_label in settings.PUBLIC_CONTENT_APPS or app_label in settings.PRIVATE_CONTENT_APPS
    )
    if watched and not kwargs.get("raw"):
        content_changed(app_label)


def _on_m2m_change(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        _on_change(kwargs["model"])
        _on_change(type(kwargs["instance"]))


def watch_public_content() -> None:
    post_save.connect(_on_change, dispatch_uid="fragments-save")
    post_delete.connect(_on_change, dispatch_uid="fragments-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="fragments-m2m")


def content_seen_at(apps: Iterable[str]):
    """When the current generation of these apps' content was first seen (to the second): no
    later than anything built from it, and the same for every process. What Last-Modified
    answers for open data files and API answers built from that content."""
    from django.utils import timezone

    version = hashlib.sha256(content_version(apps).encode()).hexdigest()[:16]
    key = f"fragments:seen:{version}"
    now = timezone.now().replace(microsecond=0)
    cache.add(key, now, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return cache.get(key) or now
