from __future__ import annotations

import re

from django import template
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import ngettext

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


@register.simple_tag
def facet_options(facet) -> SafeString:
    """A facet's checkboxes, the most frequent first and the others folded into "N more".
    Written here rather than in a template loop: the city facet has 500 options, which the
    template language took tens of milliseconds to write whenever the library changed."""
    shown, folded = facet.shown, facet.folded
    parts = [_facet_option(facet.name, option) for option in shown]
    if folded:
        more = ngettext("%(counter)s more", "%(counter)s more", len(folded)) % {
            "counter": len(folded)
        }
        parts.append(format_html('<details class="facet-more"><summary>{}</summary>', more))
        parts += [_facet_option(facet.name, option) for option in folded]
        parts.append("</details>")
    return mark_safe("\n".join(parts))  # noqa: S308 - every piece written by format_html


def _facet_option(name: str, option) -> str:
    element_id = f"f-{name}-{slugify(option.value)}"
    return format_html(
        '<div class="facet-option"><input type="checkbox" name="{}" value="{}" id="{}"{}>'
        '<label for="{}">{} <span class="count">({})</span></label></div>',
        name,
        option.value,
        element_id,
        mark_safe(" checked") if option.selected else "",
        element_id,
        option.label,
        localize(option.count),
    )
