"""The header's count of a person's unread notifications, kept in the shared cache and read in
the page's one round trip with the content versions (fragments.context_processors), so a
signed-in page does not count the inbox each time. Every write to a person's notifications
here forgets their count, at once and again when the transaction commits (a page counting
meanwhile could keep the old figure); the keeping time bounds what a write made elsewhere
(the admin, an erased account) could leave behind."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

from .models import Notification

UNREAD_SECONDS = 60


def unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(*, user, known: int | None = None) -> int:
    """``known``: the count the page's round trip found, if any."""
    if known is not None:
        return known
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    cache.set(unread_key(user.pk), count, timeout=UNREAD_SECONDS)
    return count


def unread_changed(user_ids: Iterable[int]) -> None:
    keys = [unread_key(pk) for pk in set(user_ids)]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
