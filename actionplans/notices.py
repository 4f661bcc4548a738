"""What action plans notify about, who may still see it, and the daily reminders: progress
updates due (14 days before, on the day, then weekly while late), drafts left unsubmitted a week
before the date, reviews closing within a week."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.models import CityMembership
from notifications.kinds import register_kinds, reminder
from notifications.services import notify, notify_many

from . import access
from .models import ActionPlan, Finding, ProgressUpdate, Review
from .selectors import RUNNING, next_update_due

UPDATE_DUE_AHEAD = 14  # days before the date: the first reminder
DRAFT_AHEAD = 7
REVIEW_CLOSING_AHEAD = 7


def _plan_visible(user, plan) -> bool:
    return access.can_view(user, plan)


def _review_visible(user, review) -> bool:
    """The host city and staff while it exists; the peers only while it is open."""
    if access.can_edit(user, review.plan):
        return True
    return review.status == Review.Status.OPEN and review.peers.filter(pk=user.pk).exists()


def _finding_visible(user, finding) -> bool:
    return _review_visible(user, finding.review)


register_kinds(
    ("update_due", _("Progress update due"),
     _("The progress update of %(plan)s is due on %(due_date)s.")),
    ("update_late", _("Progress update late"),
     _("The progress update of %(plan)s was due on %(due_date)s.")),
    ("draft_unsubmitted", _("Draft progress update not submitted"),
     _("The draft update %(period)s of %(plan)s is not submitted; it is due on %(due_date)s.")),
    visible=_plan_visible, titles=lambda plan: {"plan": plan},
)  # fmt: skip
register_kinds(
    ("review_opened", _("Critical friend review opened"),
     _("A critical friend review of %(plan)s (%(city)s) is open.")),
    ("review_closing", _("Review closing soon"),
     _("The critical friend review of %(plan)s closes on %(due_date)s.")),
    visible=_review_visible, titles=lambda review: {"plan": review.plan},
)  # fmt: skip
register_kinds(
    ("finding_added", _("New finding of a review"),
     _("A peer added a finding or a recommendation to the review of %(plan)s.")),
    ("finding_answered", _("Host city's response to a finding"),
     _("%(city)s answered a finding of the review of %(plan)s.")),
    visible=_finding_visible, titles=lambda finding: {"plan": finding.review.plan},
)  # fmt: skip


def _officers(city_id: int) -> list:
    return [m.user for m in CityMembership.objects.filter(city_id=city_id).select_related("user")]


def _staff() -> list:
    return list(get_user_model().objects.filter(is_staff=True, is_active=True))


def _review_url(review: Review) -> str:
    return reverse("actionplans:review", kwargs={"pk": review.pk})


def review_opened(review: Review) -> None:
    plan = review.plan
    notify(
        recipients=[*_officers(plan.city_id), *review.peers.all()],
        kind="review_opened",
        subject=review,
        url=_review_url(review),
        context={"plan": plan.title, "city": plan.city.name},
    )


def finding_added(finding: Finding) -> None:
    plan = finding.review.plan
    notify(
        recipients=[u for u in _officers(plan.city_id) if u.pk != finding.author_id],
        kind="finding_added",
        subject=finding,
        url=_review_url(finding.review),
        context={"plan": plan.title, "city": plan.city.name},
    )


def finding_answered(finding: Finding) -> None:
    review, plan = finding.review, finding.review.plan
    notify(
        recipients=[u for u in [*_staff(), *review.peers.all()] if u.pk != finding.responded_by_id],
        kind="finding_answered",
        subject=finding,
        url=_review_url(review),
        context={"plan": plan.title, "city": plan.city.name},
    )


# --- Daily reminders --------------------------------------------------------------------


@reminder
def updates_due(*, today: date) -> int:
    """Running plans whose update is due in 14 days, today, or late by whole weeks; and their
    drafts a week before the date. A fixed number of queries, whatever the number of plans."""
    plans = list(
        ActionPlan.objects.filter(status__in=RUNNING)
        .select_related("city")
        .annotate(
            last_end=Max("updates__period_end", filter=Q(updates__submitted_at__isnull=False))
        )
    )
    due_on = {plan.pk: next_update_due(plan, plan.last_end) for plan in plans}
    chosen: list[tuple[ActionPlan, str, str, date]] = []
    for plan in plans:
        due = due_on[plan.pk]
        if due is None:
            continue
        days = (due - today).days
        if days in (UPDATE_DUE_AHEAD, 0):
            chosen.append((plan, "update_due", f"due-{due}-{days}", due))
        elif days < 0 and -days % 7 == 0:
            chosen.append((plan, "update_late", f"late-{due}-{-days // 7}", due))
    drafts = {
        update.plan_id: update
        for update in ProgressUpdate.objects.filter(
            plan__in=[p for p in plans if due_on[p.pk] == today + timedelta(days=DRAFT_AHEAD)],
            submitted_at__isnull=True,
        )
    }
    officers = _officers_by_city({plan.city_id for plan, *_rest in chosen} | {
        plan.city_id for plan in plans if plan.pk in drafts
    })  # fmt: skip
    rows = []
    for plan, kind, occasion, due in chosen:
        url = reverse("actionplans:update_new", kwargs={"plan_pk": plan.pk})
        context = {"plan": plan.title, "city": plan.city.name, "due_date": due.isoformat()}
        rows += [(p, kind, plan, url, context, occasion) for p in officers.get(plan.city_id, [])]
    for plan in plans:
        draft = drafts.get(plan.pk)
        if draft is None:
            continue
        url = reverse("actionplans:update_edit", kwargs={"pk": draft.pk})
        context = {
            "plan": plan.title, "city": plan.city.name, "period": draft.period_label,
            "due_date": due_on[plan.pk].isoformat(),
        }  # fmt: skip
        occasion = f"draft-{due_on[plan.pk]}"
        rows += [
            (p, "draft_unsubmitted", plan, url, context, occasion)
            for p in officers.get(plan.city_id, [])
        ]
    return notify_many(rows)


@reminder
def reviews_closing(*, today: date) -> int:
    closing = list(
        Review.objects.filter(
            status=Review.Status.OPEN, due_date=today + timedelta(days=REVIEW_CLOSING_AHEAD)
        )
        .select_related("plan__city")
        .prefetch_related("peers")
    )
    officers = _officers_by_city({review.plan.city_id for review in closing})
    rows = []
    for review in closing:
        context = {
            "plan": review.plan.title, "city": review.plan.city.name,
            "due_date": review.due_date.isoformat(),
        }  # fmt: skip
        people = [*officers.get(review.plan.city_id, []), *review.peers.all()]
        rows += [(p, "review_closing", review, _review_url(review), context, "") for p in people]
    return notify_many(rows)


def _officers_by_city(city_ids: set[int]) -> dict[int, list]:
    found: dict[int, list] = {}
    for membership in CityMembership.objects.filter(city_id__in=city_ids).select_related("user"):
        found.setdefault(membership.city_id, []).append(membership.user)
    return found
