"""Action plan pages. Workspace views check access through ``access``, write through
``services`` and render; the public page shows only plans their city made public."""

from __future__ import annotations

import re
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import staff_required
from core.middleware import accepts_uploads
from core.views import Attempt, attempt_save, edit_page, form_page, form_status
from fragments.context_processors import kept_key, read_with_versions
from fragments.pages import public_page
from meetings.models import Meeting
from practices.forms import AttachmentForm
from translations.reading import localize, localized, requested_language

from . import access
from .forms import (
    ActionForm,
    FindingForm,
    IndicatorForm,
    MeasurementForm,
    MilestoneForm,
    PlanForm,
    ResponseForm,
    ReviewForm,
    UpdateForm,
    ValidateForm,
)
from .selectors import (
    draft_updates,
    next_update_period,
    plan_history,
    plan_overview,
    plans_for_user,
    previous_update,
    submitted_update,
)
from .services import (
    action_save,
    action_validate,
    evidence_add,
    finding_add,
    finding_respond,
    indicator_save,
    measurement_add,
    milestone_save,
    plan_save,
    progress_update_save,
    review_close,
    review_open,
)

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def _plan_url(plan) -> str:
    return reverse("actionplans:plan", kwargs={"pk": plan.pk})


def _context(*, title: str, plan=None, back: str = "", **extra) -> dict:
    """The form page's heading, breadcrumb and way back."""
    crumbs = [(_("Workspace"), reverse("workspace:home"))]
    if plan is not None:
        crumbs.append((plan.title, _plan_url(plan)))
    return {"title": title, "crumbs": crumbs, "back": back or _plan_url(plan), **extra}


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "actionplans/workspace/plan_list.html",
        {
            "plans": list(plans_for_user(user=request.user)),
            "can_create": access.can_create_plan(request.user),
        },
    )


