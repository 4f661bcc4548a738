"""Writes for action plans: optimistic locking, history (django-simple-history records every
save), frozen progress updates and the critical friend review workflow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cities.models import City

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


@dataclass(frozen=True)
class ChangedField:
    label: str
    yours: str
    theirs: str


class EditConflict(Exception):
    """Someone else saved the object since the form was opened; nothing was written."""

    def __init__(self, current: models.Model, changed: list[ChangedField]) -> None:
        super().__init__("edit conflict")
        self.current = current
        self.changed = changed


def targets_ensure() -> None:
    for code, objective, title in EU_ROMA_TARGETS:
        EUTarget.objects.get_or_create(
            code=code.lower(), defaults={"objective": objective, "title": title}
        )


def _text(field: models.Field, value) -> str:
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _conflicts(instance: models.Model, data: dict) -> list[ChangedField]:
    """The fields where what the person typed and what is now saved differ."""
    changed = []
    for name, yours in data.items():
        field = instance._meta.get_field(name)
        theirs = getattr(instance, name)
        if _text(field, yours) != _text(field, theirs):
            changed.append(
                ChangedField(str(field.verbose_name), _text(field, yours), _text(field, theirs))
            )
    return changed


def _save_versioned(model, *, pk: int | None, version: int | None, data: dict, create: dict):
    """Create, or update only if nobody saved since ``version``: the lost-update guard."""
    with transaction.atomic():
        if pk is None:
            instance = model(**create)
        else:
            instance = model.objects.select_for_update().get(pk=pk)
            if version is not None and instance.version != version:
                raise EditConflict(instance, _conflicts(instance, data))
            instance.version += 1
        for name, value in data.items():
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
    return instance


def plan_save(*, plan: ActionPlan | None, city: City | None = None, data: dict, version=None):
    return _save_versioned(
        ActionPlan,
        pk=plan.pk if plan else None,
        version=version,
        data=data,
        create={"city": city},
    )


def action_save(*, plan: ActionPlan, action: Action | None, data: dict, version=None) -> Action:
    return _save_versioned(
        Action, pk=action.pk if action else None, version=version, data=data, create={"plan": plan}
    )


def indicator_save(
    *, plan: ActionPlan, indicator: Indicator | None, data: dict, version=None
) -> Indicator:
    return _save_versioned(
        Indicator,
        pk=indicator.pk if indicator else None,
        version=version,
        data=data,
        create={"plan": plan},
    )


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


def evidence_add(*, action: Action, upload, title: str, by) -> ActionEvidence:
    values = ActionEvidence.values_for(upload=upload, title=title, by=by)
    return ActionEvidence.objects.create(action=action, **values)


def milestone_save(*, action: Action, milestone: Milestone | None, data: dict) -> Milestone:
    milestone = milestone or Milestone(action=action)
    for name, value in data.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save()
    return milestone


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


def update_save(*, plan: ActionPlan, update: ProgressUpdate | None, data: dict, corrects=None):
    if update is not None and update.is_submitted:
        raise ValidationError(
            _("A submitted update cannot be changed; submit a correction instead.")
        )
    update = update or ProgressUpdate(plan=plan, corrects=corrects)
    for name, value in data.items():
        setattr(update, name, value)
    update.full_clean()
    update.save()
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


def review_open(*, plan: ActionPlan, questions: str, peers, meeting=None, due_date=None) -> Review:
    peer_list = list(peers)
    if any(p.city_memberships.filter(city_id=plan.city_id).exists() for p in peer_list):
        raise ValidationError({"peers": _("Peers come from other cities than the host city.")})
    review = Review.objects.create(
        plan=plan, questions=questions, meeting=meeting, due_date=due_date
    )
    review.peers.set(peer_list)
    return review


def finding_add(*, review: Review, data: dict, by) -> Finding:
    if review.status != Review.Status.OPEN:
        raise ValidationError(_("This review is closed."))
    action = data.get("action")
    if action is not None and action.plan_id != review.plan_id:
        raise ValidationError({"action": _("Choose an action of the plan under review.")})
    finding = Finding(review=review, author=by, **data)
    finding.full_clean()
    finding.save()
    return finding


def finding_respond(*, finding: Finding, response: str, by) -> Finding:
    if not response.strip():
        raise ValidationError({"response": _("Write the response.")})
    finding.response = response.strip()
    finding.responded_by = by
    finding.responded_at = timezone.now()
    finding.save(update_fields=["response", "responded_by", "responded_at"])
    return finding


def review_close(*, review: Review) -> Review:
    review.status = Review.Status.CLOSED
    review.save(update_fields=["status"])
    return review
