"""Versions of the content public pages show, one per app.

Fragments of public pages are cached under keys that include the versions of the apps they show
(see `fragments.context_processors`), so a change starts a new generation of keys and no stale
fragment is ever served: old entries simply expire. Any save, delete or many-to-many change of a
model of an app listed in `settings.PUBLIC_CONTENT_APPS` moves that app's version on (at once and
again when its transaction commits); code that changes those tables in bulk (`QuerySet.update`,
`bulk_create`) calls `content_changed(app_label)` itself.

One version per app keeps an officer's edit of an action plan from throwing away the cached
practice library. The versions live in the shared cache (Redis in production), so every
process sees the same ones.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY_PREFIX = "fragments:version:"


def _new_version() -> str:
    return uuid.uuid4().hex[:12]


def content_version(apps: Iterable[str] = ()) -> str:
    """The current generation of these apps' content (of every public app when none is named);
    a new one is made for an app the cache has none for (first use, flush, eviction)."""
    keys = [f"{KEY_PREFIX}{app}" for app in sorted(apps or settings.PUBLIC_CONTENT_APPS)]
    versions = cache.get_many(keys)
    for key in keys:
        if key not in versions:
            fresh = _new_version()
            versions[key] = fresh if cache.add(key, fresh, timeout=None) else cache.get(key, fresh)
    return ".".join(versions[key] for key in keys)


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

    move_on()
    transaction.on_commit(move_on)


def _on_change(sender, **kwargs) -> None:
    app_label = sender._meta.app_label
    if app_label in settings.PUBLIC_CONTENT_APPS and not kwargs.get("raw"):
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
