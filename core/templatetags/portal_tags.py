"""Template filters every app's templates share."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
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


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str) -> None:
        self.nodelist, self.name = nodelist, name

    def render(self, context) -> str:
        context[self.name] = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered template)
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render a part once, show it where needed
    (the header's links, in the bar on a wide screen and in the menu on a phone)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
