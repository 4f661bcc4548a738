"""Recorded changes (django-simple-history) as people read them: who, when, what, and each changed
field's label with its value before and after, in words (core/display.py). Any page that shows
the history of a thing and its parts (an action plan, a year's work plan) gathers its records
here and renders them with ``core/_history.html``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from .display import model_value_label

KINDS = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str
    kind: str  # created, changed, deleted
    changes: list[tuple[str, str, str]]  # (field label, before, after)


def history_entries(
    sources: Iterable[QuerySet],
    *,
    limit: int = 200,
    excluded_fields: Iterable[str] = (),
) -> list[HistoryEntry]:
    """The newest ``limit`` records of these history querysets, newest first. A change that
    touched none of the recorded fields (only ``excluded_fields``) is left out."""
    excluded = list(excluded_fields)
    records = []
    for source in sources:
        records.extend(source.select_related("history_user").order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    entries = []
    for record in records[:limit]:
        changes = []
        previous = record.prev_record
        if record.history_type == "~" and previous is not None:
            names = {f.name for f in record.instance._meta.concrete_fields}
            delta = record.diff_against(
                previous, excluded_fields=[name for name in excluded if name in names]
            )
            for change in delta.changes:
                field = record.instance._meta.get_field(change.field)
                changes.append(
                    (
                        str(field.verbose_name),
                        model_value_label(field, change.old),
                        model_value_label(field, change.new),
                    )
                )
            if not changes:
                continue
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user.display_name if record.history_user else "—",
                what=f"{record.instance._meta.verbose_name}: {record.instance}",
                kind=KINDS[record.history_type],
                changes=changes,
            )
        )
    return entries
