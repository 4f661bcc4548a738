from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.csrf import token_for_signed_in_only
from core.storage import file_response

from . import access, limits, services
from .models import Report


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@token_for_signed_in_only
@require_POST
def report_request(request: HttpRequest) -> HttpResponse:
    """Create the report and answer at once with its status page (303)."""
    kind = request.POST.get("kind", "")
    if kind not in Report.Kind.values:
        raise Http404
    allowed, wait = limits.request_allowed(request)
    if not allowed:
        response = render(
            request, "reports/too_many_requests.html", {"minutes": max(1, wait // 60)}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    object_id = year = None
    if kind == Report.Kind.WORK_PLAN:
        year = _int(request.POST.get("year"))
    else:
        object_id = _int(request.POST.get("object_id"))
    subject = access.get_subject(request.user, kind=kind, object_id=object_id, year=year)
    languages = dict(settings.LANGUAGES)
    language = get_language() if get_language() in languages else settings.LANGUAGE_CODE
    ready = services.ready_report_for(kind=kind, object_id=object_id, year=year, language=language)
    if ready is not None:
        # The same document is ready: the file downloads at once, the page stays.
        response = HttpResponse(status=303)
        response["Location"] = reverse("reports:download", kwargs={"uid": ready.uid})
        return response
    report = services.report_request(
        kind=kind,
        object_id=object_id,
        year=year,
        language=language,
        title=str(subject),
        user=request.user,
    )
    if report.requested_by_id is None:
        requested = request.session.get("reports_requested", [])[-49:]
        request.session["reports_requested"] = [*requested, str(report.uid)]
    return _see_other(report)


def _see_other(report: Report) -> HttpResponse:
    """To the status page, which takes the person to the file once it is ready."""
    response = HttpResponse(status=303)
    response["Location"] = f"{report.get_absolute_url()}?{FOLLOW}=1"
    return response


# On a status page reached from the button: once ready, the download starts by itself.
FOLLOW = "download"


@require_GET
@never_cache
def report_status(request: HttpRequest, uid) -> HttpResponse:
    report = access.get_report_for_viewing(request.user, uid=uid)
    return render(
        request,
        "reports/report_status.html",
        {
            "report": report,
            "may_retry": access.may_retry(request, report),
            "follow": request.GET.get(FOLLOW) == "1",
        },
    )


@require_GET
@never_cache
def report_download(request: HttpRequest, uid) -> FileResponse:
    report = access.get_report_for_download(request.user, uid=uid)
    filename = f"{slugify(report.title)[:80] or report.kind}.pdf"
    response = file_response(report.file, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def report_retry(request: HttpRequest, uid) -> HttpResponse:
    report = access.get_report_for_viewing(request.user, uid=uid)
    if not access.may_retry(request, report):
        raise Http404
    services.report_retry(report=report)
    return _see_other(report)
