"""A person's part in the good practice library: what they proposed, moderated and uploaded.

Nothing here is erased: practices name a contact by role, never a person, and their authorship
stays with the account's tombstone ("former officer of ...").
"""

from __future__ import annotations

from typing import Any

from accounts.personal_data import iso, register

from .models import Practice, PracticeAttachment, PracticeEvent, Transfer


def export(user) -> dict[str, Any]:
    return {
        "practices_proposed": [
            {
                "title": practice.title,
                "slug": practice.slug,
                "city": practice.city.name,
                "status": practice.get_status_display(),
                "created_at": iso(practice.created_at),
            }
            for practice in Practice.objects.filter(created_by=user)
            .select_related("city")
            .order_by("created_at", "id")
        ],
        "practice_status_changes": [
            {
                "practice": event.practice.title,
                "from": event.get_from_status_display(),
                "to": event.get_to_status_display(),
                "comment": event.comment,
                "at": iso(event.at),
            }
            for event in PracticeEvent.objects.filter(by=user).select_related("practice")
        ],
        "transfers_recorded": [
            {
                "practice": transfer.practice.title,
                "adopting_city": transfer.city.name,
                "stage": transfer.get_stage_display(),
                "updated_at": iso(transfer.updated_at),
            }
            for transfer in Transfer.objects.filter(recorded_by=user).select_related(
                "practice", "city"
            )
        ],
        "practice_attachments_uploaded": [
            {
                "practice": attachment.practice.title,
                "title": attachment.title,
                "file_name": attachment.original_name,
                "uploaded_at": iso(attachment.uploaded_at),
            }
            for attachment in PracticeAttachment.objects.filter(uploaded_by=user).select_related(
                "practice"
            )
        ],
    }


register("practices", export=export)
