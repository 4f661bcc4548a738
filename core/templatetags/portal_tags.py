"""Template filters every app's templates share."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_datetime(value) -> str:
    """A moment for a <time datetime="…"> attribute: ISO 8601 to the second, with its offset
    (HTML accepts at most three digits of a second; Django's "c" format writes six)."""
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")
