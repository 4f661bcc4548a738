"""One version for everything the public pages show.

Fragments of public pages are cached under keys that include this version (see
`fragments.context_processors`), so a change to any public content starts a new generation of
keys and no stale fragment is ever served: old entries simply expire. Any save, delete or
many-to-many change of a model of the apps listed in `settings.PUBLIC_CONTENT_APPS` moves the
version on (at once and when its transaction commits); code that changes those tables in bulk
(`QuerySet.update`, `bulk_create`) calls `content_changed()` itself.

The version lives in the shared cache (Redis in production), so every process sees the same one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "fragments:public-content-version"


def content_version() -> str:
    """The current generation; a new one is made when the cache has none (first use, flush)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def cached_for_content[T](name: str, compute: Callable[[], T]) -> T:
    """A value computed from public content, kept until that content changes."""
    key = f"fragments:{name}:{content_version()}"
    return cache.get_or_set(key, compute, timeout=settings.FRAGMENT_CACHE_SECONDS)


def _new_generation() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed() -> None:
    """Start a new generation now and again once the transaction has committed: a page
    rendered by another process in between saw the data before the commit and must not last."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.app_label in settings.PUBLIC_CONTENT_APPS and not kwargs.get("raw"):
        content_changed()


def _on_m2m_change(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        _on_change(kwargs["model"])
        _on_change(type(kwargs["instance"]))


def watch_public_content() -> None:
    post_save.connect(_on_change, dispatch_uid="fragments-save")
    post_delete.connect(_on_change, dispatch_uid="fragments-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="fragments-m2m")
