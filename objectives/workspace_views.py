"""The staff's pages for the network's year: work plans (draft and published), objectives,
activities and their evidence, advocacy outputs, achievements and their figures.

Every view is for network staff (``staff_required``; the second factor is checked for every
staff request by accounts.mfa), finds its objects through ``objectives.access``, writes through
``objectives.services`` and renders. Forms with errors answer 400, a stale save 409.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import form_page, form_status, refused

from . import services
from .access import (
    achievement_for_staff,
    achievement_year_for_staff,
    activity_for_staff,
    advocacy_for_staff,
    evidence_link_for_staff,
    figure_for_staff,
    objective_for_staff,
    staff_required,
    work_plan_for_staff,
)
from .evidence import (
    achievements_with_figures,
    progress_for,
    source_for,
    sources,
    work_plan_progress,
)
from .forms import (
    AchievementForm,
    ActivityForm,
    AdvocacyForm,
    EvidenceLinkForm,
    FigureForm,
    ObjectiveForm,
    WorkPlanForm,
)
from .models import Achievement, Activity, AdvocacyAction, WorkPlan
from .selectors import (
    achievements_for_year,
    advocacy_for_year,
    evidence_in_language,
    evidence_links,
    plan_in_language,
    published_years,
    recorded_years,
    work_plan_history,
    work_plan_overview,
    work_plan_summaries,
)


def _list_url() -> str:
    return reverse("objectives:workspace_list")


def _plan_url(year: int, anchor: str = "") -> str:
    url = reverse("objectives:work_plan_manage", kwargs={"year": year})
    return f"{url}#{anchor}" if anchor else url


def _achievements_url(year: int, anchor: str = "") -> str:
    url = reverse("objectives:achievement_workspace_list", kwargs={"year": year})
    return f"{url}#{anchor}" if anchor else url


def _crumbs(*, year: int | None = None, achievements: bool = False) -> list[tuple[str, str]]:
    crumbs = [(_("Workspace"), reverse("workspace:home")), (_("Work plans"), _list_url())]
    if year is not None and achievements:
        crumbs.append((_("Achievements %(year)s") % {"year": year}, _achievements_url(year)))
    elif year is not None:
        crumbs.append((_("Work plan %(year)s") % {"year": year}, _plan_url(year)))
    return crumbs


def _form_context(*, title: str, back: str, year: int, achievements: bool = False, **extra):
    """The generic form page's heading, breadcrumb and way back (core/form.html)."""
    return {
        "title": title,
        "crumbs": _crumbs(year=year, achievements=achievements),
        "back": back,
        **extra,
    }


# --- Work plans ------------------------------------------------------------------------------


@staff_required
def plan_list(request: HttpRequest) -> HttpResponse:
    summaries = work_plan_summaries(today=timezone.localdate())
    published = [summary.plan.year for summary in summaries if summary.plan.is_published]
    return render(
        request,
        "objectives/workspace/plan_list.html",
        {
            "rows": summaries,
            "achievement_years": recorded_years(),
            "next_from": max(published) if published else None,
        },
    )


@require_POST
@staff_required
def plan_start_next(request: HttpRequest) -> HttpResponse:
    try:
        plan = services.work_plan_start_next(by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_list_url())
    messages.success(
        request,
        _(
            "The work plan %(year)s is started as a draft, with last year's objectives and the "
            "activities still open. Only the staff see it until you publish it."
        )
        % {"year": plan.year},
    )
    return redirect(_plan_url(plan.year))


@staff_required
def plan_page(request: HttpRequest, year: int) -> HttpResponse:
    plan = work_plan_overview(work_plan=work_plan_for_staff(year=year))
    objectives = work_plan_progress(plan)
    return render(
        request,
        "objectives/workspace/plan.html",
        {"work_plan": plan, "objectives": objectives, "crumbs": _crumbs()},
    )


@require_POST
@staff_required
def plan_publish(request: HttpRequest, year: int) -> HttpResponse:
    plan = work_plan_for_staff(year=year)
    try:
        services.work_plan_publish(work_plan=plan, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_plan_url(year))
    messages.success(request, _("The work plan %(year)s is public.") % {"year": year})
    return redirect(_plan_url(year))


