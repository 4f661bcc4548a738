"""Who may request, follow and download a report: exactly who may see its content.

Every check goes through the other apps' access helpers and is made again on every download,
so a plan made private or a guideline unpublished stops its reports at once. Anything the
person may not see answers 404.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from actionplans.access import get_plan_for_viewing
from core.access import found_or_404
from meetings.models import Meeting
from objectives.models import WorkPlan
from practices.access import get_guideline_for_viewing
from practices.models import Guideline

from .models import Report


def _no_report_here() -> str:
    return _("There is no report at this address.")


def get_subject(user, *, kind: str, object_id: int | None, year: int | None):
    """The object a report is about, if this person may see it; Http404 otherwise."""
    if kind == Report.Kind.GUIDELINE:
        guideline = found_or_404(Guideline.objects.only("slug"), _no_report_here(), pk=object_id)
        return get_guideline_for_viewing(user, slug=guideline.slug)
    if kind == Report.Kind.PLAN_PROGRESS:
        if object_id is None:
            raise Http404(_no_report_here())
        return get_plan_for_viewing(user, pk=object_id)
    if kind == Report.Kind.WORK_PLAN:
        return found_or_404(WorkPlan.objects.all(), _no_report_here(), year=year, is_published=True)
    if kind == Report.Kind.MEETING_AGENDA:
        meeting = found_or_404(
            Meeting.objects.select_related("host_city"), _no_report_here(), pk=object_id
        )
        if not meeting.is_published:
            raise Http404(_no_report_here())
        return meeting
    raise Http404(_no_report_here())


def get_report_for_viewing(user, *, uid) -> Report:
    report = found_or_404(Report.objects.all(), _no_report_here(), uid=uid)
    get_subject(user, kind=report.kind, object_id=report.object_id, year=report.year)
    return report


def get_report_for_download(user, *, uid) -> Report:
    report = get_report_for_viewing(user, uid=uid)
    if not report.is_ready:
        raise Http404(_no_report_here())
    return report


def may_retry(request, report: Report) -> bool:
    """The person who asked: their account, or (signed out) the browser session that asked."""
    if report.status != Report.Status.FAILED:
        return False
    if request.user.is_authenticated and report.requested_by_id == request.user.pk:
        return True
    return report.requested_by_id is None and str(report.uid) in request.session.get(
        "reports_requested", []
    )
