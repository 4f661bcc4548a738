"""The kinds of notification: each app registers its own (in its notices.py).

A kind says how it is named in the preferences, how its message reads (a translatable text
with named values), how it is delivered by default, and who may still see its subject: a
notification whose subject was deleted or became private is neither sent nor listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import formats
from django.utils.functional import Promise


class Delivery:
    AT_ONCE = "at_once"
    DIGEST = "digest"
    SITE_ONLY = "site_only"


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise  # as the preferences page names it
    message: Promise  # "The progress update of %(plan)s is due on %(due_date)s."
    default: str = Delivery.AT_ONCE
    # (person, subject) -> may this person still see the subject?
    visible: Callable[[object, object], bool] = field(default=lambda user, subject: True)
    # subject -> {value of the message: the record it names by its title}: the message then
    # names it in the reader's language where it has a translation into it.
    titles: Callable[[object], dict[str, object]] | None = None

    def render(self, context: dict) -> str:
        return str(self.message) % {name: _shown(name, value) for name, value in context.items()}


def _shown(name: str, value) -> str:
    if name.endswith("_date") and isinstance(value, str) and value:
        try:
            return formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    return str(value)


KINDS: dict[str, Kind] = {}
# Callables the reminder run calls, each returning how many notifications it created.
REMINDERS: list[Callable[..., int]] = []


def register(kind: Kind) -> Kind:
    KINDS[kind.key] = kind
    return kind


def register_kinds(
    *kinds: tuple,
    visible: Callable[[object, object], bool],
    titles: Callable[[object], dict[str, object]] | None = None,
) -> None:
    """Register kinds about one kind of subject, which share who may still see it and the
    records their messages name: each a (key, label, message[, default delivery])."""
    for key, label, message, *default in kinds:
        register(Kind(key, label, message, *default, visible=visible, titles=titles))


def reminder(function: Callable[..., int]) -> Callable[..., int]:
    """Register a function the daily reminder run calls with ``today`` (a date)."""
    REMINDERS.append(function)
    return function
