"""Who may see and change an action plan and its parts. Every view goes through these helpers:
404 when the person may not know the object exists, 403 when they may see but not change it."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .experts import AccessEnded, session_reviewer
from .models import (
    Action,
    ActionEvidence,
    ActionPlan,
    ExternalReviewer,
    Finding,
    Indicator,
    Milestone,
    ProgressUpdate,
    Review,
)


def _not_found() -> Http404:
    return Http404(_("There is no action plan at this address."))


def is_city_officer(user, plan: ActionPlan) -> bool:
    if not user.is_authenticated:
        return False
    # A plan fetched for one request answers for its reader once (viewing, then editing rights).
    known = plan.__dict__.get("_officer_of_city")
    if known is not None and known[0] == user.pk:
        return known[1]
    officer = user.city_memberships.filter(city_id=plan.city_id).exists()
    plan.__dict__["_officer_of_city"] = (user.pk, officer)
    return officer


def is_open_review_peer(user, plan: ActionPlan) -> bool:
    return (
        user.is_authenticated
        and Review.objects.filter(plan=plan, status=Review.Status.OPEN, peers=user).exists()
    )


def can_edit(user, plan: ActionPlan) -> bool:
    return user.is_authenticated and (user.is_staff or is_city_officer(user, plan))


def can_view(user, plan: ActionPlan) -> bool:
    return can_edit(user, plan) or is_open_review_peer(user, plan)


def get_plan_for_viewing(user, *, pk: int) -> ActionPlan:
    plan = ActionPlan.objects.select_related("city").filter(pk=pk).first()
    if plan is None or not can_view(user, plan):
        raise _not_found()
    return plan


def get_plan_for_editing(user, *, pk: int) -> ActionPlan:
    plan = get_plan_for_viewing(user, pk=pk)
    if not can_edit(user, plan):
        raise PermissionDenied
    return plan


def get_public_plan(*, pk: int) -> ActionPlan:
    plan = ActionPlan.objects.select_related("city").filter(pk=pk, is_public=True).first()
    if plan is None:
        raise _not_found()
    return plan


def get_action_for_editing(user, *, pk: int) -> Action:
    action = Action.objects.select_related("plan", "plan__city").filter(pk=pk).first()
    if action is None:
        raise _not_found()
    get_plan_for_editing(user, pk=action.plan_id)
    return action


def get_action_for_validating(user, *, pk: int) -> Action:
    """Staff, or a peer of an open review of the plan, validate an action's status."""
    action = Action.objects.select_related("plan").filter(pk=pk).first()
    if action is None or not can_view(user, action.plan):
        raise _not_found()
    if not (user.is_staff or is_open_review_peer(user, action.plan)):
        raise PermissionDenied
    return action


def get_indicator_for_editing(user, *, pk: int) -> Indicator:
    indicator = Indicator.objects.select_related("plan").filter(pk=pk).first()
    if indicator is None:
        raise _not_found()
    get_plan_for_editing(user, pk=indicator.plan_id)
    return indicator


def get_update_for_viewing(user, *, pk: int) -> ProgressUpdate:
    update = (
        ProgressUpdate.objects.select_related("plan", "plan__city", "submitted_by")
        .filter(pk=pk)
        .first()
    )
    if update is None or not can_view(user, update.plan):
        raise _not_found()
    return update


def get_review_for_viewing(user, *, pk: int) -> Review:
    review = Review.objects.select_related("plan", "plan__city", "meeting").filter(pk=pk).first()
    if review is None or not (
        can_edit(user, review.plan) or review.peers.filter(pk=user.pk).exists()
    ):
        raise Http404(_("There is no review at this address."))
    return review


def get_evidence_for_viewing(user, *, pk: int) -> ActionEvidence:
    """Evidence is read by whoever may see the plan (staff, its city, peers of an open review)."""
    evidence = ActionEvidence.objects.select_related("action__plan").filter(pk=pk).first()
    if evidence is None or not can_view(user, evidence.action.plan):
        raise Http404(_("There is no such file."))
    return evidence


def get_finding_for_responding(user, *, pk: int) -> Finding:
    """The host city (or staff) answers a finding of a review it may see."""
    finding = Finding.objects.select_related("review", "review__plan").filter(pk=pk).first()
    if finding is None:
        raise Http404(_("There is no finding at this address."))
    get_review_for_viewing(user, pk=finding.review_id)
    if not can_edit(user, finding.review.plan):
        raise PermissionDenied
    return finding


def get_milestone_for_editing(user, *, pk: int) -> Milestone:
    milestone = Milestone.objects.select_related("action", "action__plan").filter(pk=pk).first()
    if milestone is None:
        raise Http404(_("There is no milestone at this address."))
    get_plan_for_editing(user, pk=milestone.action.plan_id)
    return milestone


# --- Invited experts (no account) ------------------------------------------------------------


def expert_for_staff(*, pk: int) -> ExternalReviewer:
    """An invited expert, for the staff's tools (the views are ``staff_required``)."""
    reviewer = ExternalReviewer.objects.select_related("review__plan").filter(pk=pk).first()
    if reviewer is None:
        raise Http404(_("There is no such invited expert."))
    return reviewer


def external_required(view):
    """Pages of an invited expert's limited session: ``request.external_reviewer`` is the expert,
    checked on this request. Without such a session: to the page that sends a new link; when
    their access has ended (revoked, the review closed, the session too old): 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            reviewer = session_reviewer(request)
        except AccessEnded:
            return render(request, "actionplans/experts/ended.html", status=403)
        if reviewer is None:
            return redirect("experts:new_link")
        request.external_reviewer = reviewer
        return view(request, *args, **kwargs)

    return wrapped


def review_for_expert(reviewer: ExternalReviewer, *, pk: int) -> Review:
    """The one review the expert is invited to; any other answers 404."""
    if reviewer.review_id != pk:
        raise Http404(_("There is no review at this address."))
    return reviewer.review


def may_translate_plan(user, plan: ActionPlan) -> bool:
    """A plan's texts are translated by its city's officers and by staff."""
    return user.is_authenticated and (user.is_staff or is_city_officer(user, plan))


def may_translate_action(user, action) -> bool:
    return may_translate_plan(user, action.plan)


def may_translate_target(user, _target) -> bool:
    return user.is_authenticated and user.is_staff
