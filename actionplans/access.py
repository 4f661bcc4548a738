"""Who may see and change an action plan and its parts. Every view goes through these helpers:
404 when the person may not know the object exists, 403 when they may see but not change it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cities.access import is_officer_of
from cities.models import City, CityMembership
from cities.selectors import cities_for_user
from core.access import found_or_404
from fragments.context_processors import kept_key, kept_value

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


def _no_plan_here() -> str:
    return _("There is no action plan at this address.")


def _no_review_here() -> str:
    return _("There is no review at this address.")


def is_city_officer(user, plan: ActionPlan) -> bool:
    # A plan fetched for one request answers for its reader once (viewing, then editing rights).
    known = plan.__dict__.get("_officer_of_city")
    if known is not None and known[0] == user.pk:
        return known[1]
    officer = is_officer_of(user, plan.city_id)
    plan.__dict__["_officer_of_city"] = (user.pk, officer)
    return officer


def is_open_review_peer(user, plan: ActionPlan) -> bool:
    known = plan.__dict__.get("_open_review_peer")
    if known is not None and known[0] == user.pk:
        return known[1]
    peer = (
        user.is_authenticated
        and Review.objects.filter(plan=plan, status=Review.Status.OPEN, peers=user).exists()
    )
    plan.__dict__["_open_review_peer"] = (user.pk, peer)
    return peer


def _plan_with_rights(user, *, pk: int) -> ActionPlan:
    """The plan with its city and, read in the same query, whether ``user`` is an officer of
    its city and a peer of one of its open reviews (a query each otherwise, on every workspace
    page of a plan)."""
    plans = ActionPlan.objects.select_related("city")
    if not user.is_authenticated or user.is_staff:
        return found_or_404(plans, _no_plan_here(), pk=pk)
    plan = found_or_404(
        plans.annotate(
            reader_is_officer=Exists(
                CityMembership.objects.filter(user_id=user.pk, city_id=OuterRef("city_id"))
            ),
            reader_is_peer=Exists(
                Review.objects.filter(
                    plan_id=OuterRef("pk"), status=Review.Status.OPEN, peers=user.pk
                )
            ),
        ),
        _no_plan_here(),
        pk=pk,
    )
    plan.__dict__["_officer_of_city"] = (user.pk, bool(plan.city_id) and plan.reader_is_officer)
    plan.__dict__["_open_review_peer"] = (user.pk, plan.reader_is_peer)
    return plan


def can_edit(user, plan: ActionPlan) -> bool:
    return user.is_authenticated and (user.is_staff or is_city_officer(user, plan))


def can_view(user, plan: ActionPlan) -> bool:
    return can_edit(user, plan) or is_open_review_peer(user, plan)


def can_validate(user, plan: ActionPlan) -> bool:
    """Staff, or a peer of an open review of the plan, validate its actions' statuses."""
    return user.is_authenticated and (user.is_staff or is_open_review_peer(user, plan))


def can_create_plan(user) -> bool:
    """Officers start plans for their cities, staff for any."""
    return cities_for_user(user).exists()


def cities_for_new_plan(user) -> QuerySet[City]:
    """The cities the person may start a plan for; 403 for a person of no city."""
    cities = cities_for_user(user)
    if not cities.exists():
        raise PermissionDenied
    return cities


def get_plan_for_viewing(user, *, pk: int) -> ActionPlan:
    plan = _plan_with_rights(user, pk=pk)
    if not can_view(user, plan):
        raise Http404(_no_plan_here())
    return plan


def plan_reading_key(user, pk: int) -> str:
    """Where `get_plan_for_reading` keeps a plan and a reader's rights to it."""
    return kept_key("workspace-plan-reader", user.pk, pk)


def get_plan_for_reading(request, *, pk: int) -> ActionPlan:
    """`get_plan_for_viewing` for the plan's page, which people open far more often than
    anything changes: the plan and the reader's rights are kept beside every content version
    (a membership, a review, the plan or anything else changed reads them again), and found in
    the page's one cache round trip when the view names `plan_reading_key` in it."""
    user = request.user
    plan = kept_value(request, plan_reading_key(user, pk), lambda: _plan_with_rights(user, pk=pk))
    if not can_view(user, plan):
        raise Http404(_no_plan_here())
    return plan


def get_plan_for_editing(user, *, pk: int) -> ActionPlan:
    plan = get_plan_for_viewing(user, pk=pk)
    if not can_edit(user, plan):
        raise PermissionDenied
    return plan


def get_public_plan(*, pk: int) -> ActionPlan:
    return found_or_404(
        ActionPlan.objects.select_related("city"), _no_plan_here(), pk=pk, is_public=True
    )


def get_action_for_editing(user, *, pk: int) -> Action:
    action = found_or_404(
        Action.objects.select_related("plan", "plan__city"), _no_plan_here(), pk=pk
    )
    get_plan_for_editing(user, pk=action.plan_id)
    return action


