"""Signed-in pages: officers propose their city's practices; staff moderate, write guidelines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import staff_required
from core.middleware import accepts_uploads
from core.storage import StorageUnavailable
from core.views import Attempt, attempt_save, form_page, form_status, storage_unavailable

from . import access
from .forms import (
    AttachmentForm,
    AuthorFormSet,
    FollowThemesForm,
    GuidelineForm,
    PracticeForm,
    ProposeForm,
    ReviewForm,
    SectionFormSet,
    TransferForm,
)
from .models import Guideline, Theme
from .selectors import (
    guidelines_for_staff,
    practices_to_review,
    published_practices,
    workspace_practices,
)
from .services import (
    attachment_add,
    attachment_delete,
    guideline_publish,
    guideline_save,
    practice_create,
    practice_publish,
    practice_request_changes,
    practice_submit,
    practice_update,
    themes_follow,
    transfer_record,
)


@login_required
def practice_workspace_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practices/workspace/practice_list.html",
        {
            "practices": list(workspace_practices(user=request.user)),
            "to_review": list(practices_to_review()) if request.user.is_staff else [],
            "can_propose": access.can_propose(request.user),
        },
    )


@login_required
def practice_new(request: HttpRequest) -> HttpResponse:
    cities = access.cities_for_proposing(request.user)
    return form_page(
        request,
        form_class=ProposeForm,
        form_kwargs={"cities": cities},
        save=lambda form: practice_create(
            city=form.cleaned_data["city"],
            data=form.practice_data(),
            links=form.cleaned_data["links"],
            by=request.user,
        ),
        success=_("The practice is saved as a draft."),
        done_url=lambda practice: reverse("practices:practice_edit", args=[practice.pk]),
        template="practices/workspace/practice_form.html",
    )


@login_required
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access.get_practice_for_editing(request.user, pk=pk)
    return form_page(
        request,
        form_class=PracticeForm,
        instance=practice,
        save=lambda form: practice_update(
            practice=practice,
            data=form.practice_data(),
            links=form.cleaned_data["links"],
            by=request.user,
        ),
        success=_("Your changes are saved."),
        done_url=reverse("practices:practice_edit", args=[practice.pk]),
        template="practices/workspace/practice_form.html",
        context={
            "practice": practice,
            # Beside the practice's own form: ids of its own, as the two forms share field names.
            "attachment_form": AttachmentForm(auto_id="attachment-%s"),
            "events": practice.events.select_related("by"),
            "attachments": practice.attachments.all(),
        },
    )


@login_required
@require_POST
def practice_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access.get_practice_for_editing(request.user, pk=pk)
    try:
        practice_submit(practice=practice, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The practice is submitted to the network staff for review."))
    return redirect("practices:workspace_list")


@staff_required
def practice_review(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access.get_practice_for_review(request.user, pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "publish":
                practice_publish(
                    practice=practice, by=request.user, comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("The practice is published."))
            else:
                practice_request_changes(
                    practice=practice, comment=form.cleaned_data["comment"], by=request.user
                )
                messages.success(request, _("The city is asked for changes."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("practices:workspace_list")
    context = {"form": form, "practice": practice, "events": practice.events.select_related("by")}
    return render(
        request, "practices/workspace/practice_review.html", context, status=form_status(form)
    )


@accepts_uploads()
@login_required
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access.get_practice_for_editing(request.user, pk=pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment_add(
                practice=practice,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        except StorageUnavailable:
            storage_unavailable(request, form)
        else:
            messages.success(request, _("The file is attached."))
            return redirect("practices:practice_edit", pk=practice.pk)
    context = {"attachment_form": form, "practice": practice}
    return render(
        request, "practices/workspace/attachment_form.html", context, status=form_status(form)
    )


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    attachment = access.get_attachment_for_editing(request.user, practice_pk=pk, pk=attachment_pk)
    attachment_delete(attachment=attachment, by=request.user)
    messages.success(request, _("The file is removed."))
    return redirect("practices:practice_edit", pk=attachment.practice_id)


@login_required
def transfer_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that a city adopted a practice: staff for any city, officers for their own."""
    practice = access.get_visible_practice(request.user, pk=pk)
    cities = access.cities_for_transfer(request.user, practice)
    form = TransferForm(request.POST or None, cities=cities, practice=practice)
    if request.method == "POST" and form.is_valid():
        transfer_record(
            practice=practice,
            city=form.cleaned_data["city"],
            stage=form.cleaned_data["stage"],
            adaptations=form.cleaned_data["adaptations"],
            activity=form.cleaned_data["activity"],
            by=request.user,
        )
        messages.success(request, _("The transfer is recorded."))
        return redirect(practice.get_absolute_url())
    context = {"form": form, "practice": practice}
    return render(
        request, "practices/workspace/transfer_form.html", context, status=form_status(form)
    )


