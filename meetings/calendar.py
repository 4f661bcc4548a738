"""iCalendar (RFC 5545) for meetings, written with the `icalendar` library.

Events carry the host city's time zone (TZID, with its VTIMEZONE), a UID that never changes
(the meeting's UUID), a SEQUENCE that grows with each published change and a link to the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Meeting

PRODUCT_ID = "-//Roma Inclusion Working Group//Meetings//EN"
UID_DOMAIN = "meetings.roma-wg"


def meeting_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@{UID_DOMAIN}"


def _event(meeting: Meeting, *, url: str) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    # The time of the last change, not of the request: the same data gives the same bytes.
    event.add("dtstamp", meeting.updated_at)
    event.add("created", meeting.created_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting.title)
    event.add("dtstart", meeting.local(meeting.starts_at))
    event.add("dtend", meeting.local(meeting.ends_at))
    event.add("status", "CONFIRMED")
    event.add("categories", [meeting.get_kind_display()])
    place = ", ".join(
        part for part in (meeting.venue, meeting.address, str(meeting.host_city or "")) if part
    )
    if place:
        event.add("location", place)
    description = "\n\n".join(
        part for part in (meeting.description, meeting.practical_information, url) if part
    )
    event.add("description", description)
    event.add("url", url)
    return event


def meetings_calendar(
    meetings: Iterable[Meeting], *, name: str, url_for, calendar_url: str
) -> bytes:
    """An iCalendar of the meetings; ``url_for(meeting)`` gives each page's absolute address."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("source", calendar_url)
    meetings = list(meetings)
    for meeting in meetings:
        calendar.add_component(_event(meeting, url=url_for(meeting)))
    if meetings:
        # Time zone rules only for the span the events need, not for 1970–2038.
        first = min(m.starts_at for m in meetings).date() - timedelta(days=366)
        last = max(m.ends_at for m in meetings).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def calendar_name(meeting: Meeting | None = None) -> str:
    if meeting is None:
        return _("Roma Inclusion Working Group meetings")
    return meeting.title
