"""Import pages: upload a file, read its preview, confirm. Access is the plan's: its city's
officers and staff (actionplans/access.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from actionplans import access
from core.access import found_or_404
from core.editing import BadEditToken, EditConflict
from core.middleware import accepts_uploads
from core.views import form_status, save_edited

from .forms import ConfirmForm, UploadForm
from .kinds import KINDS, PLAN_KINDS
from .models import DataImport
from .reading import max_bytes, max_rows
from .services import ImportRefused, import_apply, import_prepare, template_bytes, template_dataset

FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}  # fmt: skip
SHOWN_ERRORS = 50


def _plan_kind(kind: str):
    if kind not in PLAN_KINDS:
        raise Http404(_("There is no such import."))
    return KINDS[kind]


def _back(plan, kind_code: str) -> str:
    anchor = "#indicators" if kind_code == "measurements" else "#actions"
    return reverse("actionplans:plan", kwargs={"pk": plan.pk}) + anchor


def _upload_page(request, *, kind, plan, indicator, template_urls, form, errors=(), status=200):
    return render(
        request,
        "imports/upload.html",
        {
            "kind": kind,
            "plan": plan,
            "indicator": indicator,
            "form": form,
            "errors": list(errors)[:SHOWN_ERRORS],
            "more_errors": max(len(errors) - SHOWN_ERRORS, 0),
            "template_urls": template_urls,
            "back": _back(plan, kind.code),
            "max_rows": max_rows(),
            "max_bytes": max_bytes(),
        },
        status=status,
    )


def _upload(request, *, kind, plan, indicator, template_urls):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            prepared = import_prepare(
                kind_code=kind.code,
                upload=form.cleaned_data["file"],
                plan=plan,
                indicator=indicator,
                by=request.user,
            )
        except ImportRefused as refused:
            return _upload_page(
                request, kind=kind, plan=plan, indicator=indicator, form=form,
                template_urls=template_urls, errors=refused.errors, status=400,
            )  # fmt: skip
        return redirect("imports:preview", uid=prepared.uid)
    return _upload_page(
        request, kind=kind, plan=plan, indicator=indicator, form=form,
        template_urls=template_urls, status=form_status(form),
    )  # fmt: skip


@accepts_uploads()
@login_required
def plan_upload(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    plan = access.get_plan_for_editing(request.user, pk=pk)
    import_kind = _plan_kind(kind)
    urls = {
        fmt: reverse("imports:plan_template", kwargs={"pk": pk, "kind": kind, "fmt": fmt})
        for fmt in FORMATS
    }
    return _upload(request, kind=import_kind, plan=plan, indicator=None, template_urls=urls)


@accepts_uploads()
@login_required
def indicator_upload(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.get_indicator_for_editing(request.user, pk=pk)
    urls = {
        fmt: reverse("imports:indicator_template", kwargs={"pk": pk, "fmt": fmt}) for fmt in FORMATS
    }
    return _upload(
        request, kind=KINDS["measurements"], plan=indicator.plan, indicator=indicator,
        template_urls=urls,
    )  # fmt: skip


def _template_response(dataset, *, fmt: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(_("There is no such template."))
    response = HttpResponse(template_bytes(dataset, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
@login_required
def plan_template(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    plan = access.get_plan_for_editing(request.user, pk=pk)
    _plan_kind(kind)
    dataset = template_dataset(kind_code=kind, plan=plan, indicator=None)
    return _template_response(dataset, fmt=fmt, name=f"plan-{plan.pk}-{kind}")


@require_safe
@login_required
def indicator_template(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    indicator = access.get_indicator_for_editing(request.user, pk=pk)
    dataset = template_dataset(kind_code="measurements", plan=indicator.plan, indicator=indicator)
    return _template_response(dataset, fmt=fmt, name=f"indicator-{indicator.pk}-measurements")


def _prepared(request, uid) -> DataImport:
    """An import of a plan the person may edit, prepared by them (staff: by anyone)."""
    missing = _("There is no such import.")
    found = found_or_404(
        DataImport.objects.select_related("plan", "plan__city", "indicator"), missing, uid=uid
    )
    if not (request.user.is_staff or found.created_by_id == request.user.pk):
        raise Http404(missing)
    access.get_plan_for_editing(request.user, pk=found.plan_id)
    return found


def _preview_page(request, data_import: DataImport, *, problem: str = "", status: int = 200):
    kind = KINDS[data_import.kind]
    rows = data_import.rows
    return render(
        request,
        "imports/preview.html",
        {
            "data_import": data_import,
            "kind": kind,
            "plan": data_import.plan,
            "counts": {s: data_import.count(s) for s in ("new", "changed", "unchanged")},
            "rows": [r for r in rows if r["status"] != "unchanged"][:500],
            "hidden_rows": max(sum(1 for r in rows if r["status"] != "unchanged") - 500, 0),
            "problem": problem,
            "back": _back(data_import.plan, kind.code),
        },
        status=status,
    )


@require_safe
@login_required
def preview(request: HttpRequest, uid) -> HttpResponse:
    return _preview_page(request, _prepared(request, uid))


@require_POST
@login_required
def confirm(request: HttpRequest, uid) -> HttpResponse:
    data_import = _prepared(request, uid)
    if data_import.status == DataImport.Status.APPLIED:
        return _preview_page(
            request, data_import, problem=_("This import was already applied."), status=400
        )
    target = data_import.indicator if data_import.kind == "measurements" else data_import.plan
    form = ConfirmForm(
        {"edit_token": data_import.edit_token}, kind_code=data_import.kind, target=target
    )
    if not form.is_valid():
        raise Http404(_("There is no such import."))
    try:
        save_edited(form, lambda form: import_apply(data_import=data_import, by=request.user))
    except (EditConflict, BadEditToken):
        return _preview_page(
            request,
            data_import,
            problem=_(
                "Someone changed the plan since this file was read, so nothing was imported. "
                "Upload the file again to see what it would change now."
            ),
            status=409,
        )
    except ValidationError as error:
        return _preview_page(request, data_import, problem=" ".join(error.messages), status=400)
    changed = data_import.count("new") + data_import.count("changed")
    messages.success(
        request,
        _("The import is done: %(count)s rows written.") % {"count": changed},
    )
    return redirect(_back(data_import.plan, data_import.kind))
