"""Public meeting pages: the list, a meeting's page and documents, the calendar feeds.

Officers' and guests' registration are in registration_views.py, the signed-in tools in
workspace_views.py; every view finds its objects through ``meetings.access``.
"""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from core.storage import file_response
from fragments.pages import not_kept, public_page
from fragments.versions import cached_for_content
from translations.reading import localize, localized

from .access import cities_of, document_for_meeting, is_officer, is_organiser, meeting_for_visitor
from .calendar import calendar_name, meetings_calendar
from .filters import MeetingFilter
from .models import Meeting
from .selectors import (
    attendance_figures,
    calendar_meetings,
    calendar_version,
    followups_carried_to,
    meeting_agenda,
    meeting_detail,
    meeting_places,
    meetings_upcoming_and_past,
    published_meetings,
    registrations_for_cities,
)

PAST_PER_PAGE = 20
# What the public meeting pages show comes from these apps (the work plan: a meeting's activity).
MEETING_APPS = ["meetings", "cities", "objectives"]


# --- Public pages -----------------------------------------------------------------------


@public_page(apps=MEETING_APPS, per="minute", params=[*MeetingFilter.base_filters, "page"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    filters = MeetingFilter(request.GET or None, queryset=published_meetings())
    upcoming, past = meetings_upcoming_and_past(meetings=filters.qs)
    past_page = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
    if (filters.is_bound and filters.form.errors) or request.GET.get(
        "page", str(past_page.number)
    ) != str(past_page.number):
        not_kept(request)  # a value it ignored or a page it does not have

    def past_with_figures() -> list[Meeting]:
        meetings = localize(past_page.object_list, request=request)
        figures = attendance_figures(meetings=meetings)
        for meeting in meetings:
            meeting.figures = figures.get(meeting.pk)
        return meetings

    # Only the filters' own parameters: the pagination links carry them, and the cached
    # fragments are keyed on them (unknown parameters must not make new cache entries).
    query = QueryDict(mutable=True)
    for name in MeetingFilter.base_filters:
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    query_string = query.urlencode()
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "filter": filters,
            # The lists are a cached fragment: read only when it is rendered again.
            "upcoming": SimpleLazyObject(lambda: localize(upcoming, request=request)),
            "past_page": past_page,
            "past_meetings": SimpleLazyObject(past_with_figures),
            "query": query_string,
            "filter_key": hashlib.sha256(query_string.encode()).hexdigest()[:16],
            "is_filtered": bool(filters.is_bound and any(filters.form.cleaned_data.values())),
        },
    )


def _agenda_in_language(request: HttpRequest, meeting: Meeting) -> list:
    """The meeting's timetable, its sessions and items in the visitor's language."""
    agenda = meeting_agenda(meeting=meeting)
    blocks = [block for day in agenda for block in day.blocks]
    sessions = [block.session for block in blocks if block.session is not None]
    localize([*sessions, *(item for block in blocks for item in block.items)], request=request)
    return agenda


def _carried_in_language(request: HttpRequest, meeting: Meeting) -> list:
    """Open follow-ups of earlier meetings, those meetings' titles in the visitor's language."""
    carried = list(followups_carried_to(meeting=meeting, public=True))
    localize([followup.decision.meeting for followup in carried], request=request)
    return carried


