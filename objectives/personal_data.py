"""A staff member's part in the network's year: the changes they made to work plans, objectives,
activities and achievements, and the evidence they linked. Nothing here is erased: the year's
record stays, attributed to the account's tombstone."""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import Achievement, Activity, Evidence, Objective, WorkPlan

HISTORY = [WorkPlan, Objective, Activity, Achievement]
CHANGE_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


def export(user) -> dict[str, Any]:
    changes = [
        {
            "what": str(model._meta.verbose_name),
            "name": str(record.instance),
            "change": CHANGE_KINDS[record.history_type],
            "at": iso(record.history_date),
        }
        for model in HISTORY
        for record in model.history.filter(history_user=user).order_by("history_date")
    ]
    changes.sort(key=lambda change: change["at"])
    return {
        "work_plan_changes": changes,
        "evidence_linked": [
            {
                "activity": link.activity.title,
                "record": f"{link.content_type.name} {link.object_id}",
                "linked_at": iso(link.added_at),
            }
            for link in Evidence.objects.filter(added_by=user).select_related(
                "activity", "content_type"
            )
        ],
    }


register("work_plans", export=export)
