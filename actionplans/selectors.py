"""Reads for the plan pages, the history, the dashboard and the public page."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.selectors import cities_for_user
from core.history import HistoryEntry, history_entries
from core.todo import Todo

from .models import (
    Action,
    ActionPlan,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)

UPDATE_EVERY_DAYS = 183  # a progress update is due every half-year while a plan runs
RUNNING = (ActionPlan.Status.ADOPTED, ActionPlan.Status.IMPLEMENTATION)


def plans_for_user(*, user, cities: list | None = None) -> QuerySet[ActionPlan]:
    """Every plan for staff, their cities' for officers (``cities``: those cities when the
    caller has them already)."""
    plans = ActionPlan.objects.select_related("city").order_by("city__name", "title")
    if user.is_staff:
        return plans
    if cities is not None:
        return plans.filter(city__in=[city.pk for city in cities])
    return plans.filter(city__in=cities_for_user(user))


def plan_overview(*, plan: ActionPlan) -> ActionPlan:
    actions = Action.objects.select_related(
        "funding_source", "validated_by", "responds_to"
    ).prefetch_related("milestones", "evidence")
    indicators = Indicator.objects.select_related("eu_target").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("date"))
    )
    return (
        ActionPlan.objects.select_related(
            "city", "objective", "inspired_by", "inspired_by__city", "transfer"
        )
        .prefetch_related(
            Prefetch("actions", queryset=actions),
            Prefetch("indicators", queryset=indicators),
            Prefetch("updates", queryset=ProgressUpdate.objects.filter(submitted_at__isnull=False)),
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("meeting").prefetch_related("findings"),
            ),
        )
        .get(pk=plan.pk)
    )


def draft_updates(*, plan: ActionPlan) -> QuerySet[ProgressUpdate]:
    return plan.updates.filter(submitted_at__isnull=True).select_related("saved_by")


def submitted_update(*, plan: ActionPlan, raw_id: str) -> ProgressUpdate | None:
    """A submitted update of this plan from an id typed in a URL; None when there is none."""
    if not raw_id.isdigit():
        return None
    return ProgressUpdate.objects.filter(
        plan=plan, pk=int(raw_id), submitted_at__isnull=False
    ).first()


def previous_update(*, update: ProgressUpdate) -> ProgressUpdate | None:
    return (
        ProgressUpdate.objects.filter(
            plan=update.plan, submitted_at__isnull=False, period_end__lt=update.period_start
        )
        .order_by("-period_end")
        .first()
    )


def plan_history(*, plan: ActionPlan, limit: int = 200) -> list[HistoryEntry]:
    """Every recorded change to the plan and its parts, newest first, with before and after."""
    return history_entries(
        [
            ActionPlan.history.filter(id=plan.pk),
            Action.history.filter(plan_id=plan.pk),
            Indicator.history.filter(plan_id=plan.pk),
            Milestone.history.filter(action__plan_id=plan.pk),
            Measurement.history.filter(indicator__plan_id=plan.pk),
        ],
        limit=limit,
        excluded_fields=["version"],
    )


DUE_SOON_DAYS = 30  # an update due within a month shows as due, not yet late


def next_update_due(plan: ActionPlan, last_period_end) -> date | None:
    """When a running plan's next progress update is due: half a year after the last reported
    period ends (or after the plan starts)."""
    return update_due_after(last_period_end or plan.start_date)


def update_due_after(start: date | None) -> date | None:
    """The day a progress update is due for a plan whose last reported period ended (or which
    started, without one) on ``start``."""
    return start + timedelta(days=UPDATE_EVERY_DAYS) if start else None


def next_update_period(*, plan: ActionPlan) -> dict:
    """The half-year after the last reported period (or the one the plan started in), as the
    new update form's first values."""
    last = plan.updates.filter(submitted_at__isnull=False).order_by("-period_end").first()
    if last is not None:
        start = last.period_end + timedelta(days=1)
    elif plan.start_date:
        start = plan.start_date
    else:
        return {}
    first_half = start.month <= 6
    start = date(start.year, 1 if first_half else 7, 1)
    end = date(start.year, 6, 30) if first_half else date(start.year, 12, 31)
    label = _("%(year)s, first half") if first_half else _("%(year)s, second half")
    return {"period_label": label % {"year": start.year}, "period_start": start, "period_end": end}


