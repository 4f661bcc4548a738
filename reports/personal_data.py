"""A person's part in reports: the PDFs they asked for (the files themselves hold no personal
data, and stay for whoever else may read them until they expire)."""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import Report


def export(user) -> dict[str, Any]:
    return {
        "reports_requested": [
            {
                "kind": report.get_kind_display(),
                "title": report.title,
                "year": report.year,
                "language": report.language,
                "status": report.get_status_display(),
                "requested_at": iso(report.created_at),
            }
            for report in Report.objects.filter(requested_by=user).order_by("created_at", "id")
        ],
    }


register("reports", export=export)
