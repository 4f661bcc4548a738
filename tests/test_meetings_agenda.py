"""Building the agenda: items inside the meeting's dates, no overlap in a room, reorder, copy."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from meetings.models import AgendaItem, AgendaSession
from meetings.services import ItemData, agenda_duplicate, agenda_item_create

from .editing import changed, form_as_shown
from .meetings_factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    MeetingFactory,
    SpeakerFactory,
    local,
)

pytestmark = pytest.mark.django_db

NO_SPEAKERS = {"speakers-TOTAL_FORMS": "0", "speakers-INITIAL_FORMS": "0"}


@pytest.fixture
def meeting(braga):
    braga.timezone = "Europe/Lisbon"
    braga.save()
    return MeetingFactory(slug="m", host_city=braga)


def _item(meeting, day: int = 1, start: str = "10:00", **data) -> dict:
    return {
        "kind": "plenary",
        "title": "Plenary",
        "day": (meeting.start_date + timedelta(days=day - 1)).isoformat(),
        "start_time": start,
        "duration": "60",
        "room": "",
        **NO_SPEAKERS,
        **data,
    }


def _post_item(client, meeting, data):
    return client.post(f"/en/workspace/meetings/{meeting.slug}/agenda/items/new/", data)


def test_item_is_saved_in_the_host_citys_time_with_its_speakers(staff_client, meeting):
    session = AgendaSessionFactory(meeting=meeting, title="Morning")
    data = _item(
        meeting,
        day=2,
        start="14:30",
        kind="site_visit",
        title="Visit to a social neighbourhood",
        session=session.pk,
        **{
            "speakers-TOTAL_FORMS": "2",
            "speakers-INITIAL_FORMS": "0",
            "speakers-0-name": "Social neighbourhoods manager",
            "speakers-0-role": "City of Braga",
            "speakers-1-name": "",
            "speakers-1-role": "",
        },
    )
    response = _post_item(staff_client, meeting, data)
    assert response.status_code == 302
    item = AgendaItem.objects.get(title="Visit to a social neighbourhood")
    assert item.starts_at == local(meeting, 2, 14, 30)
    assert item.session == session
    assert [(s.name, s.role) for s in item.speakers.all()] == [
        ("Social neighbourhoods manager", "City of Braga")
    ]
    html = staff_client.get("/en/meetings/m/").content.decode()
    assert "Social neighbourhoods manager" in html
    assert ">14:30</time>–<time" in html


@pytest.mark.parametrize(
    ("day", "start", "duration", "field"),
    [
        (0, "10:00", "60", "day"),  # the day before the meeting
        (4, "10:00", "60", "day"),  # the day after
        (1, "08:00", "30", "start_time"),  # before the opening at 09:00
        (3, "12:30", "60", "duration"),  # runs past the closing at 13:00
        (3, "13:00", "30", "start_time"),  # starts at the closing time
    ],
)
def test_item_outside_the_meeting_is_refused_next_to_the_field(
    staff_client, meeting, day, start, duration, field
):
    response = _post_item(staff_client, meeting, _item(meeting, day, start, duration=duration))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "This item is outside the meeting, which runs from" in str(errors[field])
    assert "(local time in Braga)" in str(errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_item_overlapping_another_in_the_same_room_is_refused_and_says_which(staff_client, meeting):
    AgendaItemFactory(meeting=meeting, title="Welcome", starts_at=local(meeting, 1, 9), room="")
    response = _post_item(staff_client, meeting, _item(meeting, 1, "09:30", title="Keynote"))
    assert response.status_code == 400
    message = str(response.context["form"].errors["start_time"])
    assert "This overlaps “Welcome” (09:00–10:00) in the main room." in message
    assert AgendaItem.objects.count() == 1


def test_room_names_compare_without_case_or_spaces(staff_client, meeting):
    AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 10), room="Room A")
    response = _post_item(staff_client, meeting, _item(meeting, 1, "10:15", room=" room a "))
    assert response.status_code == 400
    assert "This overlaps" in str(response.context["form"].errors["start_time"])


def test_parallel_items_in_different_rooms_and_back_to_back_items_are_fine(staff_client, meeting):
    AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 10), room="Room A")
    assert (
        _post_item(staff_client, meeting, _item(meeting, 1, "10:00", room="Room B")).status_code
        == 302
    )
    # Starts exactly when the other ends.
    assert (
        _post_item(staff_client, meeting, _item(meeting, 1, "11:00", room="Room A")).status_code
        == 302
    )
    assert AgendaItem.objects.count() == 3


def test_editing_an_item_does_not_collide_with_itself(staff_client, meeting):
    item = AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 10))
    url = f"/en/workspace/meetings/m/agenda/items/{item.pk}/"
    shown = form_as_shown(staff_client, url)
    response = staff_client.post(url, changed(shown, start_time="10:15", title="Moved a little"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.starts_at == local(meeting, 1, 10, 15)


@pytest.mark.parametrize(
    "data",
    [
        {"day_text": "2030-02-30"},
        {"day_text": "yesterday"},
        {"start_time": "25:00"},
        {"duration": "0"},
        {"duration": "100000000000000000000"},
        {"kind": "party"},
        {"session": "999999"},
        {"title": ""},
        {"speakers-TOTAL_FORMS": "1", "speakers-0-name": "", "speakers-0-role": "Mayor"},
        {"speakers-TOTAL_FORMS": "oops"},
        {"speakers-TOTAL_FORMS": "5000"},
    ],
)
def test_agenda_item_form_answers_bad_input_with_400(staff_client, meeting, data):
    post = _item(meeting, **data)
    if "day_text" in post:
        post["day"] = post.pop("day_text")
    response = _post_item(staff_client, meeting, post)
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_item_at_a_time_the_clocks_skip_is_refused(staff, braga):
    braga.timezone = "Europe/Lisbon"
    braga.save()
    meeting = MeetingFactory(host_city=braga)
    meeting.starts_at = meeting.starts_at.replace(year=2030, month=3, day=30)
    meeting.ends_at = meeting.starts_at + timedelta(days=2)
    meeting.save()
    data = ItemData(
        kind="plenary",
        title="At night",
        day=meeting.start_date + timedelta(days=1),  # 31 March 2030, 01:00 → 02:00
        start_time=time(1, 30),
        duration=30,
    )
    with pytest.raises(ValidationError) as error:
        agenda_item_create(meeting=meeting, data=data, by=staff)
    assert "does not exist" in str(error.value.message_dict["start_time"])


def test_moving_an_item_up_swaps_it_with_the_one_before_keeping_the_gap(staff_client, meeting):
    first = AgendaItemFactory(
        meeting=meeting, title="First", starts_at=local(meeting, 1, 9), duration=30
    )
    second = AgendaItemFactory(
        meeting=meeting, title="Second", starts_at=local(meeting, 1, 9, 45), duration=60
    )
    response = staff_client.post(
        f"/en/workspace/meetings/m/agenda/items/{second.pk}/move/", {"direction": "up"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.starts_at == local(meeting, 1, 9)
    assert first.starts_at == local(meeting, 1, 10, 15)  # after the same 15-minute gap
    html = staff_client.get("/en/meetings/m/").content.decode()
    assert html.index("Second") < html.index("First")


def test_moving_the_first_item_up_is_refused_with_a_message(staff_client, meeting):
    item = AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 1, 9))
    AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 2, 9))  # another day
    response = staff_client.post(
        f"/en/workspace/meetings/m/agenda/items/{item.pk}/move/", {"direction": "up"}
    )
    assert response.status_code == 400
    assert "already the first of its day" in response.content.decode()
    response = staff_client.post(
        f"/en/workspace/meetings/m/agenda/items/{item.pk}/move/", {"direction": "sideways"}
    )
    assert response.status_code == 400


def test_a_past_meetings_agenda_is_copied_as_a_start(staff_client, meeting, staff, braga):
    source = MeetingFactory(slug="past", host_city=braga)
    source.starts_at = source.starts_at.replace(year=2019)
    source.ends_at = source.starts_at + timedelta(days=2, hours=4)
    source.save()
    session = AgendaSessionFactory(meeting=source, title="Day one")
    welcome = AgendaItemFactory(
        meeting=source, session=session, title="Welcome", starts_at=local(source, 1, 9, 30)
    )
    SpeakerFactory(item=welcome, name="Councillor for social cohesion")
    AgendaItemFactory(meeting=source, title="Closing", starts_at=local(source, 3, 12))

    short = MeetingFactory(slug="short", host_city=braga)
    short.ends_at = short.starts_at + timedelta(days=1, hours=8)  # two days only
    short.save()
    response = staff_client.post(
        "/en/workspace/meetings/short/agenda/duplicate/", {"source": source.pk}
    )
    assert response.status_code == 302
    copied = short.items.get()
    assert copied.title == "Welcome"
    assert copied.starts_at == local(short, 1, 9, 30)
    assert copied.session.meeting == short and copied.session.title == "Day one"
    assert [s.name for s in copied.speakers.all()] == ["Councillor for social cohesion"]
    assert source.items.count() == 2  # the source is untouched
    assert AgendaSession.objects.filter(meeting=source).count() == 1

    # Only into an empty agenda.
    response = staff_client.post(
        "/en/workspace/meetings/short/agenda/duplicate/", {"source": source.pk}
    )
    assert response.status_code == 400
    assert "already has an agenda" in response.content.decode()


def test_copying_an_agenda_that_does_not_fit_at_all_is_refused(meeting, staff, braga):
    source = MeetingFactory(host_city=braga)
    AgendaItemFactory(meeting=source, starts_at=local(source, 3, 12))
    meeting.ends_at = meeting.starts_at + timedelta(hours=3)
    meeting.save()
    with pytest.raises(ValidationError):
        agenda_duplicate(source=source, target=meeting, by=staff)
    assert not meeting.items.exists()


def test_meeting_dates_cannot_move_away_from_its_agenda(staff_client, meeting):
    AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 3, 11))
    start = meeting.local(meeting.starts_at)
    url = "/en/workspace/meetings/m/edit/"
    ends = (start + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = staff_client.post(url, changed(form_as_shown(staff_client, url), ends_at=ends))
    assert response.status_code == 400
    assert (
        "1 agenda item would fall outside the new dates; move it first."
        in response.content.decode()
    )


def test_sessions_group_items_and_removing_one_keeps_its_items(staff_client, meeting):
    response = staff_client.post(
        "/en/workspace/meetings/m/agenda/sessions/new/", {"title": "Critical friends at work"}
    )
    assert response.status_code == 302
    session = meeting.sessions.get()
    item = AgendaItemFactory(meeting=meeting, session=session, starts_at=local(meeting, 2, 9))
    assert "Critical friends at work" in staff_client.get("/en/meetings/m/").content.decode()
    response = staff_client.post(f"/en/workspace/meetings/m/agenda/sessions/{session.pk}/delete/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.session is None
    assert (
        staff_client.post(
            "/en/workspace/meetings/m/agenda/sessions/new/", {"title": ""}
        ).status_code
        == 400
    )
