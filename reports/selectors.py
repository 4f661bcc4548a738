"""The data each kind of report is made from, read through the other apps' selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import ActionPlan, ActionStatus, ValidatedStatus
from actionplans.selectors import plan_overview, previous_update
from core.todo import Todo
from meetings.models import Meeting
from meetings.selectors import meeting_agenda
from objectives.evidence import achievements_with_figures, work_plan_progress
from objectives.models import WorkPlan
from objectives.selectors import achievements_for_year, work_plan_for_year
from practices.models import Guideline
from practices.selectors import guideline_page
from translations.reading import localize

from .models import Report


class ReportUnavailable(Exception):
    """What the report is about is gone or no longer public: an expected failure."""


@dataclass
class Source:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    # The language of the document's main text: the version its record was found in (the
    # report's language when translated, else the original). The PDF's ``<html lang>``.
    language: str = ""


def _status_label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value or "—"))


def _period_comparison(plan: ActionPlan) -> dict | None:
    """The latest submitted update against the one before it, from their frozen snapshots."""
    updates = list(plan.updates.all())  # submitted only, newest first (see plan_overview)
    if not updates:
        return None
    current = updates[0]
    previous = previous_update(update=current)
    before = previous.snapshot if previous else {}
    # An action whose title is still the one frozen in the update: shown as it is now, so that
    # it reads in the report's language once the plan is localized.
    unchanged = {(action.pk, action.title): action for action in plan.actions.all()}
    old_indicators = {row["id"]: row for row in before.get("indicators", [])}
    old_actions = {row["id"]: row for row in before.get("actions", [])}
    indicators = [
        {
            "name": row["name"],
            "unit": row["unit"],
            "now": row.get("value"),
            "before": old_indicators.get(row["id"], {}).get("value"),
            "target": row.get("target"),
        }
        for row in current.snapshot.get("indicators", [])
    ]
    actions = [
        {
            "title": row["title"],
            "action": unchanged.get((row["id"], row["title"])),
            "now": _status_label(ActionStatus, row.get("status")),
            "before": _status_label(ActionStatus, old_actions[row["id"]].get("status"))
            if row["id"] in old_actions
            else "—",
            "progress": row.get("progress"),
            "progress_before": old_actions.get(row["id"], {}).get("progress"),
            "validated": _status_label(ValidatedStatus, row.get("validated_status"))
            if row.get("validated_status")
            else "—",
        }
        for row in current.snapshot.get("actions", [])
    ]
    return {"current": current, "previous": previous, "indicators": indicators, "actions": actions}


def _guideline(report: Report) -> Source:
    guideline = Guideline.objects.filter(pk=report.object_id).first()
    if guideline is None or not guideline.is_published:
        raise ReportUnavailable(_("The guideline is not published (any more)."))
    guideline = guideline_page(guideline=guideline)
    sections = guideline.sections.all()
    recommendations = [r for section in sections for r in section.recommendations.all()]
    localize(
        [guideline, guideline.activity, *sections, *recommendations, *guideline.practices.all()],
        report.language,
    )
    return Source(
        title=guideline.title,
        template="reports/pdf/guideline.html",
        context={"guideline": guideline},
        language=guideline.shown.language,
    )


def _plan_progress(report: Report) -> Source:
    plan = ActionPlan.objects.filter(pk=report.object_id).first()
    if plan is None:
        raise ReportUnavailable(_("The action plan no longer exists."))
    plan = plan_overview(plan=plan)
    reviews = list(plan.reviews.all())
    comparison = _period_comparison(plan)  # before localizing: it compares the original titles
    actions = plan.actions.all()
    targets = [indicator.eu_target for indicator in plan.indicators.all()]
    localize([plan, *actions, plan.inspired_by, plan.objective, *targets], report.language)
    return Source(
        title=_("%(title)s – progress report") % {"title": plan.title},
        template="reports/pdf/plan_progress.html",
        context={"plan": plan, "comparison": comparison, "reviews": reviews},
        language=plan.shown.language,
    )


def _work_plan(report: Report) -> Source:
    try:
        work_plan = work_plan_for_year(year=report.year)
    except WorkPlan.DoesNotExist:
        raise ReportUnavailable(
            _("There is no published work plan for %(year)s.") % {"year": report.year}
        ) from None
    achievements = list(achievements_for_year(year=report.year - 1))
    objectives = work_plan.objectives.all()
    localize(
        [
            work_plan,
            *work_plan.strategic_objectives.all(),
            *objectives,
            *(objective.priority for objective in objectives),
            *(activity for objective in objectives for activity in objective.activities.all()),
            *achievements,
            *(figure for achievement in achievements for figure in achievement.figures.all()),
            *(a for achievement in achievements for a in achievement.activities.all()),
        ],
        report.language,
    )
    return Source(
        title=_("Work plan %(year)s and achievements %(previous)s")
        % {"year": report.year, "previous": report.year - 1},
        template="reports/pdf/work_plan.html",
        context={
            "work_plan": work_plan,
            "objectives": work_plan_progress(work_plan),
            # After localizing: the figures' values go into the narrative as translated.
            "achievements": achievements_with_figures(achievements),
            "previous_year": report.year - 1,
            "contacts": sorted(work_plan.contacts.all(), key=lambda c: (c.order, c.role, c.pk)),
        },
        language=work_plan.shown.language,
    )


def _meeting_agenda(report: Report) -> Source:
    meeting = Meeting.objects.select_related("host_city").filter(pk=report.object_id).first()
    if meeting is None or not meeting.is_published:
        raise ReportUnavailable(_("The meeting is not published (any more)."))
    agenda = meeting_agenda(meeting=meeting)
    blocks = [block for day in agenda for block in day.blocks]
    localize(
        [
            meeting,
            *(block.session for block in blocks),
            *(item for block in blocks for item in block.items),
        ],
        report.language,
    )
    return Source(
        title=_("Agenda: %(title)s") % {"title": meeting.title},
        template="reports/pdf/meeting_agenda.html",
        context={"meeting": meeting, "agenda": agenda},
        language=meeting.shown.language,
    )


SOURCES = {
    Report.Kind.GUIDELINE: _guideline,
    Report.Kind.PLAN_PROGRESS: _plan_progress,
    Report.Kind.WORK_PLAN: _work_plan,
    Report.Kind.MEETING_AGENDA: _meeting_agenda,
}


def report_source(report: Report) -> Source:
    """What to render for this report, in the active language. ReportUnavailable if gone."""
    return SOURCES[report.kind](report)


def reports_for_subject(*, kind: str, object_id: int | None, year: int | None) -> QuerySet[Report]:
    return Report.objects.filter(kind=kind, object_id=object_id, year=year)


FAILED_SHOWN_DAYS = 7


def todos_for(*, user) -> list[Todo]:
    """Reports that failed: the person's own of the last week; for staff, every one of them."""
    since = timezone.now() - timedelta(days=FAILED_SHOWN_DAYS)
    failed = Report.objects.filter(status=Report.Status.FAILED, created_at__gte=since)
    if not user.is_staff:
        failed = failed.filter(requested_by=user)
    return [
        Todo(
            group="staff" if user.is_staff else "reports",
            title=_("The report “%(report)s” could not be produced") % {"report": report},
            detail=report.error[:200],
            url=report.get_absolute_url(),
            action=_("See why and try again"),
            urgency=1,
        )
        for report in failed.order_by("-created_at")[:10]
    ]
