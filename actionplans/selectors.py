"""Reads for the plan pages, the history, the dashboard and the public page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from cities.selectors import cities_for_user

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


def plans_for_user(*, user) -> QuerySet[ActionPlan]:
    plans = ActionPlan.objects.select_related("city").order_by("city__name", "title")
    return plans if user.is_staff else plans.filter(city__in=cities_for_user(user))


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
    return plan.updates.filter(submitted_at__isnull=True)


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


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str
    kind: str  # created, changed, deleted
    changes: list[tuple[str, str, str]]


def plan_history(*, plan: ActionPlan, limit: int = 200) -> list[HistoryEntry]:
    """Every recorded change to the plan and its parts, newest first, with before and after."""
    sources = [
        ActionPlan.history.filter(id=plan.pk),
        Action.history.filter(plan_id=plan.pk),
        Indicator.history.filter(plan_id=plan.pk),
        Milestone.history.filter(action__plan_id=plan.pk),
        Measurement.history.filter(indicator__plan_id=plan.pk),
    ]
    records = []
    for source in sources:
        records.extend(source.select_related("history_user").order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    entries = []
    for record in records[:limit]:
        changes = []
        previous = record.prev_record
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous, excluded_fields=["version"])
            for change in delta.changes:
                field = record.instance._meta.get_field(change.field)
                changes.append((str(field.verbose_name), _shown(change.old), _shown(change.new)))
            if not changes:
                continue
        kind = {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else "—",
                what=f"{record.instance._meta.verbose_name}: {record.instance}",
                kind=kind,
                changes=changes,
            )
        )
    return entries


def _shown(value) -> str:
    return "—" if value in (None, "") else str(value)


@dataclass(frozen=True)
class Dashboard:
    plans: list[ActionPlan]
    overdue: list[Milestone]
    updates_due: list[ActionPlan]
    reviews: list[Review]
    responses_due: list[Finding]


def dashboard_for(*, user) -> Dashboard:
    plans = list(plans_for_user(user=user))
    today = timezone.localdate()
    overdue = list(
        Milestone.objects.filter(
            action__plan__in=[p.pk for p in plans], done_date__isnull=True, due_date__lt=today
        )
        .select_related("action", "action__plan")
        .order_by("due_date")[:20]
    )
    running = [
        p
        for p in plans
        if p.status in (ActionPlan.Status.ADOPTED, ActionPlan.Status.IMPLEMENTATION)
    ]
    last_updates = {
        row["plan_id"]: row["period_end"]
        for row in ProgressUpdate.objects.filter(plan__in=running, submitted_at__isnull=False)
        .order_by("plan_id", "-period_end")
        .values("plan_id", "period_end")
    }
    updates_due = [
        p
        for p in running
        if p.pk not in last_updates
        or last_updates[p.pk] < today - timedelta(days=UPDATE_EVERY_DAYS)
    ]
    reviews = list(
        Review.objects.filter(peers=user, status=Review.Status.OPEN).select_related(
            "plan", "plan__city"
        )
    )
    responses_due = list(
        Finding.objects.filter(
            review__plan__in=[p.pk for p in plans], review__status=Review.Status.OPEN, response=""
        )
        .filter(~Q(author=user))
        .select_related("review", "review__plan")[:20]
    )
    return Dashboard(plans, overdue, updates_due, reviews, responses_due)


def public_plans_for_city(*, city) -> QuerySet[ActionPlan]:
    return ActionPlan.objects.filter(city=city, is_public=True).order_by("title")
