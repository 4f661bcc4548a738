"""What each import reads: its columns, how a cell becomes a value (or an error in plain words),
which existing record a row is (its key), and what the row would change."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplans.models import ActionStatus
from practices.models import FundingSource


class CellError(ValueError):
    """A cell that cannot be read; the message is a sentence about the value."""


# --- Reading cells -----------------------------------------------------------------------------

DATE_FORMATS = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), ("d", "m", "y")),
]


def read_date(raw) -> datetime.date:
    if isinstance(raw, datetime.date):
        return raw
    text = str(raw).strip()
    for pattern, order in DATE_FORMATS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                day = datetime.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                raise CellError(_("the date %(value)s does not exist") % {"value": text}) from None
            if not 1900 <= day.year <= 2100:
                raise CellError(
                    _("the date %(value)s is not between 1900 and 2100") % {"value": text}
                )
            return day
    raise CellError(
        _("“%(value)s” is not a date: write it as 2020-03-31 or 31/03/2020") % {"value": text[:40]}
    )


def read_number(raw, *, places: int = 2, limit: Decimal = Decimal("1e10")) -> Decimal:
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        # 1.234,5 or 1,234.5: the last one is the decimal separator.
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number") % {"value": str(raw)[:40]}) from None
    if not number.is_finite():
        raise CellError(_("“%(value)s” is not a number") % {"value": str(raw)[:40]})
    if abs(number) >= limit:
        raise CellError(_("%(value)s is too large") % {"value": str(raw)[:40]})
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise CellError(
            _("%(value)s has more than %(places)s decimals") % {"value": text, "places": places}
        )
    return number.quantize(Decimal(1).scaleb(-places))


def read_text(limit: int) -> Callable[[str], str]:
    def read(raw) -> str:
        text = str(raw).strip()
        if len(text) > limit:
            raise CellError(
                _("the text is %(length)s characters long; at most %(limit)s fit")
                % {"length": len(text), "limit": limit}
            )
        return text

    return read


def read_choice(choices: list[tuple[str, object]]) -> Callable[[str], str]:
    """A code or its label (as the interface reads it), case not minding."""

    def read(raw) -> str:
        text = str(raw).strip()
        for code, label in choices:
            if text.lower() in (code.lower(), str(label).lower()):
                return code
        shown = ", ".join(code for code, _label in choices)
        message = _("“%(value)s” is not one of: %(choices)s")
        raise CellError(message % {"value": text[:40], "choices": shown})

    return read


def read_progress(raw) -> int:
    number = read_number(str(raw).rstrip("%"), places=0, limit=Decimal(1000))
    if not 0 <= number <= 100:
        raise CellError(_("progress is a percentage from 0 to 100, not %(value)s") % {"value": raw})
    return int(number)


# --- Columns and kinds -------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    help: object  # lazy translation
    read: Callable
    required: bool = False
    example: str = ""


@dataclass(frozen=True)
class Kind:
    code: str
    title: object
    columns: list[Column]
    # What identifies a row among the existing records, from its values.
    key: Callable[[dict], tuple]
    rules: list[Callable[[dict], str | None]] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        wanted = name.strip().lower().replace(" ", "_")
        return next((c for c in self.columns if c.name == wanted), None)


def _end_after_start(start: str, end: str, message) -> Callable[[dict], str | None]:
    def rule(values: dict) -> str | None:
        if values.get(start) and values.get(end) and values[end] < values[start]:
            return str(message)
        return None

    return rule


MEASUREMENTS = Kind(
    code="measurements",
    title=gettext_lazy("Measurements"),
    columns=[
        Column("date", gettext_lazy("The day it was measured: 2020-03-31 or 31/03/2020"),
               read_date, required=True, example="2020-06-30"),
        Column("value", gettext_lazy("The value, in the indicator's unit (a dot or a comma "
                                     "before the decimals)"), read_number, required=True,
               example="83.5"),
        Column("note", gettext_lazy("Optional, up to 250 characters"), read_text(250)),
    ],
    key=lambda values: (values["date"].isoformat(),),
)  # fmt: skip

ACTIONS = Kind(
    code="actions",
    title=gettext_lazy("Actions"),
    columns=[
        Column("title", gettext_lazy("The action's title: a row with the title of an existing "
                                     "action changes it, another adds one"), read_text(250),
               required=True, example="Homework clubs in the two schools"),
        Column("description", gettext_lazy("What it is"), read_text(5000)),
        Column("responsible_body", gettext_lazy("Who carries it out"), read_text(200),
               example="Education department"),
        Column("partners", gettext_lazy("With whom"), read_text(300)),
        Column("budget", gettext_lazy("In euros"), read_number, example="12000"),
        Column("funding_source", gettext_lazy("One of: municipal, national, esf-plus, erdf, "
                                              "other"),
               read_choice(FundingSource.Code.choices), example="municipal"),
        Column("start_date", gettext_lazy("2020-03-31 or 31/03/2020"), read_date,
               example="2020-09-01"),
        Column("end_date", gettext_lazy("2020-03-31 or 31/03/2020"), read_date,
               example="2021-06-30"),
        Column("status", gettext_lazy("One of: Not started, On track, Delayed, Completed, "
                                      "Dropped"),
               read_choice(ActionStatus.choices), example="on_track"),
        Column("progress", gettext_lazy("Per cent done, 0 to 100"), read_progress,
               example="40"),
    ],
    key=lambda values: (values["title"].casefold(),),
    rules=[_end_after_start("start_date", "end_date",
                            gettext_lazy("the end date is before the start date"))],
)  # fmt: skip

MILESTONES = Kind(
    code="milestones",
    title=gettext_lazy("Milestones"),
    columns=[
        Column("action", gettext_lazy("The title of the plan's action it belongs to"),
               read_text(250), required=True, example="Homework clubs in the two schools"),
        Column("title", gettext_lazy("The milestone's title: with the same action and title a "
                                     "row changes a milestone, else it adds one"),
               read_text(250), required=True, example="First club opens"),
        Column("due_date", gettext_lazy("2020-03-31 or 31/03/2020"), read_date, required=True,
               example="2020-10-15"),
        Column("done_date", gettext_lazy("Empty until it is done"), read_date),
    ],
    key=lambda values: (values["action"].casefold(), values["title"].casefold()),
)  # fmt: skip

KINDS = {kind.code: kind for kind in (MEASUREMENTS, ACTIONS, MILESTONES)}
PLAN_KINDS = ("actions", "milestones")
