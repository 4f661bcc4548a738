"""Writes for action plans: optimistic locking, history (django-simple-history records every
save), frozen progress updates and the critical friend review workflow."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cities.models import City

from . import notices
from .eu_targets import EU_ROMA_TARGETS
from .models import (
    Action,
    ActionEvidence,
    ActionPlan,
    EUTarget,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)


def targets_ensure() -> None:
    for code, objective, title in EU_ROMA_TARGETS:
        EUTarget.objects.get_or_create(
            code=code.lower(), defaults={"objective": objective, "title": title}
        )


def _save_edited(model, *, instance, data: dict, create: dict, by):
    """Create an object, or write the edited fields onto it (callers through a form have
    checked the edit token first, in the same transaction: core/views.save_edited).

    ``by`` is recorded in the history as who made the change, whoever calls the service.
    """
    with transaction.atomic():
        if instance is None:
            instance = model(**create)
        elif hasattr(instance, "version"):
            instance.version += 1
        many_to_many = []
        for name, value in data.items():
            if model._meta.get_field(name).many_to_many:
                many_to_many.append((name, value))
            else:
                setattr(instance, name, value)
        instance.full_clean()
        if by is not None:
            instance._history_user = by
        instance.save()
        for name, value in many_to_many:
            getattr(instance, name).set(value or [])
    return instance


def plan_save(
    *, plan: ActionPlan | None, city: City | None = None, data: dict, by=None
) -> ActionPlan:
    return _save_edited(ActionPlan, instance=plan, data=data, create={"city": city}, by=by)


def action_save(*, plan: ActionPlan, action: Action | None, data: dict, by=None) -> Action:
    return _save_edited(Action, instance=action, data=data, create={"plan": plan}, by=by)


def indicator_save(
    *, plan: ActionPlan, indicator: Indicator | None, data: dict, by=None
) -> Indicator:
    return _save_edited(Indicator, instance=indicator, data=data, create={"plan": plan}, by=by)


def action_validate(*, action: Action, status: str, note: str, by) -> Action:
    action.validated_status = status
    action.validation_note = note
    action.validated_by = by
    action.validated_at = timezone.now()
    action.version += 1
    action.save(
        update_fields=[
            "validated_status",
            "validation_note",
            "validated_by",
            "validated_at",
            "version",
        ]
    )
    return action


@transaction.atomic  # the file is stored first: an unreachable store leaves no row behind
def evidence_add(*, action: Action, upload, title: str, by) -> ActionEvidence:
    try:
        values = ActionEvidence.values_for(upload=upload, title=title, by=by)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return ActionEvidence.objects.create(action=action, **values)


def milestone_save(
    *, action: Action, milestone: Milestone | None, data: dict, by=None
) -> Milestone:
    return _save_edited(Milestone, instance=milestone, data=data, create={"action": action}, by=by)


def measurement_add(*, indicator: Indicator, data: dict) -> Measurement:
    measurement = Measurement(indicator=indicator, **data)
    try:
        measurement.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise ValidationError(
                {"date": _("There is already a measurement on this date; change that one.")}
            ) from None
        raise
    measurement.save()
    return measurement


def snapshot_of(
    *, indicators: Iterable[tuple[Indicator, list[Measurement]]], actions: Iterable[Action], until
) -> dict:
    """What a progress update freezes: each indicator's latest value up to ``until`` (its
    measurements in date order) and each action's statuses."""
    frozen = []
    for indicator, measurements in indicators:
        last = next((m for m in reversed(measurements) if m.date <= until), None)
        frozen.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "unit": indicator.unit,
                "value": str(last.value) if last else None,
                "date": last.date.isoformat() if last else None,
                "target": str(indicator.target_value),
            }
        )
    return {
        "indicators": frozen,
        "actions": [
            {
                "id": action.pk,
                "title": action.title,
                "status": action.status,
                "progress": action.progress,
                "validated_status": action.validated_status,
            }
            for action in actions
        ],
    }


def _snapshot(plan: ActionPlan, *, until) -> dict:
    indicators = plan.indicators.prefetch_related("measurements")
    return snapshot_of(
        indicators=[(indicator, list(indicator.measurements.all())) for indicator in indicators],
        actions=plan.actions.all(),
        until=until,
    )


def update_save(
    *,
    plan: ActionPlan,
    update: ProgressUpdate | None,
    data: dict,
    corrects=None,
    submit: bool = False,
    by=None,
) -> ProgressUpdate:
    """Save a draft progress update, and submit it in the same transaction when asked: a
    refused submission leaves the draft as it was."""
    with transaction.atomic():
        if update is not None:
            update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
        if update is not None and update.is_submitted:
            raise ValidationError(
                _("A submitted update cannot be changed; submit a correction instead.")
            )
        update = _save_edited(
            ProgressUpdate,
            instance=update,
            data={**data, "saved_at": timezone.now(), "saved_by": by},
            create={"plan": plan, "corrects": corrects},
            by=by,
        )
        if submit:
            update = update_submit(update=update, by=by)
    return update


def update_submit(*, update: ProgressUpdate, by) -> ProgressUpdate:
    with transaction.atomic():
        update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
        if update.is_submitted:
            raise ValidationError(_("This update is already submitted."))
        update.snapshot = _snapshot(update.plan, until=update.period_end)
        update.submitted_at = timezone.now()
        update.submitted_by = by
        update.save(update_fields=["snapshot", "submitted_at", "submitted_by"])
    return update


@transaction.atomic
def review_open(*, plan: ActionPlan, questions: str, peers, meeting=None, due_date=None) -> Review:
    peer_list = list(peers)
    if any(p.city_memberships.filter(city_id=plan.city_id).exists() for p in peer_list):
        raise ValidationError({"peers": _("Peers come from other cities than the host city.")})
    review = Review.objects.create(
        plan=plan, questions=questions, meeting=meeting, due_date=due_date
    )
    review.peers.set(peer_list)
    notices.review_opened(review)
    return review


@transaction.atomic
def finding_add(*, review: Review, data: dict, by) -> Finding:
    if review.status != Review.Status.OPEN:
        raise ValidationError(_("This review is closed."))
    action = data.get("action")
    if action is not None and action.plan_id != review.plan_id:
        raise ValidationError({"action": _("Choose an action of the plan under review.")})
    finding = Finding(review=review, author=by, **data)
    finding.full_clean()
    finding.save()
    notices.finding_added(finding)
    return finding


@transaction.atomic
def finding_respond(*, finding: Finding, response: str, by) -> Finding:
    if not response.strip():
        raise ValidationError({"response": _("Write the response.")})
    finding.response = response.strip()
    finding.responded_by = by
    finding.responded_at = timezone.now()
    finding.save(update_fields=["response", "responded_by", "responded_at"])
    notices.finding_answered(finding)
    return finding


def review_close(*, review: Review) -> Review:
    review.status = Review.Status.CLOSED
    review.save(update_fields=["status"])
    return review
