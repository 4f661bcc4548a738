from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..richtext import clean_html
from ..search import fold, query_words

register = template.Library()


@register.filter
def richtext(value: str) -> SafeString:
    """Rich text is cleaned when saved and again when shown (defence in depth)."""
    return mark_safe(clean_html(value))  # noqa: S308 - nh3 output is safe by construction


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """Escape the text, then mark the words of the search query in it, found as the search
    finds them: whatever their case and accents ("mediacao" marks "mediação")."""
    text = text or ""
    terms = [t for t in query_words(query or "") if len(t) > 1]
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*")
    parts, done = [], 0
    for match in pattern.finditer(fold(text)):  # the same positions as in the text
        start, end = match.span()
        parts += [escape(text[done:start]), "<mark>", escape(text[start:end]), "</mark>"]
        done = end
    parts.append(escape(text[done:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text escaped


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