def get_action_for_validating(user, *, pk: int) -> Action:
    """Staff, or a peer of an open review of the plan, validate an action's status."""
    action = found_or_404(Action.objects.select_related("plan"), _no_plan_here(), pk=pk)
    if not can_view(user, action.plan):
        raise Http404(_no_plan_here())
    if not can_validate(user, action.plan):
        raise PermissionDenied
    return action


def get_indicator_for_editing(user, *, pk: int) -> Indicator:
    indicator = found_or_404(Indicator.objects.select_related("plan"), _no_plan_here(), pk=pk)
    get_plan_for_editing(user, pk=indicator.plan_id)
    return indicator


def get_update_for_viewing(user, *, pk: int) -> ProgressUpdate:
    update = found_or_404(
        ProgressUpdate.objects.select_related("plan", "plan__city", "submitted_by"),
        _no_plan_here(),
        pk=pk,
    )
    if not can_view(user, update.plan):
        raise Http404(_no_plan_here())
    return update


def get_update_for_editing(user, *, pk: int) -> ProgressUpdate:
    """A progress update whose plan the person may change (a submitted one included: the
    page that edits it sends them to read it instead)."""
    update = get_update_for_viewing(user, pk=pk)
    if not can_edit(user, update.plan):
        raise PermissionDenied
    return update


@dataclass(frozen=True)
class ReviewRights:
    """What a person may do with a critical friend review."""

    is_host: bool  # staff or an officer of the plan's city: reads it, answers its findings
    is_peer: bool  # one of its peers: reads it, while open writes findings
    may_write: bool  # adds findings: a peer or staff, while the review is open

    @property
    def may_see(self) -> bool:
        return self.is_host or self.is_peer


def review_rights(user, review: Review) -> ReviewRights:
    # Asked once per request and reader (the page's access check, then its forms).
    known = review.__dict__.get("_rights")
    if known is not None and known[0] == user.pk:
        return known[1]
    is_peer = user.is_authenticated and review.peers.filter(pk=user.pk).exists()
    rights = ReviewRights(
        is_host=can_edit(user, review.plan),
        is_peer=is_peer,
        may_write=(is_peer or user.is_staff) and review.status == Review.Status.OPEN,
    )
    review.__dict__["_rights"] = (user.pk, rights)
    return rights


def get_review_for_viewing(user, *, pk: int) -> Review:
    review = found_or_404(
        Review.objects.select_related("plan", "plan__city", "meeting"), _no_review_here(), pk=pk
    )
    if not review_rights(user, review).may_see:
        raise Http404(_no_review_here())
    return review


def get_evidence_for_viewing(user, *, pk: int) -> ActionEvidence:
    """Evidence is read by whoever may see the plan (staff, its city, peers of an open review)."""
    missing = _("There is no such file.")
    evidence = found_or_404(ActionEvidence.objects.select_related("action__plan"), missing, pk=pk)
    if not can_view(user, evidence.action.plan):
        raise Http404(missing)
    return evidence


def get_finding_for_responding(user, *, pk: int) -> Finding:
    """The host city (or staff) answers a finding of a review it may see."""
    finding = found_or_404(
        Finding.objects.select_related("review", "review__plan"),
        _("There is no finding at this address."),
        pk=pk,
    )
    rights = review_rights(user, finding.review)
    if not rights.may_see:
        raise Http404(_no_review_here())
    if not rights.is_host:
        raise PermissionDenied
    return finding


def get_milestone_for_editing(user, *, pk: int) -> Milestone:
    milestone = found_or_404(
        Milestone.objects.select_related("action", "action__plan"),
        _("There is no milestone at this address."),
        pk=pk,
    )
    get_plan_for_editing(user, pk=milestone.action.plan_id)
    return milestone


# --- Invited experts (no account) ------------------------------------------------------------


def expert_for_staff(*, pk: int) -> ExternalReviewer:
    """An invited expert, for the staff's tools (the views are ``staff_required``)."""
    return found_or_404(
        ExternalReviewer.objects.select_related("review__plan"),
        _("There is no such invited expert."),
        pk=pk,
    )


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
            return redirect("actionplans:expert_link_request")
        request.external_reviewer = reviewer
        return view(request, *args, **kwargs)

    return wrapped


def review_for_expert(reviewer: ExternalReviewer, *, pk: int) -> Review:
    """The one review the expert is invited to; any other answers 404."""
    if reviewer.review_id != pk:
        raise Http404(_no_review_here())
    return reviewer.review


def may_translate_plan(user, plan: ActionPlan) -> bool:
    """A plan's texts are translated by its city's officers and by staff."""
    return user.is_authenticated and (user.is_staff or is_city_officer(user, plan))


def may_translate_action(user, action) -> bool:
    return may_translate_plan(user, action.plan)


def may_translate_target(user, _target) -> bool:
    return user.is_authenticated and user.is_staff