@staff_required
def guideline_workspace_list(request: HttpRequest) -> HttpResponse:
    guidelines = guidelines_for_staff()
    return render(request, "practices/workspace/guideline_list.html", {"guidelines": guidelines})


def _section_initial(guideline: Guideline | None) -> list[dict]:
    if guideline is None:
        return []
    return [
        {
            "title": section.title,
            "body": section.body,
            "recommendations": "\n".join(r.text for r in section.recommendations.all()),
        }
        for section in guideline.sections.prefetch_related("recommendations")
    ]


def _author_initial(guideline: Guideline | None) -> list[dict]:
    if guideline is None:
        return []
    return [
        {"role": a.role, "city": a.city_id, "organisation": a.organisation}
        for a in guideline.authors.all()
    ]


def _section_rows(initial: list[dict]) -> list[dict]:
    return [
        {"title": title, "body": body, "recommendations": "\n".join(recommendations)}
        for title, body, recommendations in initial
    ]


def _author_rows(initial: list) -> list[dict]:
    return [{"role": role, "city": city, "organisation": org} for role, city, org in initial]


@staff_required
def guideline_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    guideline = access.get_guideline_for_editing(request.user, pk=pk) if pk is not None else None
    data = request.POST if request.method == "POST" else None
    practices = published_practices().order_by("title")
    form = GuidelineForm(data, practices=practices, edit_object=guideline)
    shown = form.values_from(guideline) if guideline else {"sections": [], "authors": []}
    sections = SectionFormSet(data, initial=_section_rows(shown["sections"]), prefix="sections")
    authors = AuthorFormSet(data, initial=_author_rows(shown["authors"]), prefix="authors")
    attempt = Attempt(form)
    if data is not None and form.is_valid() and sections.is_valid() and authors.is_valid():
        kept = [
            f.cleaned_data for f in sections if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        writers = [
            {k: f.cleaned_data[k] for k in ("role", "city", "organisation")}
            for f in authors
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        form.companion_values = {
            "sections": [[s["title"], s["body"], s["recommendations"]] for s in kept],
            "authors": [[w["role"], w["city"], w["organisation"]] for w in writers],
        }
        attempt = attempt_save(
            request,
            form,
            lambda form: guideline_save(
                guideline=guideline,
                data={k: v for k, v in form.cleaned_data.items() if k != "edit_token"},
                sections=kept,
                authors=writers,
                by=request.user,
            ),
            success=_("The guideline is saved."),
            done_url=lambda saved: reverse("practices:guideline_edit", args=[saved.pk]),
            again=(GuidelineForm, {"practices": practices}),
        )
        if attempt.response is not None:
            return attempt.response
        if attempt.conflict is not None:
            merged = attempt.conflict.merged
            sections = SectionFormSet(initial=_section_rows(merged["sections"]), prefix="sections")
            authors = AuthorFormSet(initial=_author_rows(merged["authors"]), prefix="authors")
    form, conflict = attempt.form, attempt.conflict
    return render(
        request,
        "practices/workspace/guideline_form.html",
        {
            "form": form,
            "sections": sections,
            "authors": authors,
            "guideline": guideline,
            "conflict": conflict,
        },
        status=form_status(form, sections, authors, conflict=conflict),
    )


@staff_required
@require_POST
def guideline_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    guideline = access.get_guideline_for_editing(request.user, pk=pk)
    publish = request.POST.get("publish") == "1"
    guideline_publish(guideline=guideline, publish=publish, by=request.user)
    messages.success(
        request,
        _("The guideline is published.") if publish else _("The guideline is back to draft."),
    )
    return redirect("practices:guideline_edit", pk=guideline.pk)


@login_required
def themes_follow_view(request: HttpRequest) -> HttpResponse:
    """The themes whose new guidelines are announced to the person."""
    followed = list(Theme.objects.filter(followers__user=request.user))
    return form_page(
        request,
        form_class=FollowThemesForm,
        form_kwargs={"initial": {"themes": followed}},
        save=lambda form: themes_follow(user=request.user, themes=form.cleaned_data["themes"]),
        success=_("The themes you follow are saved."),
        done_url=reverse("notifications:settings"),
        context={
            "title": _("Themes you follow"),
            "crumbs": [(_("Workspace"), reverse("workspace:home"))],
            "back": reverse("notifications:settings"),
        },
    )
