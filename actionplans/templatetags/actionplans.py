"""Indicator charts (SVG drawn on the server from the data) and small-count suppression."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from actionplans.models import ActionStatus

register = template.Library()

# Public figures about small groups are hidden so nobody can be identified.
SMALL_COUNT = 10

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@register.filter
def public_value(value, indicator) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(str(value))
    if indicator.is_count_of_people and number < SMALL_COUNT:
        return _("fewer than %(n)s") % {"n": SMALL_COUNT}
    return number_format(number.normalize() if number == number.to_integral() else number)


@register.filter
def plain_value(value) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(str(value))
    return number_format(number.normalize() if number == number.to_integral() else number)


@register.filter
def action_status(code) -> str:
    """A self-assessed status as a label, from a code kept in a frozen snapshot."""
    return str(dict(ActionStatus.choices).get(code, "—"))


@register.simple_tag
def indicator_chart(indicator, public: bool = False) -> SafeString:
    """A line of the measurements with the baseline and the target, as accessible SVG.

    The same figures are given in a table beside it (see the templates), so the picture is
    decorative for screen readers apart from its title.
    """
    points = [(m.date, m.value) for m in indicator.measurements.all()]
    if public and indicator.is_count_of_people:
        points = [(d, v) for d, v in points if v >= SMALL_COUNT]
    values = [v for _d, v in points] + [indicator.baseline_value, indicator.target_value]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    span_low = low - (high - low) * Decimal("0.1")
    span_high = high + (high - low) * Decimal("0.1")

    def y(value) -> float:
        share = (Decimal(value) - span_low) / (span_high - span_low)
        return round(TOP + (1 - float(share)) * (HEIGHT - TOP - BOTTOM), 1)

    if points:
        first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    else:
        first = last = 0
    width_days = max(last - first, 1)

    def x(day) -> float:
        if len(points) == 1:
            return (LEFT + WIDTH - RIGHT) / 2
        return round(LEFT + (day.toordinal() - first) / width_days * (WIDTH - LEFT - RIGHT), 1)

    line = " ".join(f"{x(d)},{y(v)}" for d, v in points)
    dots = format_html_join(
        "",
        '<circle class="chart-dot" cx="{}" cy="{}" r="4" fill="#0b3a5b"/>',
        ((x(d), y(v)) for d, v in points),
    )
    ends = ([(points[0][0], "start")] if points else []) + (
        [(points[-1][0], "end")] if len(points) > 1 else []
    )
    labels = format_html_join(
        "",
        '<text class="chart-axis" x="{}" y="{}" text-anchor="{}" fill="#333">{}</text>',
        ((x(d), HEIGHT - 12, anchor, date_format(d, "M Y")) for d, anchor in ends),
    )
    title = _("%(name)s: baseline %(baseline)s, target %(target)s") % {
        "name": indicator.name,
        "baseline": plain_value(indicator.baseline_value),
        "target": plain_value(indicator.target_value),
    }
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}" xmlns="http://www.w3.org/2000/svg">'
        # Presentation attributes draw the chart where no style sheet reaches it (PDF
        # renderers read SVG apart from the page's CSS); the portal's CSS refines them.
        '<line class="chart-target" x1="{l}" x2="{r}" y1="{ty}" y2="{ty}" stroke="#2e7d32"'
        ' stroke-width="1.5" stroke-dasharray="6 4"/>'
        '<text class="chart-axis" x="{l2}" y="{tyl}" fill="#333">{target_label}</text>'
        '<line class="chart-baseline" x1="{l}" x2="{r}" y1="{by}" y2="{by}" stroke="#a3470c"'
        ' stroke-width="1.5" stroke-dasharray="2 3"/>'
        '<text class="chart-axis" x="{l2}" y="{byl}" fill="#333">{baseline_label}</text>'
        '<polyline class="chart-line" points="{line}" fill="none" stroke="#0b3a5b"'
        ' stroke-width="2.5"/>{dots}{labels}</svg>',
        w=WIDTH,
        h=HEIGHT,
        title=title,
        l=LEFT,
        r=WIDTH - RIGHT,
        l2=4,
        ty=y(indicator.target_value),
        tyl=y(indicator.target_value) + 4,
        by=y(indicator.baseline_value),
        byl=y(indicator.baseline_value) + 4,
        target_label=_("target"),
        baseline_label=_("baseline"),
        line=line,
        dots=dots,
        labels=labels,
    )
