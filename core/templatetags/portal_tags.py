"""Template filters every app's templates share."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

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


@register.filter
def percent(value) -> str:
    """A share as people write it in their language: "35%" in English, "35 %" in French."""
    if value is None or value == "":
        return "—"
    number = formats.number_format(value)
    # Translators: a percentage; French puts a (non-breaking) space before the sign.
    return _("%(number)s%%") % {"number": number}


@register.filter
def money(value, currency: str = "EUR") -> str:
    """An amount with its currency and the language's digit grouping: "€1,200,000"."""
    if value is None or value == "":
        return "—"
    amount = Decimal(str(value))
    places = 0 if amount == amount.to_integral() else 2
    number = formats.number_format(amount, decimal_pos=places, force_grouping=True)
    if currency == "EUR":
        # Translators: an amount in euros; French writes "1 200 000 €".
        return _("€%(amount)s") % {"amount": number}
    return f"{number} {currency}"
