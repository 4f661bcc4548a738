"""What a report's download link says about the file it gives."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from reports.models import Report

register = template.Library()


@register.simple_tag
def latest_report(kind: str, object_id=None, year=None) -> Report | None:
    """The latest ready file of this subject in the page's language (one indexed query)."""
    return (
        Report.objects.filter(
            kind=kind,
            object_id=object_id or None,
            year=year or None,
            language=get_language(),
            status=Report.Status.READY,
            expires_at__gt=timezone.now(),
        )
        .only("page_count", "file_size")
        .order_by("-finished_at")
        .first()
    )
