"""What reports notify about: a report that took more than a minute is ready (to who asked)."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind, register
from notifications.services import notify

from . import access
from .models import Report

# A report ready sooner than this was seen ready on its status page: no need to tell.
WORTH_TELLING_AFTER = timedelta(minutes=1)


def _visible(user, report) -> bool:
    try:
        access.get_report_for_download(user, uid=report.uid)
    except Http404:
        return False
    return True


register(Kind(
    "report_ready", _("Report ready"),
    _("Your report “%(report)s” is ready to download."), visible=_visible,
))  # fmt: skip


def report_ready(report: Report) -> None:
    if report.requested_by_id is None or report.finished_at is None:
        return
    if report.finished_at - report.created_at < WORTH_TELLING_AFTER:
        return
    notify(
        recipients=[report.requested_by],
        kind="report_ready",
        subject=report,
        url=report.get_absolute_url(),
        context={"report": report.title},
    )
