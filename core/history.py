"""Recorded changes (django-simple-history) as people read them: who, when, what, and each changed
field's label with its value before and after, in words (core/display.py). Any page that shows
the history of a thing and its parts (an action plan, a year's work plan) gathers its records
here and renders them with ``core/_history.html``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .display import model_value_label

KINDS = {"+": "created", "~": "changed", "-": "deleted"}

# Records saved with a change reason "import:<id> <file name>" were written by one import (the
# imports app): the history shows them as one change.
IMPORT_REASON = "import:"


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
    imports: dict[str, HistoryEntry] = {}
    for record in records[:limit]:
        reason = getattr(record, "history_change_reason", None) or ""
        if reason.startswith(IMPORT_REASON):
            _add_to_import(imports, entries, record, reason, excluded)
            continue
        changes = _changes(record, excluded)
        if record.history_type == "~" and record.prev_record is not None and not changes:
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


def _changes(record, excluded: list[str], prefix: str = "") -> list[tuple[str, str, str]]:
    """A changed record's fields as (label, before, after); none for a creation or deletion."""
    previous = record.prev_record
    if record.history_type != "~" or previous is None:
        return []
    names = {f.name for f in record.instance._meta.concrete_fields}
    delta = record.diff_against(
        previous, excluded_fields=[name for name in excluded if name in names]
    )
    changes = []
    for change in delta.changes:
        field = record.instance._meta.get_field(change.field)
        changes.append(
            (
                f"{prefix}{field.verbose_name}",
                model_value_label(field, change.old),
                model_value_label(field, change.new),
            )
        )
    return changes


def _add_to_import(imports: dict, entries: list, record, reason: str, excluded: list) -> None:
    """Add one record of an import to the import's single entry (made at its first record)."""
    entry = imports.get(reason)
    if entry is None:
        _marker, _sep, title = reason.partition(" ")
        entry = HistoryEntry(
            when=record.history_date,
            who=record.history_user.display_name if record.history_user else "—",
            what=_("Import of “%(file)s”") % {"file": title},
            kind="imported",
            changes=[],
        )
        imports[reason] = entry
        entries.append(entry)
    what = f"{record.instance._meta.verbose_name}: {record.instance}"
    if record.history_type != "~" or record.prev_record is None:
        entry.changes.append((what, "—", str(_("added"))))
        return
    entry.changes.extend(_changes(record, excluded, prefix=f"{what} — "))