@staff_required
def plan_preview(request: HttpRequest, year: int) -> HttpResponse:
    """The public page of a plan as the public will read it once published."""
    plan = plan_in_language(
        work_plan_overview(work_plan=work_plan_for_staff(year=year)), request=request
    )
    return render(
        request,
        "objectives/work_plan.html",
        {
            "work_plan": plan,
            "objectives": evidence_in_language(work_plan_progress(plan), request=request),
            "staff": True,
            "preview": True,
            "years": published_years(),
        },
    )


@staff_required
def plan_edit(request: HttpRequest, year: int) -> HttpResponse:
    plan = work_plan_for_staff(year=year)
    return form_page(
        request,
        form_class=WorkPlanForm,
        instance=plan,
        save=lambda form: services.work_plan_update(
            work_plan=plan,
            data=form.model_data(),
            contacts=form.cleaned_data["contacts"],
            by=request.user,
        ),
        success=_("The work plan is saved."),
        done_url=_plan_url(year),
        context=_form_context(
            title=_("Edit the work plan %(year)s") % {"year": year},
            back=_plan_url(year),
            year=year,
        ),
    )


@staff_required
def plan_history(request: HttpRequest, year: int) -> HttpResponse:
    plan = work_plan_for_staff(year=year)
    return render(
        request,
        "core/history.html",
        {
            "title": _("History of the work plan %(year)s") % {"year": year},
            "intro": _(
                "Changes to the plan, its objectives and activities, and the year's achievements."
            ),
            "crumbs": _crumbs(year=year),
            "entries": work_plan_history(work_plan=plan),
        },
    )


# --- Objectives --------------------------------------------------------------------------------


def _next_number(plan: WorkPlan) -> int:
    return (plan.objectives.aggregate(last=Max("number"))["last"] or 0) + 1


def _objective_page(request: HttpRequest, plan: WorkPlan, objective) -> HttpResponse:
    def save(form):
        return services.objective_save(
            work_plan=plan, objective=objective, data=form.model_data(), by=request.user
        )

    if objective is None:
        title = _("New objective of the work plan %(year)s") % {"year": plan.year}
    else:
        title = _("Edit objective %(number)s") % {"number": objective.number}
    return form_page(
        request,
        form_class=ObjectiveForm,
        instance=objective,
        form_kwargs={
            "work_plan": plan,
            "initial": {"number": _next_number(plan)} if objective is None else {},
        },
        save=save,
        success=_("The objective is saved."),
        done_url=lambda saved: _plan_url(plan.year, f"objective-{saved.number}"),
        context=_form_context(title=title, back=_plan_url(plan.year), year=plan.year),
    )


@staff_required
def objective_new(request: HttpRequest, year: int) -> HttpResponse:
    return _objective_page(request, work_plan_for_staff(year=year), None)


@staff_required
def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    objective = objective_for_staff(pk=pk)
    return _objective_page(request, objective.work_plan, objective)


