from __future__ import annotations

import hashlib

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import condition

from cities.selectors import city_map
from fragments.pages import not_kept, public_page
from fragments.versions import cached_for_content
from translations.reading import localize, localized

from . import access
from .exports import practices_csv_response, practices_json_response
from .feeds import LatestPracticesFeed
from .selectors import (
    FILTER_PARAMS,
    LIBRARY_APPS,
    guideline_page,
    library_query,
    library_version,
    practice_library,
    practice_page,
    practices_for_export,
    published_guidelines,
    related_practices,
)


@public_page(apps=LIBRARY_APPS, params=[*FILTER_PARAMS, "sort", "page"])
def practice_list(request: HttpRequest) -> HttpResponse:
    library = practice_library(params=request.GET)
    results = library.page.object_list  # read only when the results fragment is rendered again
    library.page.object_list = SimpleLazyObject(lambda: localize(results, request=request))
    if library.notices:
        not_kept(request)  # a value it ignored: not worth a copy of its own
    return render(
        request,
        "practices/practice_list.html",
        {
            "library": library,
            "page_query": library_query(request.GET),
            # Read only when the cached results fragment is rendered again.
            "chosen": SimpleLazyObject(lambda: library.chosen(request.GET)),
        },
    )


def _practice_in_language(request: HttpRequest, found):
    practice = localized(practice_page(practice=found), request=request)
    localize(practice.guidelines.all(), request=request)
    return practice


@public_page(apps=LIBRARY_APPS)
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = localized(access.get_practice_for_viewing(request.user, slug=slug), request=request)
    # The page body is a cached fragment: the practice with everything around it, its related
    # practices and its map are read only when it is rendered again.
    practice = SimpleLazyObject(lambda: _practice_in_language(request, found))
    return render(
        request,
        "practices/practice_detail.html",
        {
            "found": found,
            "practice": practice,
            "related": SimpleLazyObject(
                lambda: localize(related_practices(practice=practice), request=request)
            ),
            "city_map": SimpleLazyObject(lambda: city_map([practice.city])),
            "can_edit": access.can_edit_practice(request.user, found),
        },
    )


def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    return access.get_attachment_for_viewing(request.user, slug=slug, pk=pk).download_response()


# --- Open data: the Atom feed and the exports answer conditional requests ----------------


def _library_version(request: HttpRequest):
    """Looked up once per request, shared by the ETag and the Last-Modified functions."""
    if not hasattr(request, "_library_version"):
        # Kept with the library's content version: no count over 10,000 rows per poll.
        request._library_version = cached_for_content(
            "library-version", library_version, apps=LIBRARY_APPS
        )
    return request._library_version


def _library_etag(request: HttpRequest, *args, **kwargs) -> str:
    count, latest = _library_version(request)
    version = (
        f"{count}:{latest.isoformat() if latest else ''}:{get_language()}:{request.GET.urlencode()}"
    )
    return hashlib.sha256(version.encode()).hexdigest()[:32]


def _library_modified(request: HttpRequest, *args, **kwargs):
    return _library_version(request)[1]


library_conditional = condition(etag_func=_library_etag, last_modified_func=_library_modified)

_latest_practices_feed = LatestPracticesFeed()


@public_page(apps=LIBRARY_APPS)
@library_conditional
def practice_feed(request: HttpRequest) -> HttpResponse:
    """The Atom feed, kept until the library changes (it is polled far more than it changes)."""

    def render_feed() -> tuple[bytes, str]:
        response = _latest_practices_feed(request)
        return response.content, response["Content-Type"]

    body, content_type = cached_for_content(
        f"feed:{get_language()}:{request.scheme}:{request.get_host()}",
        render_feed,
        apps=LIBRARY_APPS,
    )
    return HttpResponse(body, content_type=content_type)


@library_conditional
def export_csv(request: HttpRequest) -> HttpResponse:
    return practices_csv_response(practices_for_export(params=request.GET), request=request)


@library_conditional
def export_json(request: HttpRequest) -> HttpResponse:
    return practices_json_response(practices_for_export(params=request.GET), request=request)


@public_page()
def guideline_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practices/guideline_list.html",
        {"guidelines": localize(published_guidelines(), request=request)},
    )


@public_page()
def guideline_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guideline = guideline_page(guideline=access.get_guideline_for_viewing(request.user, slug=slug))
    sections = guideline.sections.all()
    recommendations = [r for section in sections for r in section.recommendations.all()]
    localize(
        [guideline, guideline.activity, *sections, *recommendations, *guideline.practices.all()],
        request=request,
    )
    return render(request, "practices/guideline_detail.html", {"guideline": guideline})
