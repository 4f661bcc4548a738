from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from fragments.context_processors import request_lookup

from .unread import unread_count, unread_key


def unread_notifications(request: HttpRequest) -> dict:
    """The header's count: read only when a page shows it (signed-in pages), from the page's
    one cache round trip when it is kept there."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count() -> int:
        known = request_lookup(request)[1].get(unread_key(user.pk))
        return unread_count(user=user, known=known)

    return {"unread_notifications": SimpleLazyObject(count)}
