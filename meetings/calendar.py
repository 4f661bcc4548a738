"""iCalendar (RFC 5545) for meetings, written with the `icalendar` library.

Events carry the host city's time zone (TZID, with its VTIMEZONE), a UID that never changes
(the meeting's UUID), a SEQUENCE that grows with each published change and a link to the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from .models import Meeting

PRODUCT_ID = "-//Roma Inclusion Working Group//Meetings//EN"
UID_DOMAIN = "meetings.roma-wg"


def meeting_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@{UID_DOMAIN}"


def _event_inputs(meeting: Meeting, *, url: str) -> tuple:
    """Everything a meeting's event is written from: its content, and its key in the cache."""
    place = ", ".join(
        part for part in (meeting.venue, meeting.address, str(meeting.host_city or "")) if part
    )
    description = "\n\n".join(
        part for part in (meeting.description, meeting.practical_information, url) if part
    )
    return (
        meeting_uid(meeting),
        meeting.updated_at,
        meeting.created_at,
        meeting.sequence,
        meeting.title,
        meeting.local(meeting.starts_at),
        meeting.local(meeting.ends_at),
        meeting.get_kind_display(),
        place,
        description,
        url,
    )


def _event(inputs: tuple) -> Event:
    uid, updated_at, created_at, sequence, title, start, end, kind, place, description, url = inputs
    event = Event()
    event.add("uid", uid)
    # The time of the last change, not of the request: the same data gives the same bytes.
    event.add("dtstamp", updated_at)
    event.add("created", created_at)
    event.add("last-modified", updated_at)
    event.add("sequence", sequence)
    event.add("summary", title)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("status", "CONFIRMED")
    event.add("categories", [kind])
    if place:
        event.add("location", place)
    event.add("description", description)
    event.add("url", url)
    return event


def _kept_bytes(made: dict[str, Callable[[], bytes]]) -> list[bytes]:
    """Each part's bytes, by its key: read from the cache in one round trip, and the missing
    ones written (the icalendar library takes about half a millisecond an event)."""
    found = cache.get_many(list(made))
    missing = {key: make() for key, make in made.items() if key not in found}
    if missing:
        cache.set_many(missing, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return [found[key] if key in found else missing[key] for key in made]


def _digest(inputs: tuple) -> str:
    return hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]


def meetings_calendar(
    meetings: Iterable[Meeting], *, name: str, url_for, calendar_url: str
) -> bytes:
    """An iCalendar of the meetings; ``url_for(meeting)`` gives each page's absolute address.

    Each event is kept in the cache under a digest of what it is written from, so a change
    to one meeting (or to anything else) writes again only the events it alters."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("source", calendar_url)
    meetings = list(meetings)
    events = [_event_inputs(meeting, url=url_for(meeting)) for meeting in meetings]
    parts: dict[str, Callable[[], bytes]] = {}
    if meetings:
        # Time zone rules (before the events, as the standard asks) only for the span the
        # events need, not for 1970–2038.
        first = min(m.starts_at for m in meetings).date() - timedelta(days=366)
        last = max(m.ends_at for m in meetings).date() + timedelta(days=366)
        for tzid in sorted({inputs[5].tzinfo.key for inputs in events}):
            parts[f"ics:timezone:{tzid}:{first}:{last}"] = partial(
                _timezone_bytes, tzid, first, last
            )
    for inputs in events:
        parts[f"ics:event:{_digest(inputs)}"] = partial(_event_bytes, inputs)
    head = calendar.to_ical().removesuffix(END)
    return b"".join([head, *_kept_bytes(parts), END])


END = b"END:VCALENDAR\r\n"


def _event_bytes(inputs: tuple) -> bytes:
    return _event(inputs).to_ical()


def _timezone_bytes(tzid: str, first: date, last: date) -> bytes:
    try:
        return Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical()
    except ValueError:  # a zone the library does not know: left out, as it did before
        return b""


def calendar_name(meeting: Meeting | None = None) -> str:
    if meeting is None:
        return _("Roma Inclusion Working Group meetings")
    return meeting.title