def todos_for(*, user, plans: list[ActionPlan]) -> list[Todo]:
    """The action plan work that needs ``user`` now, for the dashboard (a fixed number of
    queries, whatever the number of plans)."""
    today = timezone.localdate()
    plan_ids = [p.pk for p in plans]
    todos: list[Todo] = []

    drafts = (
        ProgressUpdate.objects.filter(plan_id__in=plan_ids, submitted_at__isnull=True)
        .select_related("plan", "saved_by")
        .order_by("-saved_at", "-id")[:20]
    )
    plans_with_draft = set()
    for draft in drafts:
        plans_with_draft.add(draft.plan_id)
        saved = ""
        if draft.saved_at:
            saved = _("Saved by %(who)s on %(when)s") % {
                "who": draft.saved_by.display_name if draft.saved_by else "—",
                "when": formats.date_format(timezone.localtime(draft.saved_at), "DATE_FORMAT"),
            }
        todos.append(
            Todo(
                group="updates",
                title=_("Draft progress update for %(period)s — %(plan)s")
                % {"period": draft.period_label, "plan": draft.plan.title},
                detail=saved,
                url=reverse("actionplans:update_edit", kwargs={"pk": draft.pk}),
                action=_("Continue"),
                urgency=1,
            )
        )

    running = [p for p in plans if p.status in RUNNING and p.pk not in plans_with_draft]
    last_ends = dict(
        ProgressUpdate.objects.filter(plan__in=running, submitted_at__isnull=False)
        .values("plan_id")
        .annotate(last=Max("period_end"))
        .values_list("plan_id", "last")
    )
    for plan in running:
        due = next_update_due(plan, last_ends.get(plan.pk))
        if due is None or due > today + timedelta(days=DUE_SOON_DAYS):
            continue
        late = due < today
        todos.append(
            Todo(
                group="updates",
                title=_("Progress update for %(plan)s") % {"plan": plan.title},
                detail=(_("Was due on %(date)s") if late else _("Due on %(date)s"))
                % {"date": formats.date_format(due, "DATE_FORMAT")},
                url=reverse("actionplans:update_new", kwargs={"plan_pk": plan.pk}),
                action=_("Write the update"),
                due=due,
                urgency=0 if late else 1,
            )
        )

    awaiting = (
        Finding.objects.filter(
            review__plan_id__in=plan_ids, review__status=Review.Status.OPEN, response=""
        )
        .exclude(author=user)
        .values("review_id", "review__plan__title")
        .annotate(count=Count("id"))
        .order_by("review_id")[:20]
    )
    for row in awaiting:
        todos.append(
            Todo(
                group="reviews",
                title=ngettext(
                    "%(count)s finding of the review of %(plan)s awaits your response",
                    "%(count)s findings of the review of %(plan)s await your response",
                    row["count"],
                )
                % {"count": row["count"], "plan": row["review__plan__title"]},
                url=reverse("actionplans:review", kwargs={"pk": row["review_id"]}),
                action=_("Respond"),
                urgency=1,
            )
        )
    as_peer = (
        Review.objects.filter(peers=user, status=Review.Status.OPEN)
        .select_related("plan", "plan__city")
        .only("due_date", "plan__title", "plan__city__name")
    )
    for review in as_peer[:20]:
        todos.append(
            Todo(
                group="reviews",
                title=_("You are a critical friend of %(city)s: %(plan)s")
                % {"city": review.plan.city.name, "plan": review.plan.title},
                detail=_("Due on %(date)s")
                % {"date": formats.date_format(review.due_date, "DATE_FORMAT")}
                if review.due_date
                else "",
                url=reverse("actionplans:review", kwargs={"pk": review.pk}),
                action=_("Write your findings"),
                due=review.due_date,
                urgency=0 if review.due_date and review.due_date < today else 1,
            )
        )

    overdue = (
        Milestone.objects.filter(
            action__plan_id__in=plan_ids, done_date__isnull=True, due_date__lt=today
        )
        .select_related("action__plan")
        .only("title", "due_date", "action__plan__title")
        .order_by("due_date")[:20]
    )
    for milestone in overdue:
        todos.append(
            Todo(
                group="milestones",
                title=_("“%(milestone)s” — %(plan)s")
                % {"milestone": milestone.title, "plan": milestone.action.plan.title},
                detail=_("Was due on %(date)s")
                % {"date": formats.date_format(milestone.due_date, "DATE_FORMAT")},
                url=reverse("actionplans:milestone_edit", kwargs={"pk": milestone.pk}),
                action=_("Mark it done or move it"),
                due=milestone.due_date,
                urgency=0,
            )
        )

    if user.is_staff:
        todos += _staff_todos(today)
    return todos


def _staff_todos(today) -> list[Todo]:
    """The network's view: reviews to close, plans late with their update."""
    todos = []
    to_close = (
        Review.objects.filter(status=Review.Status.OPEN)
        .filter(Q(due_date__lt=today) | Q(meeting__ends_at__lt=timezone.now()))
        .select_related("plan", "plan__city")
        .order_by("due_date", "id")[:20]
    )
    for review in to_close:
        todos.append(
            Todo(
                group="staff",
                title=_("Close the review of %(plan)s (%(city)s)")
                % {"plan": review.plan.title, "city": review.plan.city.name},
                detail=_("Its visit is over.") if review.meeting_id else "",
                url=reverse("actionplans:review", kwargs={"pk": review.pk}),
                action=_("Close the review"),
                due=review.due_date,
                urgency=1,
            )
        )
    late = _plans_late_with_update_count(today)
    if late:
        todos.append(
            Todo(
                group="staff",
                title=ngettext(
                    "%(count)s plan of the network is late with its progress update",
                    "%(count)s plans of the network are late with their progress update",
                    late,
                )
                % {"count": late},
                url=reverse("actionplans:list"),
                action=_("See the plans"),
                urgency=0,
            )
        )
    return todos


def _plans_late_with_update_count(today) -> int:
    return plans_late_with_update(today=today).count()


def plans_late_with_update(*, today: date) -> QuerySet[ActionPlan]:
    """Running plans whose last submitted period ended more than half a year ago (or that
    started that long ago without one), each with ``last_end``: that period's end (None without
    one). Filtered in the database, to be counted or grouped there."""
    limit = today - timedelta(days=UPDATE_EVERY_DAYS)
    last = (
        ProgressUpdate.objects.filter(plan=OuterRef("pk"), submitted_at__isnull=False)
        .order_by("-period_end")
        .values("period_end")[:1]
    )
    return (
        ActionPlan.objects.filter(status__in=RUNNING)
        .annotate(last_end=Subquery(last))
        .filter(Q(last_end__lt=limit) | Q(last_end__isnull=True, start_date__lt=limit))
    )


def public_plans_for_city(*, city) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.filter(city=city, is_public=True).order_by("title")