@public_page(apps=MEETING_APPS, per="minute")
def meeting_page(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = localized(
        meeting_for_visitor(request.user, slug=slug, queryset=meeting_detail()), request=request
    )
    member = is_officer(request.user)
    context = {
        "meeting": meeting,
        # Read only when the cached outcomes, agenda and follow-ups are rendered again.
        "agenda": SimpleLazyObject(lambda: _agenda_in_language(request, meeting)),
        "places": meeting_places(meeting=meeting),
        "show_minutes": member,
        "can_register": member and meeting.registration_is_open,
        "guest_form": meeting.open_to_anyone and meeting.registration_is_open,
        "is_organiser": is_organiser(request.user, meeting),
    }
    if meeting.is_past:
        context["figures"] = SimpleLazyObject(
            lambda: attendance_figures(meetings=[meeting]).get(meeting.pk)
        )
    else:
        context["carried"] = SimpleLazyObject(lambda: _carried_in_language(request, meeting))
    if member:
        context["my_registrations"] = list(
            registrations_for_cities(meeting=meeting, cities=cities_of(request.user))
        )
    return render(request, "meetings/meeting_detail.html", context)


def document_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    meeting = meeting_for_visitor(request.user, slug=slug)
    document = document_for_meeting(meeting=meeting, pk=pk)
    return file_response(
        document.file,
        content_type=document.content_type,
        filename=document.file.name.rsplit("/", 1)[-1],
        as_attachment=False,
    )


# --- iCalendar feeds (conditional GET: ETag and Last-Modified) --------------------------


def _feed_meeting(request: HttpRequest, slug: str) -> Meeting | None:
    """The meeting a per-meeting feed shows, looked up once per request."""
    if not hasattr(request, "_feed_meeting"):
        try:
            request._feed_meeting = meeting_for_visitor(request.user, slug=slug)
        except Http404:
            request._feed_meeting = None
    return request._feed_meeting


def _meeting_etag(request: HttpRequest, slug: str) -> str | None:
    meeting = _feed_meeting(request, slug)
    if meeting is None:
        return None
    version = f"{meeting.uid}:{meeting.sequence}:{meeting.updated_at.isoformat()}:{get_language()}"
    return hashlib.sha256(version.encode()).hexdigest()[:32]


def _meeting_modified(request: HttpRequest, slug: str):
    meeting = _feed_meeting(request, slug)
    return meeting.updated_at if meeting else None


def _calendar_version(request: HttpRequest) -> tuple[int, object]:
    """Looked up once per request, shared by the ETag and the Last-Modified functions."""
    if not hasattr(request, "_calendar_version"):
        request._calendar_version = calendar_version(today=timezone.localdate())
    return request._calendar_version


def _feed_etag(request: HttpRequest) -> str:
    count, latest = _calendar_version(request)
    version = (
        f"{count}:{latest.isoformat() if latest else ''}:{timezone.localdate()}:{get_language()}"
    )
    return hashlib.sha256(version.encode()).hexdigest()[:32]


def _feed_modified(request: HttpRequest):
    return _calendar_version(request)[1]


def _ics_body(request: HttpRequest, meetings, *, name: str) -> bytes:
    return meetings_calendar(
        meetings,
        name=name,
        url_for=lambda m: request.build_absolute_uri(m.get_absolute_url()),
        calendar_url=request.build_absolute_uri(),
    )


def _ics_response(body: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@public_page(apps=MEETING_APPS, per="day")
@condition(etag_func=_feed_etag, last_modified_func=_feed_modified)
def calendar_all(request: HttpRequest) -> HttpResponse:
    # Hundreds of meetings take long to serialise: the body is kept until a meeting changes
    # or the day (and with it the window of meetings it holds) moves on.
    today = timezone.localdate()
    body = cached_for_content(
        f"calendar:{get_language()}:{request.scheme}:{request.get_host()}:{today}",
        lambda: _ics_body(request, calendar_meetings(today=today), name=calendar_name()),
        apps=["meetings", "cities"],
    )
    return _ics_response(body, filename="meetings.ics")


@public_page(apps=MEETING_APPS)
@condition(etag_func=_meeting_etag, last_modified_func=_meeting_modified)
def calendar_meeting(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _feed_meeting(request, slug)
    if meeting is None:
        raise Http404(_("There is no meeting at this address."))
    return _ics_response(
        _ics_body(request, [meeting], name=calendar_name(meeting)), filename=f"{meeting.slug}.ics"
    )
