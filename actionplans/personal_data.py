"""A person's part in action plans: the changes they made, updates, reviews and evidence; for
experts invited without an account, their invitations under their e-mail address.

Nothing of an account is erased here: plans, their history, updates and review feedback are the
cities' records, and stay attributed to the account's tombstone ("former officer of Braga").
An invited expert's name and address are erased; their findings stay, under their organisation.
"""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import (
    Action,
    ActionEvidence,
    ActionPlan,
    ExternalReviewer,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)
from .services import expert_erase

# The recorded changes (django-simple-history) and how to name what each one changed.
HISTORY = [
    (ActionPlan, lambda record: record.title),
    (Action, lambda record: record.title),
    (Indicator, lambda record: record.name),
    (Milestone, lambda record: record.title),
    (Measurement, lambda record: f"{record.date.isoformat()}: {record.value}"),
]
CHANGE_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


def _changes(user) -> list[dict[str, Any]]:
    changes = []
    for model, describe in HISTORY:
        for record in model.history.filter(history_user=user).order_by("history_date"):
            changes.append(
                {
                    "what": str(model._meta.verbose_name),
                    "name": describe(record),
                    "change": CHANGE_KINDS[record.history_type],
                    "at": iso(record.history_date),
                }
            )
    changes.sort(key=lambda change: change["at"])
    return changes


def export(user) -> dict[str, Any]:
    return {
        "plan_changes": _changes(user),
        "progress_updates_submitted": [
            {
                "plan": update.plan.title,
                "city": update.plan.city.name,
                "period": update.period_label,
                "submitted_at": iso(update.submitted_at),
            }
            for update in ProgressUpdate.objects.filter(submitted_by=user).select_related(
                "plan__city"
            )
        ],
        "actions_validated": [
            {
                "plan": action.plan.title,
                "action": action.title,
                "validated_status": action.get_validated_status_display(),
                "note": action.validation_note,
                "validated_at": iso(action.validated_at),
            }
            for action in Action.objects.filter(validated_by=user).select_related("plan")
        ],
        "reviews_as_peer": [
            {
                "plan": review.plan.title,
                "city": review.plan.city.name,
                "status": review.get_status_display(),
                "opened_at": iso(review.created_at),
            }
            for review in Review.objects.filter(peers=user).select_related("plan__city")
        ],
        "review_findings_written": [
            {
                "plan": finding.review.plan.title,
                "section": finding.get_section_display(),
                "kind": finding.get_kind_display(),
                "text": finding.text,
                "written_at": iso(finding.created_at),
            }
            for finding in Finding.objects.filter(author=user).select_related("review__plan")
        ],
        "review_responses_written": [
            {
                "plan": finding.review.plan.title,
                "finding": finding.text,
                "response": finding.response,
                "responded_at": iso(finding.responded_at),
            }
            for finding in Finding.objects.filter(responded_by=user).select_related("review__plan")
        ],
        "evidence_uploaded": [
            {
                "action": evidence.action.title,
                "title": evidence.title,
                "file_name": evidence.original_name,
                "uploaded_at": iso(evidence.uploaded_at),
            }
            for evidence in ActionEvidence.objects.filter(uploaded_by=user).select_related("action")
        ],
    }


def export_address(email: str) -> dict[str, Any]:
    reviewers = ExternalReviewer.objects.filter(email__iexact=email).select_related(
        "review__plan__city"
    )
    return {
        "reviews_as_invited_expert": [
            {
                "plan": reviewer.review.plan.title,
                "city": reviewer.review.plan.city.name,
                "name": reviewer.name,
                "organisation": reviewer.organisation,
                "email": reviewer.email,
                "invited_as": reviewer.get_role_display(),
                "invited_at": iso(reviewer.invited_at),
                "last_signed_in_at": iso(reviewer.last_signed_in_at),
                "access_ended_at": iso(reviewer.access_ended_at),
                "findings_written": [
                    {
                        "section": finding.get_section_display(),
                        "kind": finding.get_kind_display(),
                        "text": finding.text,
                        "written_at": iso(finding.created_at),
                    }
                    for finding in reviewer.findings.all()
                ],
            }
            for reviewer in reviewers
        ]
    }


def erase_address(email: str) -> int:
    erased = 0
    for reviewer in ExternalReviewer.objects.filter(email__iexact=email):
        expert_erase(reviewer=reviewer)
        erased += 1
    return erased


register("action_plans", export=export, export_address=export_address, erase_address=erase_address)
