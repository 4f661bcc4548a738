"""Writes for action plans: optimistic locking, history (django-simple-history records every
save), frozen progress updates and the critical friend review workflow.

Each service takes keyword arguments only, runs in one transaction and raises ``ValidationError``
keyed by form field, so a view can show the message next to the field. ``by`` is who acts: the
history records them as who made the change, wherever the service is called from (a page, the
API, an import, a task or the shell). Forms editing a saved object have checked its edit token
first, in the same transaction (core/views.save_edited).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.access import is_officer_of
from cities.models import City
from core.editing import unchanged_relations
from core.languages import language_in_sentence
from core.models import stored_language
from translations.models import Translation
from translations.services import translation_for

from . import notices
from .eu_targets import EU_ROMA_TARGETS
from .experts import token_hash
from .models import (
    Action,
    ActionEvidence,
    ActionPlan,
    EUTarget,
    ExternalLink,
    ExternalReviewer,
    Finding,
    Indicator,
    Measurement,
    Milestone,
    ProgressUpdate,
    Review,
)
from .tasks import expert_link_send


@transaction.atomic
def eu_targets_ensure() -> None:
    """Make sure every EU Roma target has its row (the demo and the tests start from none)."""
    for code, objective, title in EU_ROMA_TARGETS:
        EUTarget.objects.get_or_create(
            code=code.lower(), defaults={"objective": objective, "title": title}
        )


def _recorded_by(instance, *, by: User | None, reason: str = "") -> None:
    """The next save of ``instance`` goes into its history as made by ``by`` (not by whoever
    the request middleware saw, nor by nobody outside a request), with ``reason`` when given
    (an import names itself there: plan_history shows it as one change)."""
    instance._history_user = by
    if reason:
        instance._change_reason = reason


def _save_edited(model, *, instance, data: dict, create: dict, by: User | None, reason: str = ""):
    """Create an object, or write the edited fields onto it; in the caller's transaction."""
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
    # Related objects unchanged since the lock are not looked up again; uniqueness and the
    # constraints are checked whole (a constraint naming one of them still holds).
    instance.full_clean(
        exclude=unchanged_relations(instance), validate_unique=False, validate_constraints=False
    )
    instance.validate_unique()
    instance.validate_constraints()
    _recorded_by(instance, by=by, reason=reason)
    instance.save()
    for name, value in many_to_many:
        getattr(instance, name).set(value or [])
    return instance


@transaction.atomic
def plan_save(
    *, plan: ActionPlan | None, city: City | None = None, data: dict, by: User
) -> ActionPlan:
    # The language the stored row says (the form has already written the new values on
    # ``plan``): remembered when the plan was read, so an ordinary save asks nothing more.
    before = stored_language(plan) if plan is not None else None
    language = data.get("original_language")
    if before and language and language != before and translation_for(plan, language):
        # The original and a translation in one language: readers would never see the latter.
        raise ValidationError(
            {
                "original_language": _(
                    "There is a translation into %(language)s: delete it first "
                    "(Translations), then say the original is in %(language)s."
                )
                % {"language": language_in_sentence(language)}
            }
        )
    saved = _save_edited(ActionPlan, instance=plan, data=data, create={"city": city}, by=by)
    if before and before != saved.original_language:
        _actions_language_follow(saved, old=before)
    return saved


def _actions_language_follow(plan: ActionPlan, *, old: str) -> None:
    """The plan's actions written in its former language are said to be in its new one (those
    already translated into the new language keep theirs)."""
    new = plan.original_language
    translated = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Action), language=new
    ).values("object_id")
    plan.actions.filter(original_language=old).exclude(pk__in=translated).update(
        original_language=new
    )


@transaction.atomic
def action_save(
    *, plan: ActionPlan, action: Action | None, data: dict, by: User, reason: str = ""
) -> Action:
    # A new action is written in the plan's language.
    create = {"plan": plan, "original_language": plan.original_language}
    return _save_edited(Action, instance=action, data=data, create=create, by=by, reason=reason)


@transaction.atomic
def indicator_save(
    *, plan: ActionPlan, indicator: Indicator | None, data: dict, by: User
) -> Indicator:
    return _save_edited(Indicator, instance=indicator, data=data, create={"plan": plan}, by=by)


@transaction.atomic
def action_validate(*, action: Action, status: str, note: str, by: User) -> Action:
    action.validated_status = status
    action.validation_note = note
    action.validated_by = by
    action.validated_at = timezone.now()
    action.version += 1
    _recorded_by(action, by=by)
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
def evidence_add(*, action: Action, upload, title: str, by: User) -> ActionEvidence:
    try:
        values = ActionEvidence.values_for(upload=upload, title=title, by=by)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return ActionEvidence.objects.create(action=action, **values)


