"""Invited experts from outside the portal: their sign-in links, the one review and plan their
limited session opens, and the staff's tools to invite and revoke them.

The expert pages go through ``access.external_required``; the staff's through
``staff_required`` (an account with its second factor: an expert's session never reaches them).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.access import staff_required
from accounts.sign_in import as_too_many, over_limit
from core.views import add_service_errors, form_page, form_status

from . import access
from .experts import session_end, session_start
from .forms import ExpertInviteForm, FindingForm, LinkRequestForm
from .selectors import plan_overview
from .services import (
    expert_invite,
    expert_link_resend,
    expert_links_request,
    expert_revoke,
    external_link_check,
    external_link_use,
    finding_add,
)

# --- Public: the links ------------------------------------------------------------------------


@never_cache
def link(request: HttpRequest, token: str) -> HttpResponse:
    """A sign-in link. Opening it shows a button: e-mail programs that open links to check them
    would otherwise use up the single use. Pressing it starts the limited session."""
    try:
        if request.method == "POST":
            reviewer = external_link_use(token=token)
            session_start(request, reviewer)
            return redirect("actionplans:expert_review", pk=reviewer.review_id)
        external_link_check(token=token)
    except ValidationError as error:
        return render(
            request,
            "actionplans/experts/link.html",
            {"refused": error.messages[0]},
            status=404 if error.code == "unknown" else 410,
        )
    return render(request, "actionplans/experts/link.html", {"refused": None})


@never_cache
def new_link(request: HttpRequest) -> HttpResponse:
    """ "Send me a new link": the answer is the same whether the address is known or not."""
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST":
        email = request.POST.get("email", "").strip().lower()
        wait = over_limit(request, action="expert_link_request", key=email or "-")
        if wait is not None:
            form.add_error(
                None,
                _("Too many requests: try again in %(minutes)s minutes.")
                % {"minutes": max(wait // 60, 1)},
            )
            response = render(request, "actionplans/experts/new_link.html", {"form": form})
            return as_too_many(response, retry_after=wait)
        if form.is_valid():
            expert_links_request(email=form.cleaned_data["email"])
            return redirect("actionplans:expert_link_sent")
    return render(
        request, "actionplans/experts/new_link.html", {"form": form}, status=form_status(form)
    )


def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "actionplans/experts/link_sent.html")


# --- The expert's own pages -----------------------------------------------------------------


@never_cache
@access.external_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    reviewer = request.external_reviewer
    the_review = access.review_for_expert(reviewer, pk=pk)
    form = FindingForm(request.POST or None, plan=the_review.plan)
    if request.method == "POST" and form.is_valid():
        try:
            finding_add(review=the_review, data=form.cleaned_data, by=None, external=reviewer)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your finding is recorded."))
            return redirect("actionplans:expert_review", pk=the_review.pk)
    findings = list(the_review.findings.select_related("action", "author", "external_author"))
    return render(
        request,
        "actionplans/experts/review.html",
        {"reviewer": reviewer, "review": the_review, "plan": the_review.plan,
         "findings": findings, "form": form},
        status=form_status(form),
    )  # fmt: skip


@never_cache
@access.external_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    reviewer = request.external_reviewer
    the_review = access.review_for_expert(reviewer, pk=pk)
    return render(
        request,
        "actionplans/experts/plan.html",
        {"reviewer": reviewer, "review": the_review, "plan": plan_overview(plan=the_review.plan)},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Ends the expert's session (an account signed in here is left alone)."""
    if not request.user.is_authenticated:
        session_end(request)
        messages.success(request, _("You are signed out of the review."))
    return redirect("portal:home")


# --- Staff ------------------------------------------------------------------------------------


@staff_required
def expert_new(request: HttpRequest, pk: int) -> HttpResponse:
    the_review = access.get_review_for_viewing(request.user, pk=pk)
    back = reverse("actionplans:review", kwargs={"pk": the_review.pk})
    return form_page(
        request,
        form_class=ExpertInviteForm,
        save=lambda form: expert_invite(review=the_review, data=form.to_data(), by=request.user),
        success=_("The expert is invited: a sign-in link is on its way to them."),
        done_url=back + "#experts",
        context={
            "title": _("Invite an expert to the review"),
            "intro": _(
                "Someone from outside the portal (an evaluator, a researcher, a practitioner) "
                "reads this plan and writes findings like the peers, without an account."
            ),
            "crumbs": [(_("Workspace"), reverse("workspace:home")), (str(the_review), back)],
            "back": back,
            "submit_label": _("Invite"),
        },
    )


def _expert_action(request, pk: int, action, success: str) -> HttpResponse:
    reviewer = access.expert_for_staff(pk=pk)
    back = reverse("actionplans:review", kwargs={"pk": reviewer.review_id}) + "#experts"
    try:
        action(reviewer=reviewer, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    messages.success(request, success)
    return redirect(back)


@require_POST
@staff_required
def expert_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _expert_action(
        request, pk, expert_revoke, _("The expert's access is revoked: their links open nothing.")
    )


@require_POST
@staff_required
def expert_link_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _expert_action(
        request, pk, expert_link_resend, _("A new sign-in link is on its way to the expert.")
    )