@require_POST
@staff_required
def objective_delete(request: HttpRequest, pk: int) -> HttpResponse:
    objective = objective_for_staff(pk=pk)
    back = _plan_url(objective.work_plan.year)
    try:
        services.objective_delete(objective=objective, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(request, _("“%(title)s” is deleted.") % {"title": objective.title})
    return redirect(back)


# --- Activities --------------------------------------------------------------------------------


def _activity_page(request: HttpRequest, objective, activity: Activity | None) -> HttpResponse:
    year = objective.work_plan.year

    def save(form):
        return services.activity_save(
            objective=objective, activity=activity, data=form.model_data(), by=request.user
        )

    if activity is None:
        title = _("New activity of objective %(number)s") % {"number": objective.number}
    else:
        title = _("Edit activity: %(title)s") % {"title": activity.title}
    return form_page(
        request,
        form_class=ActivityForm,
        instance=activity,
        form_kwargs={"objective": objective},
        save=save,
        success=_("The activity is saved."),
        done_url=lambda saved: _plan_url(year, f"activity-{saved.pk}"),
        context=_form_context(
            title=title,
            intro=f"{objective.number}. {objective.title}",
            back=_plan_url(year, f"objective-{objective.number}"),
            year=year,
        ),
    )


@staff_required
def activity_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _activity_page(request, objective_for_staff(pk=pk), None)


@staff_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for_staff(pk=pk)
    return _activity_page(request, activity.objective, activity)


@require_POST
@staff_required
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for_staff(pk=pk)
    back = _plan_url(activity.year, f"objective-{activity.objective.number}")
    try:
        services.activity_delete(activity=activity, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(request, _("“%(title)s” is deleted.") % {"title": activity.title})
    return redirect(back)


# --- Evidence ---------------------------------------------------------------------------------


UNKNOWN_KIND = gettext_lazy("Choose a kind of record from the list.")


def _linkable_sources() -> list:
    """The kinds of record staff may link, named as people read them."""
    found = [source for source in sources() if source.candidates is not None]
    return sorted(found, key=lambda source: str(source.model._meta.verbose_name_plural))


def _evidence_page(
    request: HttpRequest,
    activity: Activity,
    *,
    kind: str,
    form: EvidenceLinkForm | None = None,
    kind_error: str = "",
) -> HttpResponse:
    source = source_for(kind) if kind else None
    if source is not None and source.candidates is None:
        source = None
    if kind and source is None:
        kind_error = UNKNOWN_KIND
    if source is not None and form is None:
        form = EvidenceLinkForm(
            candidates=source.candidates(activity),
            label=str(source.model._meta.verbose_name).capitalize(),
        )
    progress = progress_for([activity])[activity.pk]
    links = evidence_links(activity=activity)
    items = [(item, links.get(item.record)) for item in progress.items]
    status = 400 if kind_error else form_status(form)
    return render(
        request,
        "objectives/workspace/evidence.html",
        {
            "activity": activity,
            "progress": progress,
            "items": items,
            "kinds": [
                (s.label, str(s.model._meta.verbose_name_plural).capitalize())
                for s in _linkable_sources()
            ],
            "kind": source.label if source is not None else "",
            "kind_name": str(source.model._meta.verbose_name) if source is not None else "",
            "kind_error": kind_error,
            "form": form,
            "crumbs": _crumbs(year=activity.year),
        },
        status=status,
    )


@staff_required
def evidence(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for_staff(pk=pk)
    return _evidence_page(request, activity, kind=request.GET.get("kind", "")[:100])


@require_POST
@staff_required
def evidence_new(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_for_staff(pk=pk)
    kind = request.POST.get("kind", "")[:100]
    source = source_for(kind)
    if source is None or source.candidates is None:
        return _evidence_page(request, activity, kind="", kind_error=UNKNOWN_KIND)
    form = EvidenceLinkForm(
        request.POST,
        candidates=source.candidates(activity),
        label=str(source.model._meta.verbose_name).capitalize(),
    )
    if form.is_valid():
        try:
            services.evidence_link_add(
                activity=activity, record=form.cleaned_data["record"], by=request.user
            )
        except ValidationError as error:
            form.add_error("record", error.messages)
        else:
            messages.success(request, _("The record is linked as evidence."))
            return redirect("objectives:evidence_list", pk=activity.pk)
    return _evidence_page(request, activity, kind=kind, form=form)


@require_POST
@staff_required
def evidence_remove(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    activity = activity_for_staff(pk=pk)
    link = evidence_link_for_staff(activity=activity, pk=link_pk)
    services.evidence_link_remove(link=link, by=request.user)
    messages.success(request, _("The link is removed."))
    return redirect("objectives:evidence_list", pk=activity.pk)


# --- Achievements and advocacy outputs -----------------------------------------------------------


@staff_required
def achievements(request: HttpRequest, year: int) -> HttpResponse:
    year = achievement_year_for_staff(year=year)
    views = achievements_with_figures(achievements_for_year(year=year))
    return render(
        request,
        "objectives/workspace/achievements.html",
        {
            "year": year,
            "achievements": views,
            "advocacy": list(advocacy_for_year(year=year)),
            "has_plan": WorkPlan.objects.filter(year=year).exists(),
            "crumbs": _crumbs(),
        },
    )


def _achievement_page(request: HttpRequest, year: int, achievement: Achievement | None):
    def save(form):
        return services.achievement_save(
            year=year, achievement=achievement, data=form.model_data(), by=request.user
        )

    if achievement is None:
        title = _("New achievement of %(year)s") % {"year": year}
        intro = _("Save it, then add its figures; then write their names in the narrative.")
    else:
        title = _("Edit achievement %(number)s") % {"number": achievement.number}
        keys = [f"{{{figure.key}}}" for figure in achievement.figures.all()]
        intro = (
            _("Its figures: %(keys)s.") % {"keys": ", ".join(keys)}
            if keys
            else _("It has no figures yet.")
        )
    return form_page(
        request,
        form_class=AchievementForm,
        instance=achievement,
        form_kwargs={"year": year},
        save=save,
        success=_("The achievement is saved."),
        done_url=lambda saved: _achievements_url(year, f"achievement-{saved.pk}"),
        context=_form_context(
            title=title,
            intro=intro,
            back=_achievements_url(year),
            year=year,
            achievements=True,
        ),
    )


@staff_required
def achievement_new(request: HttpRequest, year: int) -> HttpResponse:
    return _achievement_page(request, achievement_year_for_staff(year=year), None)


@staff_required
def achievement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    achievement = achievement_for_staff(pk=pk)
    return _achievement_page(request, achievement.year, achievement)


@require_POST
@staff_required
def achievement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    achievement = achievement_for_staff(pk=pk)
    services.achievement_delete(achievement=achievement, by=request.user)
    messages.success(request, _("“%(title)s” is deleted.") % {"title": achievement.title})
    return redirect(_achievements_url(achievement.year))


def _figure_page(request: HttpRequest, achievement: Achievement, figure) -> HttpResponse:
    def save(form):
        return services.figure_save(
            achievement=achievement, figure=figure, data=form.model_data(), by=request.user
        )

    year = achievement.year
    title = (
        _("New figure of “%(title)s”") % {"title": achievement.title}
        if figure is None
        else _("Edit figure {%(key)s}") % {"key": figure.key}
    )
    return form_page(
        request,
        form_class=FigureForm,
        instance=figure,
        form_kwargs={"achievement": achievement},
        save=save,
        success=_("The figure is saved."),
        done_url=_achievements_url(year, f"achievement-{achievement.pk}"),
        context=_form_context(
            title=title,
            intro=_("Figures are counted from the records each time the page is read."),
            back=_achievements_url(year, f"achievement-{achievement.pk}"),
            year=year,
            achievements=True,
        ),
    )


@staff_required
def figure_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _figure_page(request, achievement_for_staff(pk=pk), None)


@staff_required
def figure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    figure = figure_for_staff(pk=pk)
    return _figure_page(request, figure.achievement, figure)


@require_POST
@staff_required
def figure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    figure = figure_for_staff(pk=pk)
    back = _achievements_url(figure.achievement.year, f"achievement-{figure.achievement_id}")
    try:
        services.figure_delete(figure=figure, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=back)
    messages.success(request, _("The figure {%(key)s} is deleted.") % {"key": figure.key})
    return redirect(back)


def _advocacy_page(request: HttpRequest, year: int, action: AdvocacyAction | None):
    def save(form):
        return services.advocacy_save(
            year=year, action=action, data=form.model_data(), by=request.user
        )

    title = (
        _("New advocacy output of %(year)s") % {"year": year}
        if action is None
        else _("Edit advocacy output: %(title)s") % {"title": action.title}
    )
    return form_page(
        request,
        form_class=AdvocacyForm,
        instance=action,
        form_kwargs={"year": year},
        save=save,
        success=_("The advocacy output is saved."),
        done_url=lambda saved: _achievements_url(year, f"advocacy-{saved.pk}"),
        context=_form_context(
            title=title,
            intro=_(
                "A contribution, a consultation response, a hearing: add it to an achievement "
                "for the public to read it."
            ),
            back=_achievements_url(year, "advocacy"),
            year=year,
            achievements=True,
        ),
    )


@staff_required
def advocacy_new(request: HttpRequest, year: int) -> HttpResponse:
    return _advocacy_page(request, achievement_year_for_staff(year=year), None)


@staff_required
def advocacy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = advocacy_for_staff(pk=pk)
    return _advocacy_page(request, action.year, action)


@require_POST
@staff_required
def advocacy_delete(request: HttpRequest, pk: int) -> HttpResponse:
    action = advocacy_for_staff(pk=pk)
    services.advocacy_delete(action=action, by=request.user)
    messages.success(request, _("“%(title)s” is deleted.") % {"title": action.title})
    return redirect(_achievements_url(action.year, "advocacy"))