@transaction.atomic
def milestone_save(
    *, action: Action, milestone: Milestone | None, data: dict, by: User, reason: str = ""
) -> Milestone:
    return _save_edited(
        Milestone,
        instance=milestone,
        data=data,
        create={"action": action},
        by=by,
        reason=reason,
    )


@transaction.atomic
def measurement_add(*, indicator: Indicator, data: dict, by: User, reason: str = "") -> Measurement:
    measurement = Measurement(indicator=indicator, **data)
    try:
        measurement.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise ValidationError(
                {"date": _("There is already a measurement on this date; change that one.")}
            ) from None
        raise
    _recorded_by(measurement, by=by, reason=reason)
    measurement.save()
    return measurement


@transaction.atomic
def measurement_update(
    *, measurement: Measurement, data: dict, by: User, reason: str = ""
) -> Measurement:
    """A measurement's value or note corrected (its date is what identifies it)."""
    return _save_edited(
        Measurement, instance=measurement, data=data, create={}, by=by, reason=reason
    )


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


@transaction.atomic
def progress_update_save(
    *,
    plan: ActionPlan,
    update: ProgressUpdate | None,
    data: dict,
    corrects: ProgressUpdate | None = None,
    submit: bool = False,
    by: User | None,
) -> ProgressUpdate:
    """Save a draft progress update, and submit it in the same transaction when asked: a
    refused submission leaves the draft as it was. ``by`` None: a script's own update."""
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
        update = progress_update_submit(update=update, by=by)
    return update


@transaction.atomic
def progress_update_submit(*, update: ProgressUpdate, by: User | None) -> ProgressUpdate:
    """Freeze the plan's figures into the update and send it. ``by`` None: the demo's updates,
    sent by nobody in particular."""
    update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if update.is_submitted:
        raise ValidationError(_("This update is already submitted."))
    update.snapshot = _snapshot(update.plan, until=update.period_end)
    update.submitted_at = timezone.now()
    update.submitted_by = by
    update.save(update_fields=["snapshot", "submitted_at", "submitted_by"])
    return update


@transaction.atomic
def review_open(
    *,
    plan: ActionPlan,
    questions: str,
    peers: Iterable[User],
    meeting=None,
    due_date=None,
    by: User,
) -> Review:
    """Staff open a critical friend review: the review and its peers are written together."""
    peer_list = list(peers)
    if any(is_officer_of(peer, plan.city_id) for peer in peer_list):
        raise ValidationError({"peers": _("Peers come from other cities than the host city.")})
    review = Review.objects.create(
        plan=plan, questions=questions, meeting=meeting, due_date=due_date
    )
    review.peers.set(peer_list)
    notices.review_opened(review)
    return review


@transaction.atomic
def finding_add(
    *, review: Review, data: dict, by: User | None, external: ExternalReviewer | None = None
) -> Finding:
    """A peer's finding or recommendation; ``external``: written by an invited expert (``by``
    is then None), whose access is checked again here."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.status != Review.Status.OPEN:
        raise ValidationError(_("This review is closed."))
    if external is not None:
        external = ExternalReviewer.objects.select_related("review").get(pk=external.pk)
        if external.review_id != review.pk or not external.has_access:
            raise ValidationError(_("Your access to this review has ended."))
    action = data.get("action")
    if action is not None and action.plan_id != review.plan_id:
        raise ValidationError({"action": _("Choose an action of the plan under review.")})
    finding = Finding(review=review, author=by, external_author=external, **data)
    finding.full_clean()
    finding.save()
    notices.finding_added(finding)
    return finding


@transaction.atomic
def finding_respond(*, finding: Finding, response: str, by: User) -> Finding:
    if not response.strip():
        raise ValidationError({"response": _("Write the response.")})
    finding.response = response.strip()
    finding.responded_by = by
    finding.responded_at = timezone.now()
    finding.save(update_fields=["response", "responded_by", "responded_at"])
    notices.finding_answered(finding)
    return finding


@transaction.atomic
def review_close(*, review: Review, by: User) -> Review:
    """Closed: the invited experts' access ends at once (their unused links go too)."""
    review.status = Review.Status.CLOSED
    review.save(update_fields=["status"])
    now = timezone.now()
    review.external_reviewers.filter(access_ended_at__isnull=True).update(access_ended_at=now)
    ExternalLink.objects.filter(reviewer__review=review, used_at__isnull=True).delete()
    return review


# --- Invited experts (no account) ------------------------------------------------------------


@dataclass(frozen=True)
class ExpertData:
    name: str
    organisation: str
    email: str
    role: str