@login_required
def plan_new(request: HttpRequest) -> HttpResponse:
    cities = access.cities_for_new_plan(request.user)
    wanted = request.GET.get("city") or request.POST.get("city") or ""
    # Only a slug is looked up: PostgreSQL refuses a query holding a NUL byte.
    found = cities.filter(slug=wanted).first() if SLUG.fullmatch(wanted) else None
    city = found or (cities.first() if cities.count() == 1 else None)
    if city is None:
        return render(request, "actionplans/workspace/choose_city.html", {"cities": cities})
    return edit_page(
        request,
        None,
        form_class=PlanForm,
        form_kwargs={"city": city},
        save=partial(plan_save, plan=None, city=city),
        success=_("The plan is created."),
        done_url=_plan_url,
        context=_context(
            title=_("New action plan for %(city)s") % {"city": city.name},
            back=reverse("actionplans:list"),
            hidden={"city": city.slug},
        ),
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The plan with the reader's rights, its header and an editor's drafts are kept parts, read
    # with the content versions in one round trip; the body, the same for everyone with the
    # same rights, in a second one once the rights are known.
    shown_in = (get_language(), requested_language(request) or "", pk)
    header_key = kept_key("workspace-plan-header", *shown_in)
    # An editor's drafts name who saved them, when, in their time zone.
    drafts_key = kept_key("workspace-plan-drafts", *shown_in, timezone.get_current_timezone_name())
    read_with_versions(request, [access.plan_reading_key(request.user, pk), header_key, drafts_key])
    found = access.get_plan_for_reading(request, pk=pk)
    can_edit = access.can_edit(request.user, found)
    can_validate = access.can_validate(request.user, found)
    body_key = kept_key(
        "workspace-plan", *shown_in, can_edit, can_validate, timezone.localdate().isoformat()
    )
    return render(
        request,
        "actionplans/workspace/plan_detail.html",
        {
            "found": found,
            # Its actions, indicators, updates and reviews are read only when it is rendered.
            "plan": SimpleLazyObject(lambda: plan_overview(plan=found)),
            "can_edit": can_edit,
            "can_validate": can_validate,
            "header_key": header_key,
            "body_key": body_key,
            "drafts_key": can_edit and drafts_key,
            # Read only when the kept part is rendered again.
            "drafts": SimpleLazyObject(lambda: list(draft_updates(plan=found))),
        },
    )


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_editing(request.user, pk=pk)
    return edit_page(
        request,
        plan,
        form_class=PlanForm,
        save=partial(plan_save, plan=plan),
        success=_("The plan is saved."),
        done_url=_plan_url(plan),
        context=_context(title=_("Edit the plan: %(plan)s") % {"plan": plan.title}, plan=plan),
    )


@login_required
def plan_history_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_viewing(request.user, pk=pk)
    return render(
        request,
        "core/history.html",
        {
            "title": _("History of the plan: %(plan)s") % {"plan": plan.title},
            "crumbs": _context(title="", plan=plan)["crumbs"],
            "entries": plan_history(plan=plan),
        },
    )


def _part_of_plan(request: HttpRequest, find, *, pk: int | None, plan_pk: int | None):
    """The plan's part an edit address names (``find``: its access helper) and its plan, or no
    part and the plan a new part's address names; each checked for editing."""
    if pk is not None:
        part = find(request.user, pk=pk)
        return part, part.plan
    return None, access.get_plan_for_editing(request.user, pk=plan_pk)


@login_required
def action_edit(
    request: HttpRequest, pk: int | None = None, plan_pk: int | None = None
) -> HttpResponse:
    action, plan = _part_of_plan(request, access.get_action_for_editing, pk=pk, plan_pk=plan_pk)
    return edit_page(
        request,
        action,
        form_class=ActionForm,
        form_kwargs={"plan": plan},
        save=partial(action_save, plan=plan, action=action),
        success=_("The action is saved."),
        done_url=_plan_url(plan) + "#actions",
        context=_context(
            title=_("Edit action: %(action)s") % {"action": action.title}
            if action
            else _("New action"),
            plan=plan,
        ),
    )


@login_required
def action_validate_view(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.get_action_for_validating(request.user, pk=pk)
    return form_page(
        request,
        form_class=ValidateForm,
        form_kwargs={"edit_object": action},
        save=lambda form: action_validate(
            action=action,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            by=request.user,
        ),
        success=_("The validated status is recorded."),
        done_url=_plan_url(action.plan) + "#actions",
        context=_context(
            title=_("Validate: %(action)s") % {"action": action.title},
            plan=action.plan,
            intro=_("Self-assessed: %(status)s, %(progress)s%%.")
            % {"status": action.get_status_display(), "progress": action.progress},
        ),
    )


@accepts_uploads()
@login_required
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.get_action_for_editing(request.user, pk=pk)
    return form_page(
        request,
        form_class=AttachmentForm,
        save=lambda form: evidence_add(
            action=action,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            by=request.user,
        ),
        success=_("The evidence is attached."),
        done_url=_plan_url(action.plan) + "#actions",
        context=_context(
            title=_("Attach evidence: %(action)s") % {"action": action.title}, plan=action.plan
        ),
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    return access.get_evidence_for_viewing(request.user, pk=pk).download_response()


@login_required
def milestone_edit(
    request: HttpRequest, action_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    milestone = None
    if pk is not None:
        milestone = access.get_milestone_for_editing(request.user, pk=pk)
        action_pk = milestone.action_id
    action = access.get_action_for_editing(request.user, pk=action_pk)
    return edit_page(
        request,
        milestone,
        form_class=MilestoneForm,
        save=partial(milestone_save, action=action, milestone=milestone),
        success=_("The milestone is saved."),
        done_url=_plan_url(action.plan) + "#actions",
        context=_context(
            title=_("Edit milestone: %(milestone)s") % {"milestone": milestone.title}
            if milestone
            else _("New milestone of “%(action)s”") % {"action": action.title},
            plan=action.plan,
        ),
    )


@login_required
def indicator_edit(
    request: HttpRequest, pk: int | None = None, plan_pk: int | None = None
) -> HttpResponse:
    indicator, plan = _part_of_plan(
        request, access.get_indicator_for_editing, pk=pk, plan_pk=plan_pk
    )
    return edit_page(
        request,
        indicator,
        form_class=IndicatorForm,
        save=partial(indicator_save, plan=plan, indicator=indicator),
        success=_("The indicator is saved."),
        done_url=_plan_url(plan) + "#indicators",
        context=_context(
            title=_("Edit indicator: %(indicator)s") % {"indicator": indicator.name}
            if indicator
            else _("New indicator"),
            plan=plan,
        ),
    )


@login_required
def measurement_new(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.get_indicator_for_editing(request.user, pk=pk)
    return form_page(
        request,
        form_class=MeasurementForm,
        save=lambda form: measurement_add(
            indicator=indicator, data=form.cleaned_data, by=request.user
        ),
        success=_("The measurement is added."),
        done_url=_plan_url(indicator.plan) + "#indicators",
        context=_context(
            title=_("New measurement: %(indicator)s") % {"indicator": indicator.name},
            plan=indicator.plan,
        ),
    )


@login_required
def update_edit(
    request: HttpRequest, plan_pk: int | None = None, pk: int | None = None
) -> HttpResponse:
    corrects = None
    if pk is not None:
        update = access.get_update_for_editing(request.user, pk=pk)
        plan = update.plan
        if update.is_submitted:
            return redirect("actionplans:update", pk=update.pk)
    else:
        update, plan = None, access.get_plan_for_editing(request.user, pk=plan_pk)
        corrects_id = request.GET.get("corrects") or request.POST.get("corrects")
        if corrects_id:
            corrects = submitted_update(plan=plan, raw_id=corrects_id)
            if corrects is None:
                raise Http404(_("There is no such update to correct."))
    initial = next_update_period(plan=plan) if update is None and corrects is None else {}
    if corrects is not None:
        initial = {
            "period_label": corrects.period_label,
            "period_start": corrects.period_start,
            "period_end": corrects.period_end,
            "narrative": corrects.narrative,
        }
    submit = request.POST.get("submit") == "1"
    return edit_page(
        request,
        update,
        form_class=UpdateForm,
        form_kwargs={"initial": initial},
        save=partial(
            progress_update_save, plan=plan, update=update, corrects=corrects, submit=submit
        ),
        success=_("The update is submitted.") if submit else _("The update is saved as a draft."),
        done_url=lambda saved: reverse("actionplans:update", kwargs={"pk": saved.pk}),
        context=_context(
            title=_("Correction of “%(period)s”") % {"period": corrects.period_label}
            if corrects
            else _("Progress update"),
            plan=plan,
            hidden={"corrects": corrects.pk} if corrects else {},
            can_submit=True,
            submit_label=_("Save as draft"),
        ),
    )


@login_required
def update_detail(request: HttpRequest, pk: int) -> HttpResponse:
    update = access.get_update_for_viewing(request.user, pk=pk)
    return render(
        request,
        "actionplans/workspace/update_detail.html",
        {
            "update": update,
            "plan": update.plan,
            "previous": previous_update(update=update),
            "can_edit": access.can_edit(request.user, update.plan),
        },
    )


@staff_required
def review_new(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = access.get_plan_for_viewing(request.user, pk=plan_pk)
    meetings = Meeting.objects.order_by("-starts_at")
    return form_page(
        request,
        form_class=ReviewForm,
        form_kwargs={"plan": plan, "meetings": meetings},
        save=lambda form: review_open(
            plan=plan,
            questions=form.cleaned_data["questions"],
            peers=form.cleaned_data["peers"],
            meeting=form.cleaned_data.get("meeting"),
            due_date=form.cleaned_data["due_date"],
            by=request.user,
        ),
        success=_("The review is open; the peers can now read the plan."),
        done_url=lambda review: reverse("actionplans:review", kwargs={"pk": review.pk}),
        context=_context(title=_("Open a critical friend review"), plan=plan),
    )


def _review_page(
    request, review, *, form=None, response_forms=None, conflict=None, status=200
) -> HttpResponse:
    findings = list(
        review.findings.select_related(
            "action", "author", "external_author", "responded_by"
        ).prefetch_related("followup_actions")
    )
    rights = access.review_rights(request.user, review)
    response_forms = response_forms or {}
    for finding in findings:
        finding.response_form = response_forms.get(finding.pk)
        if finding.response_form is None and rights.is_host and not finding.response:
            finding.response_form = ResponseForm(finding=finding)
    return render(
        request,
        "actionplans/workspace/review_detail.html",
        {
            "review": review,
            "plan": review.plan,
            "findings": findings,
            "form": form,
            "is_host": rights.is_host,
            "conflict": conflict,
            "experts": list(review.external_reviewers.all()),
        },
        status=status,
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = access.get_review_for_viewing(request.user, pk=pk)
    may_write = access.review_rights(request.user, review).may_write
    form = FindingForm(request.POST or None, plan=review.plan) if may_write else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                finding_add(review=review, data=form.cleaned_data, by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your finding is recorded."))
                return redirect("actionplans:review", pk=review.pk)
    return _review_page(request, review, form=form, status=form_status(form))


@login_required
@require_POST
def finding_respond_view(request: HttpRequest, pk: int) -> HttpResponse:
    finding = access.get_finding_for_responding(request.user, pk=pk)
    review = finding.review
    form = ResponseForm(request.POST, finding=finding)
    attempt = Attempt(form)
    if form.is_valid():
        attempt = attempt_save(
            request,
            form,
            lambda form: finding_respond(
                finding=finding, response=form.cleaned_data["response"], by=request.user
            ),
            success=_("Your response is recorded."),
            done_url=reverse("actionplans:review", kwargs={"pk": review.pk}),
            again=(ResponseForm, {"finding": finding}),
        )
        if attempt.response is not None:
            return attempt.response
    form, conflict = attempt.form, attempt.conflict
    return _review_page(
        request,
        review,
        response_forms={finding.pk: form},
        conflict=conflict,
        status=form_status(form, conflict=conflict),
    )


@staff_required
@require_POST
def review_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    review = access.get_review_for_viewing(request.user, pk=pk)
    review_close(review=review, by=request.user)
    messages.success(request, _("The review is closed."))
    return redirect("actionplans:review", pk=review.pk)


def _plan_in_language(request: HttpRequest, public) -> object:
    """The whole plan, its written texts in the visitor's language where translated: the plan,
    its actions, the EU targets its indicators serve, the practice that inspired it and the
    objective it serves."""
    plan = plan_overview(plan=public)
    targets = [i.eu_target for i in plan.indicators.all() if i.eu_target is not None]
    localize(
        [plan, *plan.actions.all(), *targets, plan.inspired_by, plan.objective], request=request
    )
    return plan


@public_page(per="day")
def plan_public(request: HttpRequest, pk: int) -> HttpResponse:
    public = localized(access.get_public_plan(pk=pk), request=request)
    # The page body is a cached fragment: the whole plan is read only when it is rendered again.
    return render(
        request,
        "actionplans/plan_public.html",
        {"public": public, "plan": SimpleLazyObject(lambda: _plan_in_language(request, public))},
    )
