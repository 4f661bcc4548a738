"""The dashboard's bars: server-drawn SVG, no script; the same figures are in a table beside."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from core.templatetags.portal_tags import percent
from network.selectors import shown_share_of_way

register = template.Library()

# Presentation attributes (the page's CSS refines them): the CSP allows no style attribute.
COLOURS = {
    "on-track": "#1e6b3a",
    "behind": "#b35900",
    "unmeasured": "#c5ced8",
    "plans": "#1f4e79",
}


@register.simple_tag
def bar(widest: int, *parts) -> SafeString:
    """A horizontal bar, as long as its total against ``widest``, of coloured parts given as
    kind, count, kind, count... (kinds: on-track, behind, unmeasured, plans). Decorative: the
    words beside it and the table say the same."""
    x = 0.0
    rects = []
    for kind, count in zip(parts[::2], parts[1::2], strict=True):
        if not count or not widest:
            continue
        width = round(count / widest * 100, 2)
        rects.append((kind, x, width, COLOURS[kind]))
        x += width
    return format_html(
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"'
        ' focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<rect class="bar-track" x="0" y="0" width="100" height="10" fill="#eef1f5"/>{}</svg>',
        format_html_join(
            "",
            '<rect class="bar-{}" x="{}" y="0" width="{}" height="10" fill="{}"/>',
            rects,
        ),
    )


@register.filter
def share(value) -> str:
    """A share (0.61) as a whole percentage in the reader's language ("61%")."""
    if value is None or value == "":
        return "—"
    return percent(round(float(value) * 100))


@register.filter
def way_covered(indicator) -> str:
    """How much of the way from its baseline to its target an indicator has come, as shown to
    everyone (see ``shown_share_of_way``)."""
    return share(shown_share_of_way(indicator))