@transaction.atomic
def expert_invite(*, review: Review, data: ExpertData, by: User) -> ExternalReviewer:
    """Staff invite someone from outside the portal to the review, as a peer or as an evaluator
    of the plan: they get a sign-in link by e-mail, never an account."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    email = data.email.strip().lower()
    errors = {}
    if review.status != Review.Status.OPEN:
        raise ValidationError(_("This review is closed."))
    if data.role not in ExternalReviewer.Role.values:
        errors["role"] = _("Choose what the expert is invited as.")
    if not data.organisation.strip():
        errors["organisation"] = _("Give the expert's organisation: their findings show it.")
    if review.external_reviewers.filter(
        email__iexact=email, revoked_at__isnull=True, erased_at__isnull=True
    ).exists():
        errors["email"] = _("This address is invited to this review already.")
    if errors:
        raise ValidationError(errors)
    reviewer = ExternalReviewer.objects.create(
        review=review,
        name=data.name.strip(),
        organisation=data.organisation.strip(),
        email=email,
        role=data.role,
        invited_by=by,
    )
    expert_link_send.delay_on_commit(reviewer.pk, "invitation")
    return reviewer


@transaction.atomic
def expert_link_resend(*, reviewer: ExternalReviewer, by: User) -> None:
    """Staff send the expert a new sign-in link."""
    if not reviewer.has_access:
        raise ValidationError(_("This expert's access has ended."))
    expert_link_send.delay_on_commit(reviewer.pk, "new_link")


@transaction.atomic
def expert_links_request(*, email: str) -> int:
    """Someone asked for a new link for this address: each open review it is invited to gets
    one by e-mail. Returns how many (the page never says)."""
    reviewers = ExternalReviewer.objects.filter(
        email__iexact=email.strip(),
        revoked_at__isnull=True,
        erased_at__isnull=True,
        review__status=Review.Status.OPEN,
    )
    count = 0
    for reviewer in reviewers:
        expert_link_send.delay_on_commit(reviewer.pk, "new_link")
        count += 1
    return count


@transaction.atomic
def expert_revoke(*, reviewer: ExternalReviewer, by: User) -> ExternalReviewer:
    """Staff end an expert's access: their next request is refused, their links open nothing."""
    reviewer = ExternalReviewer.objects.select_for_update().get(pk=reviewer.pk)
    if reviewer.revoked_at is not None:
        raise ValidationError(_("This expert's access is revoked already."))
    now = timezone.now()
    reviewer.revoked_at = now
    reviewer.access_ended_at = reviewer.access_ended_at or now
    reviewer.save(update_fields=["revoked_at", "access_ended_at"])
    reviewer.links.filter(used_at__isnull=True).delete()
    return reviewer


def _usable_link(token: str, *, lock: bool) -> ExternalLink:
    """The sign-in link of this token if it still opens something; else ValidationError with
    the reason (its code: unknown, used, expired, ended)."""
    links = ExternalLink.objects.select_related("reviewer__review")
    if lock:
        links = links.select_for_update()
    link = links.filter(token_hash=token_hash(token)).first()
    if link is None:
        raise ValidationError(_("This link does not exist."), code="unknown")
    if link.used_at is not None:
        raise ValidationError(
            _("This link has been used already: each link works once."), code="used"
        )
    if link.expires_at <= timezone.now():
        raise ValidationError(_("This link has expired."), code="expired")
    if not link.reviewer.has_access:
        raise ValidationError(_("Your access to this review has ended."), code="ended")
    return link


def external_link_check(*, token: str) -> None:
    """Whether the link still works, without using it (ValidationError if not)."""
    _usable_link(token, lock=False)


@transaction.atomic
def external_link_use(*, token: str) -> ExternalReviewer:
    """A sign-in link followed: it works once, before it expires, while the expert's access
    lasts. Returns the expert whose limited session may start."""
    link = _usable_link(token, lock=True)
    now = timezone.now()
    link.used_at = now
    link.save(update_fields=["used_at"])
    reviewer = link.reviewer
    reviewer.last_signed_in_at = now
    reviewer.save(update_fields=["last_signed_in_at"])
    return reviewer


@transaction.atomic
def expert_erase(*, reviewer: ExternalReviewer) -> None:
    """One expert's details erased at once (on request): their findings keep the organisation."""
    reviewer.links.all().delete()
    now = timezone.now()
    ExternalReviewer.objects.filter(pk=reviewer.pk).update(
        name="",
        email="",
        erased_at=now,
        revoked_at=reviewer.revoked_at or now,
        access_ended_at=reviewer.access_ended_at or now,
    )
