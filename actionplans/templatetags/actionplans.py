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

# Drawn small so that its text stays legible when a phone scales it down (17 units of text are
# about 11 px on a 320 px screen) and in the PDF.
WIDTH, HEIGHT = 420, 240
LEFT, RIGHT, TOP, BOTTOM = 50, 124, 18, 32
TEXT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="17" fill="#333"'


def hides_small_count(value, indicator) -> bool:
    """Whether a value of this indicator is a count of people too small to publish."""
    return indicator.is_count_of_people and Decimal(str(value)) < SMALL_COUNT


def small_count_text() -> str:
    """What public pages and open data show instead of a small count of people."""
    return _("fewer than %(n)s") % {"n": SMALL_COUNT}


@register.filter
def public_value(value, indicator) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(str(value))
    if hides_small_count(number, indicator):
        return small_count_text()
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


def _with_unit(value: str, unit: str) -> str:
    if unit.strip() == "%":
        # Translators: a percentage; French puts a (non-breaking) space before the sign.
        return _("%(number)s%%") % {"number": value}
    return f"{value} {unit}".strip()


def _shown_points(indicator, public: bool) -> list[tuple]:
    points = [(m.date, m.value) for m in indicator.measurements.all()]
    if public and indicator.is_count_of_people:
        points = [(d, v) for d, v in points if v >= SMALL_COUNT]
    return points


def _value(value, indicator, public: bool) -> str:
    return public_value(value, indicator) if public else plain_value(value)


def nice_ticks(low: Decimal, high: Decimal, count: int = 4) -> list[Decimal]:
    """A few round values covering low..high (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    rough = (high - low) / count
    power = Decimal(10) ** (rough.adjusted())
    step = next(
        (f * power for f in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
         if f * power >= rough),
        10 * power,
    )  # fmt: skip
    start = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [start]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


@register.simple_tag
def indicator_headline(indicator, public: bool = False) -> str:
    """The latest value and the target in a line: "83% — target 90% by 2022"."""
    points = _shown_points(indicator, public)
    target = _with_unit(_value(indicator.target_value, indicator, public), indicator.unit)
    target_line = _("target %(target)s by %(year)s") % {
        "target": target,
        "year": indicator.target_year,
    }
    if not points:
        return _("No value measured yet; %(target)s.") % {"target": target_line}
    when, latest = points[-1]
    return _("%(latest)s on %(date)s — %(target)s") % {
        "latest": _with_unit(_value(latest, indicator, public), indicator.unit),
        "date": date_format(when, "DATE_FORMAT"),
        "target": target_line,
    }


def _level_line(css: str, left, right, top, colour: str, width: str, dashes: str) -> SafeString:
    return format_html(
        '<line class="{}" x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="{}"'
        ' stroke-dasharray="{}"/>',
        css, left, right, top, top, colour, width, dashes,
    )  # fmt: skip


@register.simple_tag
def indicator_chart(indicator, public: bool = False) -> SafeString:
    """A line of the measurements with the baseline and the target, as accessible SVG: a value
    axis with round ticks, and the baseline, the target and the latest value written on it.

    The same figures are given in a table beside it; the picture's text alternative says the
    headline (latest value and target).
    """
    points = _shown_points(indicator, public)

    def hidden(value) -> bool:
        # A small count of people is neither drawn at its height nor lets the axis give it away.
        return public and hides_small_count(Decimal(value), indicator)

    values = [v for _d, v in points] + [
        v for v in (indicator.baseline_value, indicator.target_value) if not hidden(v)
    ]
    if not values:
        values = [Decimal(0), Decimal(SMALL_COUNT)]
    low, high = min(values), max(values)
    if low >= 0 and low <= high / 2:
        low = Decimal(0)  # counts and shares read best from zero
    ticks = nice_ticks(Decimal(low), Decimal(high))
    axis_low, axis_high = ticks[0], ticks[-1]
    plot_right = WIDTH - RIGHT

    def y(value) -> float:
        share = (Decimal(value) - axis_low) / (axis_high - axis_low)
        return round(TOP + (1 - float(share)) * (HEIGHT - TOP - BOTTOM), 1)

    first = points[0][0].toordinal() if points else 0
    width_days = max((points[-1][0].toordinal() - first) if points else 1, 1)

    def x(day) -> float:
        if len(points) == 1:
            return round((LEFT + plot_right) / 2, 1)
        return round(LEFT + (day.toordinal() - first) / width_days * (plot_right - LEFT), 1)

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#e3e8ee" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" ' + TEXT + ">{}</text>",
        ((LEFT, plot_right, y(t), y(t), LEFT - 6, y(t) + 5, plain_value(t)) for t in ticks),
    )
    line = " ".join(f"{x(d)},{y(v)}" for d, v in points)
    dots = format_html_join(
        "",
        '<circle class="chart-dot" cx="{}" cy="{}" r="4" fill="#0b3a5b"/>',
        ((x(d), y(v)) for d, v in points),
    )
    ends = ([(points[0][0], "start")] if points else []) + (
        [(points[-1][0], "end")] if len(points) > 1 else []
    )
    dates = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="{}" ' + TEXT + ">{}</text>",
        ((x(d), HEIGHT - 8, anchor, date_format(d, "YEAR_MONTH_FORMAT")) for d, anchor in ends),
    )

    # Labels at the right of the plot: target, baseline, latest; nudged apart when close.
    def drawn_y(value) -> float:
        return y(axis_low) if hidden(value) else y(value)

    marks = [
        (drawn_y(indicator.target_value), _("Target %(value)s")
         % {"value": _value(indicator.target_value, indicator, public)}, "#1b5e20"),
        (drawn_y(indicator.baseline_value), _("Baseline %(value)s")
         % {"value": _value(indicator.baseline_value, indicator, public)}, "#8a3a0a"),
    ]  # fmt: skip
    if points:
        marks.append(
            (y(points[-1][1]), _("Now %(value)s")
             % {"value": _value(points[-1][1], indicator, public)}, "#0b3a5b")
        )  # fmt: skip
    placed: list[float] = []
    for top, _label, _colour in sorted(marks):
        spot = max([top, *[p + 19 for p in placed]]) if placed else top
        placed.append(spot)
    label_y = dict(zip(sorted(marks), placed, strict=True))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-family="DejaVu Sans, Arial, sans-serif" font-size="16"'
        ' font-weight="bold" fill="{}">{}</text>',
        ((plot_right + 6, label_y[mark] + 5, mark[2], mark[1]) for mark in marks),
    )
    title = f"{indicator.name}: {indicator_headline(indicator, public)}"
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{title}"'
        ' xmlns="http://www.w3.org/2000/svg">'
        # Presentation attributes draw the chart where no style sheet reaches it (PDF
        # renderers read SVG apart from the page's CSS); the portal's CSS refines them.
        "{grid}{target_line}{baseline_line}"
        '<polyline class="chart-line" points="{line}" fill="none" stroke="#0b3a5b"'
        ' stroke-width="2.5"/>{dots}{dates}{labels}</svg>',
        w=WIDTH,
        h=HEIGHT,
        title=title,
        grid=grid,
        target_line=_level_line(
            "chart-target", LEFT, plot_right, y(indicator.target_value), "#2e7d32", "2", "6 4"
        )
        if not hidden(indicator.target_value)
        else "",
        baseline_line=_level_line(
            "chart-baseline",
            LEFT,
            plot_right,
            y(indicator.baseline_value),
            "#a3470c",
            "1.5",
            "2 3",
        )
        if not hidden(indicator.baseline_value)
        else "",
        line=line,
        dots=dots,
        dates=dates,
        labels=labels,
    )
