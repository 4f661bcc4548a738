"""Action plans and progress updates as evidence of the work plan's activities; the figure of
cities that drafted plans."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils.translation import gettext, gettext_lazy, ngettext

from objectives.evidence import (
    EvidenceItem,
    Measure,
    Source,
    records_of,
    register_measure,
    register_source,
)

from .models import ActionPlan, ProgressUpdate

# A plan still being drafted shows the work under way; from adoption on, the drafting is done.
_DRAFTED = {
    ActionPlan.Status.ADOPTED,
    ActionPlan.Status.IMPLEMENTATION,
    ActionPlan.Status.COMPLETED,
}


def _plan(plan: ActionPlan, today: date) -> EvidenceItem:
    return EvidenceItem(
        record=("actionplans.actionplan", plan.pk),
        kind=gettext("Action plan"),
        title=gettext("%(title)s (%(city)s)") % {"title": plan.title, "city": plan.city.name},
        is_public=plan.is_public,
        done=plan.status in _DRAFTED,
        date=plan.start_date,
        url=plan.get_absolute_url() if plan.is_public else "",
    )


def _update(update: ProgressUpdate, today: date) -> EvidenceItem:
    plan = update.plan
    submitted = update.submitted_at is not None
    return EvidenceItem(
        record=("actionplans.progressupdate", update.pk),
        kind=gettext("Progress update"),
        title=gettext("%(city)s, %(period)s")
        % {"city": plan.city.name, "period": update.period_label},
        is_public=plan.is_public and submitted,
        done=submitted,
        date=update.submitted_at.date() if submitted else None,
        url=plan.get_absolute_url() if plan.is_public and submitted else "",
    )


def _plans():
    return ActionPlan.objects.select_related("city")


def _updates():
    return ProgressUpdate.objects.select_related("plan__city")


def _plans_implied(activity_ids, today):
    """A plan drafted after a transfer shows the transfer's activity at work."""
    found: dict[int, list[EvidenceItem]] = defaultdict(list)
    for plan in _plans().filter(transfer__activity_id__in=activity_ids).select_related("transfer"):
        found[plan.transfer.activity_id].append(_plan(plan, today))
    return found


register_source(
    Source(
        model=ActionPlan,
        kind=lambda n: ngettext("%(n)s action plan", "%(n)s action plans", n) % {"n": n},
        describe=lambda ids, today: {p.pk: _plan(p, today) for p in _plans().filter(pk__in=ids)},
        implied=_plans_implied,
        candidates=lambda activity: _plans().exclude(status=ActionPlan.Status.DISCONTINUED),
    )
)
register_source(
    Source(
        model=ProgressUpdate,
        kind=lambda n: ngettext("%(n)s progress update", "%(n)s progress updates", n) % {"n": n},
        describe=lambda ids, today: {
            u.pk: _update(u, today) for u in _updates().filter(pk__in=ids)
        },
        candidates=lambda activity: _updates().filter(submitted_at__isnull=False),
    )
)


def _plan_cities(figures):
    """Cities with an action plan among the activity's evidence (linked or through a transfer
    of the activity)."""
    activity_ids = {f.activity_id for f in figures if f.activity_id}
    plans_of = records_of(activity_ids, ActionPlan, via=None)
    for activity_id, pk in ActionPlan.objects.filter(
        transfer__activity_id__in=activity_ids
    ).values_list("transfer__activity_id", "pk"):
        plans_of[activity_id].add(pk)
    city_of = dict(
        ActionPlan.objects.filter(pk__in={p for ids in plans_of.values() for p in ids}).values_list(
            "pk", "city_id"
        )
    )
    return {
        f.pk: len({city_of[p] for p in plans_of.get(f.activity_id, ()) if p in city_of})
        for f in figures
    }


register_measure(
    Measure(
        code="plan_cities",
        label=gettext_lazy("Cities with an action plan from the activity"),
        people=False,
        count=_plan_cities,
    )
)
