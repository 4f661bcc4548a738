"""iCalendar feeds: valid RFC 5545 that calendar programs import, and conditional GET."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from .meetings_factories import AgendaItemFactory, MeetingFactory, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(braga):
    braga.timezone = "Europe/Lisbon"
    braga.save()
    return MeetingFactory(slug="m", host_city=braga, title="Critical friend review in Braga")


def _events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar, calendar.walk("VEVENT")


def test_meeting_calendar_is_valid_with_time_zone_stable_uid_and_link(client, meeting):
    calendar, events = _events(client.get("/en/meetings/m/calendar.ics"))
    (event,) = events
    assert str(event["SUMMARY"]) == "Critical friend review in Braga"
    assert event["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert event["DTEND"].params["TZID"] == "Europe/Lisbon"
    assert event.decoded("DTSTART") == meeting.starts_at
    # A multi-day event: three calendar days in Braga.
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (end.date() - start.date()).days == 2
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Lisbon"]
    assert str(event["URL"]) == "http://testserver/en/meetings/m/"
    assert "http://testserver/en/meetings/m/" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"{meeting.uid}@meetings.roma-wg"

    _again, (event_again,) = _events(client.get("/en/meetings/m/calendar.ics"))
    assert event_again["UID"] == event["UID"]
    assert event_again.to_ical() == event.to_ical()  # same data, same bytes


def test_uid_survives_a_new_title_and_sequence_grows(client, staff, meeting):
    _cal, (before,) = _events(client.get("/en/meetings/m/calendar.ics"))
    item = AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 9))
    client.force_login(staff)
    client.post(
        f"/en/workspace/meetings/m/agenda/items/{item.pk}/delete/",
    )
    client.logout()
    _cal, (after,) = _events(client.get("/en/meetings/m/calendar.ics"))
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1


def test_feed_answers_304_to_if_none_match_and_if_modified_since(client, staff, meeting):
    first = client.get("/en/meetings/m/calendar.ics")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/en/meetings/m/calendar.ics", HTTP_IF_NONE_MATCH=etag).status_code == 304
    response = client.get("/en/meetings/m/calendar.ics", HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 304

    item = AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 9))
    client.force_login(staff)
    client.post(f"/en/workspace/meetings/m/agenda/items/{item.pk}/delete/")
    client.logout()
    changed = client.get("/en/meetings/m/calendar.ics", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_all_meetings_feed_lists_published_meetings_only(client, meeting, turin):
    turin.timezone = "Europe/Rome"
    turin.save()
    MeetingFactory(slug="turin", host_city=turin)
    MeetingFactory(slug="secret", host_city=turin, draft=True, title="Secret draft")
    response = client.get("/en/meetings/calendar.ics")
    calendar, events = _events(response)
    assert len(events) == 2
    assert "Secret draft" not in response.content.decode()
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Lisbon", "Europe/Rome"}
    assert len({str(event["UID"]) for event in events}) == 2
    etag = response["ETag"]
    assert client.get("/en/meetings/calendar.ics", HTTP_IF_NONE_MATCH=etag).status_code == 304

    MeetingFactory(slug="new", host_city=turin, title="Newly planned meeting")
    after = client.get("/en/meetings/calendar.ics", HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert len(_events(after)[1]) == 3  # the kept body was made again
    assert "Newly planned meeting" in after.content.decode()


def test_empty_feed_is_still_a_valid_calendar(client, db):
    _calendar, events = _events(client.get("/en/meetings/calendar.ics"))
    assert events == []


def test_feed_of_a_draft_or_unknown_meeting_is_404(client, braga):
    MeetingFactory(slug="draft", host_city=braga, draft=True)
    assert client.get("/en/meetings/draft/calendar.ics").status_code == 404
    assert client.get("/en/meetings/nothing/calendar.ics").status_code == 404
    assert (
        client.get("/en/meetings/nothing/calendar.ics", HTTP_IF_NONE_MATCH="*").status_code == 404
    )


def test_event_dates_are_the_host_citys_dates_across_midnight_utc(client, db):
    from .factories import CityFactory

    helsinki = CityFactory(slug="helsinki", name="Helsinki", timezone="Europe/Helsinki")
    meeting = MeetingFactory(slug="h", host_city=helsinki)
    # 00:30 in Helsinki is still the day before in UTC.
    meeting.starts_at = local(meeting, 1, 0, 30)
    meeting.save()
    _calendar, (event,) = _events(client.get("/en/meetings/h/calendar.ics"))
    assert event.decoded("DTSTART").date() == meeting.start_date
    assert event.decoded("DTSTART").utcoffset() in (timedelta(hours=2), timedelta(hours=3))
    assert isinstance(meeting.start_date, date)


def test_all_meetings_feed_holds_a_window_around_today(client, braga, settings):
    from django.utils import timezone

    settings.CALENDAR_PAST_DAYS, settings.CALENDAR_FUTURE_DAYS = 365, 730
    now = timezone.now()

    def meeting(slug: str, days: int) -> None:
        start = now + timedelta(days=days)
        MeetingFactory(
            slug=slug, host_city=braga, starts_at=start, ends_at=start + timedelta(hours=8)
        )

    meeting("two-years-ago", -730)
    meeting("last-spring", -300)
    meeting("next-month", 30)
    meeting("next-year", 700)
    meeting("in-four-years", 4 * 365)
    _calendar, events = _events(client.get("/en/meetings/calendar.ics"))
    urls = sorted(str(event["URL"]).rsplit("/", 2)[-2] for event in events)
    assert urls == ["last-spring", "next-month", "next-year"]
    # Each meeting keeps its own file, whenever it is.
    assert client.get("/en/meetings/two-years-ago/calendar.ics").status_code == 200


def test_a_change_to_one_meeting_writes_only_its_event_again(client, meeting, turin, monkeypatch):
    from meetings import calendar as ics

    MeetingFactory(slug="turin", host_city=turin, title="Study visit to Turin")
    first = client.get("/en/meetings/calendar.ics").content
    written = []
    original = ics._event
    monkeypatch.setattr(ics, "_event", lambda inputs: written.append(inputs[4]) or original(inputs))

    meeting.title = "Critical friend review in Braga, new date"
    meeting.save()
    response = client.get("/en/meetings/calendar.ics")
    calendar, events = _events(response)
    assert written == ["Critical friend review in Braga, new date"]
    assert sorted(str(event["SUMMARY"]) for event in events) == [
        "Critical friend review in Braga, new date",
        "Study visit to Turin",
    ]
    # The kept event of Turin is the same bytes as before.
    turin_event = next(e for e in events if str(e["SUMMARY"]) == "Study visit to Turin")
    assert turin_event.to_ical().replace(b"\r\n ", b"") in first.replace(b"\r\n ", b"")
