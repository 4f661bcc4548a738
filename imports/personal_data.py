"""A person's spreadsheet imports. Nothing is erased: an import names its file, not a person, and
its authorship stays with the account's tombstone, as the plan's history does."""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import DataImport


def export(user) -> dict[str, Any]:
    return {
        "imports": [
            {
                "file": data_import.file_name,
                "kind": data_import.get_kind_display(),
                "plan": data_import.plan.title,
                "status": data_import.get_status_display(),
                "created_at": iso(data_import.created_at),
                "applied_at": iso(data_import.applied_at),
            }
            for data_import in DataImport.objects.filter(created_by=user).select_related("plan")
        ]
    }


register("imports", export=export)
