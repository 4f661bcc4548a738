from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from cities.selectors import city_map

from . import access
from .exports import practices_csv_response, practices_json_response
from .models import Practice, PracticeAttachment
from .selectors import (
    guideline_page,
    practice_library,
    practice_page,
    practices_for_export,
    published_guidelines,
    related_practices,
)


def practice_list(request: HttpRequest) -> HttpResponse:
    library = practice_library(params=request.GET)
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "practices/practice_list.html",
        {"library": library, "page_query": query_without_page.urlencode()},
    )


def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = practice_page(practice=access.get_practice_for_viewing(request.user, slug=slug))
    return render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "related": related_practices(practice=practice),
            "city_map": city_map([practice.city]),
            "can_edit": access.can_edit_practice(request.user, practice),
        },
    )


def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    practice = access.get_practice_for_viewing(request.user, slug=slug)
    attachment = PracticeAttachment.objects.filter(practice=practice, pk=pk).first()
    if attachment is None:
        raise Http404(_("There is no such attachment."))
    return attachment.download_response()


def _latest_change(request: HttpRequest, *args, **kwargs):
    latest = Practice.objects.filter(status="published").order_by("-updated_at").first()
    return latest.updated_at if latest else None


@condition(last_modified_func=_latest_change)
def export_csv(request: HttpRequest) -> HttpResponse:
    return practices_csv_response(practices_for_export(params=request.GET), request=request)


@condition(last_modified_func=_latest_change)
def export_json(request: HttpRequest) -> HttpResponse:
    return practices_json_response(practices_for_export(params=request.GET), request=request)


def guideline_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "practices/guideline_list.html", {"guidelines": list(published_guidelines())}
    )


def guideline_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guideline = guideline_page(guideline=access.get_guideline_for_viewing(request.user, slug=slug))
    return render(request, "practices/guideline_detail.html", {"guideline": guideline})
