from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..richtext import clean_html

register = template.Library()


@register.filter
def richtext(value: str) -> SafeString:
    """Rich text is cleaned when saved and again when shown (defence in depth)."""
    return mark_safe(clean_html(value))  # noqa: S308 - nh3 output is safe by construction


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """Escape the text, then mark the words of the search query in it."""
    escaped = escape(text or "")
    terms = [t for t in re.findall(r"\w+", query or "") if len(t) > 1][:10]
    if not terms:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))  # noqa: S308


@register.simple_tag(takes_context=True)
def toggle_query(context, name: str, value: str) -> str:
    """The current query string with one filter value added or removed (links work without JS)."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    values = params.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(name, values)
    return "?" + params.urlencode()
