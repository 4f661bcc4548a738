"""Imports for officers: a file becomes a preview (new, changed, unchanged rows) or a list of
errors naming their rows; a confirmed preview is applied all at once through the action plan
services, as one change of the history by its author, unless the plan changed meanwhile."""

from __future__ import annotations

import io
from decimal import Decimal

import tablib
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import Action, ActionPlan, Indicator, Milestone
from actionplans.services import (
    action_save,
    measurement_add,
    measurement_update,
    milestone_save,
)
from core.editing import edit_token, fingerprint
from core.exports import spreadsheet_safe
from core.history import IMPORT_REASON

from .kinds import KINDS, CellError, Kind
from .models import DataImport
from .reading import FileRefused, read_upload

MAX_ERRORS_SHOWN = 50
# Optional text columns: an empty cell empties them.
TEXT_COLUMNS = {"description", "responsible_body", "partners", "note"}


class ImportRefused(Exception):
    """The file has errors; nothing was prepared, nothing written."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:3]))
        self.errors = errors


# --- What the target holds now -----------------------------------------------------------------


def _target(kind: Kind, *, plan: ActionPlan, indicator: Indicator | None):
    return indicator if kind.code == "measurements" else plan


def _existing(kind: Kind, *, plan, indicator) -> dict[tuple, models.Model]:
    if kind.code == "measurements":
        return {(m.date.isoformat(),): m for m in indicator.measurements.all()}
    if kind.code == "actions":
        found: dict[tuple, models.Model] = {}
        for action in plan.actions.order_by("order", "id"):
            found.setdefault((action.title.casefold(),), action)
        return found
    found = {}
    for milestone in Milestone.objects.filter(action__plan=plan).select_related("action"):
        key = (milestone.action.title.casefold(), milestone.title.casefold())
        found.setdefault(key, milestone)
    return found


def snapshot(kind: Kind, target) -> dict:
    """The target as the import saw it: what the confirmation compares (core/editing.py)."""
    if kind.code == "measurements":
        rows = target.measurements.order_by("date", "id").values_list("date", "value", "note")
        return {"version": target.version, "measurements": [list(r) for r in rows]}
    actions = Action.objects.filter(plan=target).order_by("id")
    milestones = Milestone.objects.filter(action__plan=target).order_by("id")
    return {
        "version": target.version,
        "actions": [[a.pk, a.version] for a in actions],
        "milestones": [
            list(m) for m in milestones.values_list("pk", "title", "due_date", "done_date")
        ],
    }


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral() else value, "f")
    return str(value)


def _current(kind: Kind, record, name: str):
    if kind.code == "milestones" and name == "action":
        return record.action.title
    value = getattr(record, name, None)
    if name == "funding_source":
        return value.code if value is not None else None
    return value


def _same(before, after) -> bool:
    return fingerprint(before) == fingerprint(after)


# --- Preparing -----------------------------------------------------------------------------------


def import_prepare(
    *, kind_code: str, upload, plan: ActionPlan, indicator: Indicator | None = None, by
) -> DataImport:
    """Read and check a file; a DataImport holding its rows, or ImportRefused listing every
    error by row. Nothing of the plan is written here."""
    kind = KINDS[kind_code]
    try:
        table = read_upload(upload)
    except FileRefused as refused:
        raise ImportRefused([refused.message]) from None
    errors: list[str] = []
    columns = []
    for index, header in enumerate(table.headers):
        column = kind.column(header) if header else None
        if header and column is None:
            errors.append(
                _("The column “%(name)s” is unknown; the columns are: %(names)s.")
                % {"name": header[:60], "names": ", ".join(c.name for c in kind.columns)}
            )
        columns.append((index, column))
    present = {column.name for _i, column in columns if column is not None}
    for column in kind.columns:
        if column.required and column.name not in present:
            errors.append(_("The column “%(name)s” is missing.") % {"name": column.name})
    if errors:
        raise ImportRefused(errors)
    for number, index, formula in table.formulas:
        if number == 1:
            continue
        name = columns[index][1].name if index < len(columns) and columns[index][1] else "?"
        errors.append(
            _("row %(row)s, column %(column)s: the cell holds a formula (%(formula)s); write its "
              "value instead") % {"row": number, "column": name, "formula": formula[:40]}
        )  # fmt: skip
    target = _target(kind, plan=plan, indicator=indicator)
    existing = _existing(kind, plan=plan, indicator=indicator)
    action_titles = {a.title.casefold() for a in plan.actions.all()}
    seen: dict[tuple, int] = {}
    rows = []
    formula_rows = {number for number, _i, _f in table.formulas}
    for number, cells in table.rows:
        values, row_errors = _read_row(kind, columns, cells, number)
        if number in formula_rows:
            continue
        for rule in kind.rules:
            problem = rule(values) if not row_errors else None
            if problem:
                row_errors.append(_("row %(row)s: %(problem)s") % {"row": number,
                                                                   "problem": problem})  # fmt: skip
        if row_errors:
            errors += row_errors
            continue
        key = kind.key(values)
        if key in seen:
            errors.append(
                _("row %(row)s: the same %(what)s as row %(first)s")
                % {"row": number, "what": _key_words(kind), "first": seen[key]}
            )
            continue
        seen[key] = number
        if kind.code == "milestones" and values["action"].casefold() not in action_titles:
            errors.append(
                _("row %(row)s: the plan has no action “%(action)s”")
                % {"row": number, "action": values["action"][:80]}
            )
            continue
        rows.append(_compare(kind, number, key, values, existing.get(key)))
        if len(errors) > 1000:
            break
    if errors:
        raise ImportRefused(errors)
    if not rows:
        raise ImportRefused([_("The file has no row to import under its header.")])
    return DataImport.objects.create(
        kind=kind.code,
        plan=plan,
        indicator=indicator,
        file_name=(upload.name or "")[:200],
        rows=rows,
        edit_token=edit_token(target, snapshot(kind, target)),
        created_by=by,
    )


def _key_words(kind: Kind) -> str:
    return {
        "measurements": _("date"),
        "actions": _("action title"),
        "milestones": _("action and milestone title"),
    }[kind.code]


def _read_row(kind: Kind, columns, cells, number: int) -> tuple[dict, list[str]]:
    values, errors = {}, []
    for index, column in columns:
        if column is None:
            continue
        raw = cells[index] if index < len(cells) else ""
        blank = raw is None or (isinstance(raw, str) and not raw.strip())
        if blank:
            if column.required:
                errors.append(
                    _("row %(row)s: the %(column)s is missing")
                    % {"row": number, "column": column.name}
                )
            elif column.name not in ("status", "progress"):
                values[column.name] = "" if column.name in TEXT_COLUMNS else None
            continue
        try:
            values[column.name] = column.read(raw)
        except CellError as error:
            errors.append(_("row %(row)s: %(problem)s") % {"row": number, "problem": error})
    return values, errors


def _compare(kind: Kind, number: int, key: tuple, values: dict, record) -> dict:
    serial = {name: _serial(value) for name, value in values.items()}
    label = " · ".join(str(part) for part in (values.get(c.name) for c in kind.columns
                                               if c.required) if part is not None)  # fmt: skip
    if record is None:
        return {"row": number, "status": "new", "label": label, "values": serial, "changes": []}
    changes = []
    for name, value in values.items():
        before = _current(kind, record, name)
        if name in ("title", "action") or _same(before, value):
            continue
        changes.append([name, _shown(before), _shown(value)])
    return {
        "row": number,
        "status": "changed" if changes else "unchanged",
        "label": label,
        "values": serial,
        "changes": changes,
        "id": record.pk,
    }


def _serial(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# --- Applying ------------------------------------------------------------------------------------


def import_reason(data_import: DataImport) -> str:
    return f"{IMPORT_REASON}{data_import.uid.hex[:12]} {data_import.file_name}"[:100]


def _values(kind: Kind, serial: dict) -> dict:
    values = {}
    for name, raw in serial.items():
        column = kind.column(name)
        if raw is None or raw == "":
            values[name] = raw
        else:
            values[name] = column.read(raw)
    return values


def _model_data(kind: Kind, values: dict) -> dict:
    data = {k: v for k, v in values.items() if k != "action"}
    if "funding_source" in data:
        from practices.models import FundingSource

        code = data["funding_source"]
        data["funding_source"] = FundingSource.objects.filter(code=code).first() if code else None
    for name in TEXT_COLUMNS:
        if name in data and data[name] is None:
            data[name] = ""
    return data


def import_apply(*, data_import: DataImport, by) -> DataImport:
    """Write every new and changed row, or nothing (the caller holds the plan's edit guard in
    the same transaction). A row the services refuse stops the whole import."""
    if data_import.status != DataImport.Status.PREPARED:
        raise ValidationError(_("This import was already applied."))
    kind = KINDS[data_import.kind]
    reason = import_reason(data_import)
    plan, indicator = data_import.plan, data_import.indicator
    existing = _existing(kind, plan=plan, indicator=indicator)
    actions = {a.title.casefold(): a for a in plan.actions.order_by("-id")}
    next_order = (plan.actions.aggregate(top=models.Max("order"))["top"] or 0) + 1
    with transaction.atomic():
        for row in data_import.rows:
            if row["status"] == "unchanged":
                continue
            values = _values(kind, row["values"])
            key = kind.key(values)
            record = existing.get(key)
            data = _model_data(kind, values)
            try:
                if kind.code == "measurements":
                    if record is None:
                        measurement_add(indicator=indicator, data=data, by=by, reason=reason)
                    else:
                        data.pop("date", None)
                        measurement_update(measurement=record, data=data, by=by, reason=reason)
                elif kind.code == "actions":
                    if record is None:
                        data["order"] = next_order
                        next_order += 1
                    action_save(plan=plan, action=record, data=data, by=by, reason=reason)
                else:
                    action = actions[values["action"].casefold()]
                    milestone_save(action=action, milestone=record, data=data, by=by, reason=reason)
            except ValidationError as error:
                messages = (
                    [f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()]
                    if hasattr(error, "error_dict")
                    else error.messages
                )
                raise ValidationError(
                    _("row %(row)s: %(problem)s; nothing was imported.")
                    % {"row": row["row"], "problem": "; ".join(messages)}
                ) from None
        data_import.status = DataImport.Status.APPLIED
        data_import.applied_at = timezone.now()
        data_import.save(update_fields=["status", "applied_at"])
    return data_import


# --- Templates -----------------------------------------------------------------------------------


def template_dataset(
    *, kind_code: str, plan: ActionPlan, indicator: Indicator | None
) -> tablib.Dataset:
    """The import's columns, filled with what the plan (or the indicator) holds now: the file
    comes back with every row unchanged, and the person edits or adds rows."""
    kind = KINDS[kind_code]
    names = [c.name for c in kind.columns]
    dataset = tablib.Dataset(headers=names)
    for record in _existing(kind, plan=plan, indicator=indicator).values():
        row = []
        for name in names:
            value = _current(kind, record, name)
            if value is None:
                value = ""
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            elif isinstance(value, str):
                value = spreadsheet_safe(value)
            else:
                value = str(value)
            row.append(value)
        dataset.append(row)
    return dataset


def template_bytes(dataset: tablib.Dataset, file_format: str) -> bytes:
    if file_format == "xlsx":
        return dataset.export("xlsx")
    buffer = io.StringIO()
    buffer.write("\ufeff")
    buffer.write(dataset.export("csv"))
    return buffer.getvalue().encode("utf-8")
