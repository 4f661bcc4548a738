"""Meetings: who may open what, draft and published, the public pages and bad input."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from meetings.models import Meeting, MeetingDocument, Registration
from meetings.selectors import meetings_for_city, open_followups_for_cities

from .editing import changed, form_as_shown
from .factories import UserFactory
from .meetings_factories import (
    AgendaItemFactory,
    AgendaSessionFactory,
    DecisionFactory,
    FollowUpFactory,
    MeetingFactory,
    RegistrationFactory,
    SpeakerFactory,
    local,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world(braga, turin, staff, braga_officer, braga_lead, turin_officer):
    """A published meeting in Braga with everything a view can touch, and a draft."""
    meeting = MeetingFactory(slug="braga-meeting", host_city=braga, capacity=10)
    draft = MeetingFactory(slug="draft-meeting", host_city=turin, draft=True)
    session = AgendaSessionFactory(meeting=meeting)
    item = AgendaItemFactory(meeting=meeting, session=session, title="Welcome")
    decision = DecisionFactory(meeting=meeting)
    followup = FollowUpFactory(decision=decision, city=braga)
    document = MeetingDocument(meeting=meeting, title="Programme", content_type="application/pdf")
    document.file.save("programme.pdf", ContentFile(PDF))
    draft_document = MeetingDocument(meeting=draft, title="Draft", content_type="application/pdf")
    draft_document.file.save("draft.pdf", ContentFile(PDF))
    return {
        "slug": meeting.slug,
        "draft": draft.slug,
        "item": item.pk,
        "session": session.pk,
        "decision": decision.pk,
        "followup": followup.pk,
        "document": document.pk,
        "draft_document": draft_document.pk,
        "braga_registration": RegistrationFactory(meeting=meeting, city=braga).pk,
        "turin_registration": RegistrationFactory(meeting=meeting, city=turin).pk,
        "people": {
            "anonymous": None,
            "outsider": UserFactory(email="no-city@example.org"),
            "braga_officer": braga_officer,
            "braga_lead": braga_lead,
            "turin_officer": turin_officer,
            "staff": staff,
        },
    }


def _path(world, name: str, *args: str) -> str:
    kwargs = {}
    for arg in args:
        key, _, source = arg.partition("=")
        kwargs[key] = world[source or key]
    return reverse(name, kwargs=kwargs)


EVERYONE = ["anonymous", "outsider", "braga_officer", "braga_lead", "turin_officer", "staff"]
OFFICERS = ["braga_officer", "braga_lead", "turin_officer"]


def _all(status: int) -> dict[str, int]:
    return dict.fromkeys(EVERYONE, status)


def _staff_only(staff_status: int, method: str = "get") -> dict[str, int]:
    return {
        "anonymous": 302,
        "outsider": 403,
        **dict.fromkeys(OFFICERS, 403),
        "staff": staff_status,
    }


# (method, url name, url arguments, expected status per person)
MATRIX = [
    ("get", "meetings:list", [], _all(200)),
    ("get", "meetings:calendar", [], _all(200)),
    ("get", "meetings:detail", ["slug"], _all(200)),
    ("get", "meetings:detail", ["slug=draft"], {**_all(404), "staff": 200}),
    ("get", "meetings:meeting_calendar", ["slug"], _all(200)),
    ("get", "meetings:meeting_calendar", ["slug=draft"], {**_all(404), "staff": 200}),
    ("get", "meetings:document", ["slug", "pk=document"], _all(200)),
    ("get", "meetings:document", ["slug=draft", "pk=draft_document"], {**_all(404), "staff": 200}),
    ("get", "meetings:document", ["slug", "pk=draft_document"], _all(404)),
    (
        "get",
        "meetings:register",
        ["slug"],
        {"anonymous": 302, "outsider": 403, **dict.fromkeys(OFFICERS, 200), "staff": 200},
    ),
    ("get", "meetings:register", ["slug=draft"], {**_all(404), "anonymous": 302}),
    (
        "post",
        "meetings:registration_cancel",
        ["slug", "pk=braga_registration"],
        {
            "anonymous": 302,
            "outsider": 403,
            "braga_officer": 302,
            "braga_lead": 302,
            "turin_officer": 404,
            "staff": 302,
        },
    ),
    ("get", "meetings:registration_cancel", ["slug", "pk=braga_registration"], _all(405)),
    (
        "get",
        "meetings:workspace_list",
        [],
        {"anonymous": 302, "outsider": 403, **dict.fromkeys(OFFICERS, 200), "staff": 200},
    ),
    (
        "post",
        "meetings:followup_done",
        ["pk=followup"],
        {
            "anonymous": 302,
            "outsider": 403,
            "braga_officer": 302,
            "braga_lead": 302,
            "turin_officer": 404,
            "staff": 302,
        },
    ),
    ("get", "meetings:meeting_new", [], _staff_only(200)),
    ("get", "meetings:meeting_manage", ["slug"], _staff_only(200)),
    ("get", "meetings:meeting_manage", ["slug=draft"], _staff_only(200)),
    ("get", "meetings:meeting_edit", ["slug"], _staff_only(200)),
    ("post", "meetings:meeting_publish", ["slug=draft"], _staff_only(302)),
    ("post", "meetings:document_new", ["slug"], _staff_only(400)),
    ("post", "meetings:document_delete", ["slug", "pk=document"], _staff_only(302)),
    ("get", "meetings:agenda_edit", ["slug"], _staff_only(200)),
    ("post", "meetings:agenda_duplicate", ["slug"], _staff_only(400)),
    ("get", "meetings:agenda_item_new", ["slug"], _staff_only(200)),
    ("get", "meetings:agenda_item_edit", ["slug", "pk=item"], _staff_only(200)),
    ("post", "meetings:agenda_item_delete", ["slug", "pk=item"], _staff_only(302)),
    ("post", "meetings:agenda_item_move", ["slug", "pk=item"], _staff_only(400)),
    ("get", "meetings:agenda_session_new", ["slug"], _staff_only(200)),
    ("get", "meetings:agenda_session_edit", ["slug", "pk=session"], _staff_only(200)),
    ("post", "meetings:agenda_session_delete", ["slug", "pk=session"], _staff_only(302)),
    ("get", "meetings:registration_list", ["slug"], _staff_only(200)),
    ("get", "meetings:registration_list_csv", ["slug"], _staff_only(200)),
    ("get", "meetings:attendance_edit", ["slug"], _staff_only(200)),
    ("get", "meetings:attendee_new", ["slug"], _staff_only(200)),
    ("get", "meetings:outcomes_edit", ["slug"], _staff_only(200)),
    ("get", "meetings:decision_new", ["slug"], _staff_only(200)),
    ("get", "meetings:decision_edit", ["slug", "pk=decision"], _staff_only(200)),
    ("post", "meetings:decision_delete", ["slug", "pk=decision"], _staff_only(302)),
]


def _only_here(args: list[str], person: str) -> bool:
    """The published meeting's rows for staff, Braga's officers, Turin's officer and anonymous
    visitors are in the one matrix (tests/test_url_matrix.py); a draft meeting and a person
    of no city are only here."""
    return person == "outsider" or any("draft" in arg for arg in args)


CASES = [
    pytest.param(method, name, args, person, expected[person], id=f"{method}-{name}-{person}")
    for method, name, args, expected in MATRIX
    for person in EVERYONE
    if _only_here(args, person)
]


@pytest.mark.parametrize(("method", "name", "args", "person", "status"), CASES)
def test_access_matrix(client, world, method, name, args, person, status):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(_path(world, name, *args))
    assert response.status_code == status
    if status == 302 and person == "anonymous":
        assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/meetings/atlantis/",
        "/en/meetings/atlantis/calendar.ics",
        "/en/meetings/braga-meeting/documents/999999/",
        "/en/meetings/braga-meeting/documents/99999999999999999999999/",
        "/en/workspace/meetings/atlantis/",
        "/en/workspace/meetings/braga-meeting/agenda/items/999999/",
        "/en/workspace/meetings/braga-meeting/decisions/999999/",
        "/en/workspace/meetings/new/?activity=abc",
        "/en/workspace/meetings/new/?activity=999999",
    ],
)
def test_unknown_objects_answer_the_sites_own_404(client, world, path):
    client.force_login(world["people"]["staff"])
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


def test_officer_of_another_city_cannot_cancel_and_the_registration_stays(client, world):
    client.force_login(world["people"]["turin_officer"])
    path = _path(world, "meetings:registration_cancel", "slug", "pk=braga_registration")
    assert client.post(path).status_code == 404
    registration = Registration.objects.get(pk=world["braga_registration"])
    assert registration.status == Registration.Status.CONFIRMED


def test_draft_is_neither_listed_nor_in_the_feed(client, world):
    html = client.get("/en/meetings/").content.decode()
    assert "/en/meetings/braga-meeting/" in html
    assert "draft-meeting" not in html
    assert b"draft-meeting" not in client.get("/en/meetings/calendar.ics").content


def test_staff_preview_of_a_draft_says_it_is_a_draft(client, world):
    client.force_login(world["people"]["staff"])
    html = client.get("/en/meetings/draft-meeting/").content.decode()
    assert "Draft: only the network staff see this page" in html


def test_publishing_makes_the_meeting_and_its_agenda_public(client, staff, turin):
    meeting = MeetingFactory(slug="turin-draft", host_city=turin, draft=True)
    AgendaItemFactory(meeting=meeting, title="Opening of the transfer")
    assert client.get("/en/meetings/turin-draft/").status_code == 404

    client.force_login(staff)
    response = client.post("/en/workspace/meetings/turin-draft/publish/")
    assert response.status_code == 302
    client.logout()

    html = client.get("/en/meetings/turin-draft/").content.decode()
    assert "Opening of the transfer" in html
    assert "Updated on" not in html
    assert "turin-draft" in client.get("/en/meetings/").content.decode()


def test_a_change_after_publishing_shows_updated_on(client, staff, braga):
    meeting = MeetingFactory(slug="m", host_city=braga)
    item = AgendaItemFactory(meeting=meeting, title="Welcome")
    assert "Updated on" not in client.get("/en/meetings/m/").content.decode()
    client.force_login(staff)
    url = f"/en/workspace/meetings/m/agenda/items/{item.pk}/"
    shown = form_as_shown(client, url)
    response = client.post(url, changed(shown, title="Welcome and coffee", duration="45"))
    assert response.status_code == 302
    html = client.get("/en/meetings/m/").content.decode()
    assert "Welcome and coffee" in html
    assert "Updated on" in html
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_meeting_with_registrations_cannot_go_back_to_draft(client, world):
    client.force_login(world["people"]["staff"])
    response = client.post("/en/workspace/meetings/braga-meeting/publish/", {"action": "unpublish"})
    assert response.status_code == 400
    assert "cannot go back to draft" in response.content.decode()
    assert Meeting.objects.get(slug="braga-meeting").is_published


def test_staff_create_a_draft_meeting_from_a_planned_activity(client, staff, braga):
    from .factories import ActivityFactory

    activity = ActivityFactory(host_city=braga, kind="critical_friend_review", title="Review")
    client.force_login(staff)
    form = client.get(f"/en/workspace/meetings/new/?activity={activity.pk}").content.decode()
    assert 'value="Review"' in form
    braga.timezone = "Europe/Lisbon"
    braga.save()
    response = client.post(
        f"/en/workspace/meetings/new/?activity={activity.pk}",
        {
            "kind": "critical_friend_review",
            "title": "Critical friend review in Braga",
            "activity": activity.pk,
            "host_city": braga.pk,
            "starts_at": "2030-09-24T09:00",
            "ends_at": "2030-09-26T13:00",
            "capacity": "30",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(activity=activity)
    assert meeting.slug == "braga-critical-friend-review-2030"
    assert not meeting.is_published
    # 09:00 in Lisbon (summer time, UTC+1) is 08:00 UTC.
    assert meeting.starts_at.isoformat() == "2030-09-24T08:00:00+00:00"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"starts_at": "2030-09-26T09:00", "ends_at": "2030-09-24T13:00"},
            "ends_at",
            "cannot end before it starts",
        ),
        ({"starts_at": "2030-02-30T09:00"}, "starts_at", "Enter a valid date/time."),
        ({"starts_at": "tomorrow"}, "starts_at", "Enter a valid date/time."),
        ({"host_city": ""}, "host_city", "Choose the city that hosts the meeting."),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
        (
            {"registration_deadline": "2030-09-25T09:00"},
            "registration_deadline",
            "must close before the meeting starts",
        ),
        # The clocks jump from 01:00 to 02:00 in Lisbon on 31 March 2030.
        (
            {"starts_at": "2030-03-31T01:30", "ends_at": "2030-03-31T18:00"},
            "starts_at",
            "does not exist",
        ),
    ],
)
def test_meeting_form_answers_bad_input_with_400_next_to_the_field(
    client, staff, braga, data, field, message
):
    braga.timezone = "Europe/Lisbon"
    braga.save()
    client.force_login(staff)
    post = {
        "kind": "working_group_meeting",
        "title": "A meeting",
        "host_city": braga.pk,
        "starts_at": "2030-09-24T09:00",
        "ends_at": "2030-09-26T13:00",
        **data,
    }
    response = client.post("/en/workspace/meetings/new/", post)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        "?year=abcd",
        "?year=99999999999999999999",
        "?kind=zzz",
        "?city=atlantis",
        "?page=999",
        "?page=abc",
        "?year=2019&kind=policy_transfer&city=braga",
    ],
)
def test_meeting_list_answers_bad_filters_without_error(client, world, query):
    response = client.get(f"/en/meetings/{query}")
    assert response.status_code == 200


def test_bad_filter_says_why_next_to_the_field(client, world):
    html = client.get("/en/meetings/?year=abcd&kind=zzz").content.decode()
    assert "Select a valid choice. abcd is not one of the available choices." in html
    assert "Select a valid choice. zzz is not one of the available choices." in html
    assert "Some filters were not understood" in html


def test_meeting_list_filters_by_kind_city_and_year(client, braga, turin):
    MeetingFactory(slug="a", title="Transfer in Braga", host_city=braga, kind="policy_transfer")
    MeetingFactory(slug="b", title="Meeting in Turin", host_city=turin)
    html = client.get("/en/meetings/?city=braga").content.decode()
    assert "Transfer in Braga" in html and "Meeting in Turin" not in html
    html = client.get("/en/meetings/?kind=working_group_meeting").content.decode()
    assert "Meeting in Turin" in html and "Transfer in Braga" not in html
    year = Meeting.objects.get(slug="a").starts_at.year
    html = client.get(f"/en/meetings/?year={year}").content.decode()
    assert "Transfer in Braga" in html


def test_meeting_list_separates_upcoming_and_past(client, braga):
    import time_machine

    with time_machine.travel("2026-01-10 12:00 +0000", tick=False):
        MeetingFactory(slug="soon", title="Soon", host_city=braga)
        past = MeetingFactory(slug="old", title="Long ago", host_city=braga)
        past.starts_at = past.starts_at.replace(year=2019)
        past.ends_at = past.ends_at.replace(year=2019)
        past.save()
        html = client.get("/en/meetings/").content.decode()
    upcoming, _, past_section = html.partition("Past meetings")
    assert "Soon" in upcoming and "Long ago" not in upcoming
    assert "Long ago" in past_section


def test_meeting_list_query_count_does_not_grow_with_meetings(
    client, braga, django_assert_max_num_queries
):
    MeetingFactory(host_city=braga)
    with django_assert_max_num_queries(12) as first:
        client.get("/en/meetings/")
    for _ in range(10):
        RegistrationFactory(meeting=MeetingFactory(host_city=braga), attended=True)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/en/meetings/")


def test_meeting_page_shows_the_agenda_in_the_host_citys_time(client, braga):
    braga.timezone = "Europe/Lisbon"
    braga.save()
    meeting = MeetingFactory(slug="m", host_city=braga)
    visit = local(meeting, 2, 14)
    AgendaItemFactory(meeting=meeting, title="Visit", starts_at=visit, kind="site_visit")
    html = client.get("/en/meetings/m/").content.decode()
    # 14:00 in Lisbon, whatever the server's zone (Brussels), with Lisbon's UTC offset.
    iso = visit.astimezone(ZoneInfo("Europe/Lisbon")).isoformat()
    assert iso.endswith(("+00:00", "+01:00"))
    assert f'<time datetime="{iso}">14:00</time>' in html
    assert "Day 2" in html
    assert "All times are local time in Braga" in html


def test_meeting_page_is_localised_in_french(client, braga):
    import time_machine

    with time_machine.travel("2019-08-01 12:00 +0000", tick=False):
        meeting = MeetingFactory(slug="m", host_city=braga)
        meeting.starts_at = meeting.starts_at.replace(year=2019, month=9, day=24)
        meeting.ends_at = meeting.starts_at.replace(day=26, hour=12)
        meeting.save()
        AgendaItemFactory(meeting=meeting, starts_at=meeting.starts_at)
        html = client.get("/fr/meetings/m/").content.decode()
    assert "24–26 septembre 2019" in html
    assert "mardi 24 septembre 2019" in html


def test_minutes_are_for_members_and_personal_data_never_public(client, braga, braga_officer):
    meeting = MeetingFactory(slug="m", host_city=braga, minutes="Internal minutes text")
    RegistrationFactory(
        meeting=meeting, city=braga, email="secret@example.org", dietary_needs="No nuts"
    )
    html = client.get("/en/meetings/m/").content.decode()
    assert "Internal minutes text" not in html
    assert "secret@example.org" not in html and "No nuts" not in html
    client.force_login(braga_officer)
    html = client.get("/en/meetings/m/").content.decode()
    assert "Internal minutes text" in html
    assert "secret@example.org" not in html and "No nuts" not in html


def test_document_upload_refuses_a_file_that_is_not_what_it_claims(client, staff, braga):
    from django.core.files.uploadedfile import SimpleUploadedFile

    MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    fake = SimpleUploadedFile("report.pdf", b"#!/bin/sh\necho hi\n", "application/pdf")
    response = client.post("/en/workspace/meetings/m/documents/", {"title": "Report", "file": fake})
    assert response.status_code == 400
    assert "This kind of file is not accepted" in response.content.decode()
    real = SimpleUploadedFile("report.pdf", PDF, "application/pdf")
    response = client.post("/en/workspace/meetings/m/documents/", {"title": "Report", "file": real})
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert client.get(document.get_absolute_url())["Content-Type"] == "application/pdf"


def test_document_upload_refuses_a_name_that_does_not_fit_its_content(client, staff, braga):
    from django.core.files.uploadedfile import SimpleUploadedFile

    MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    renamed = SimpleUploadedFile("agenda.exe", PDF, "application/pdf")
    response = client.post(
        "/en/workspace/meetings/m/documents/", {"title": "Agenda", "file": renamed}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "The file's name ends in “.exe” but its content is PDF."
    ]
    assert not MeetingDocument.objects.exists()


def test_document_upload_refuses_a_file_over_the_meeting_document_limit(
    client, staff, braga, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEETING_DOCUMENT_MAX_SIZE = 1024
    MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    big = SimpleUploadedFile("agenda.pdf", PDF + b"0" * 2048, "application/pdf")
    response = client.post("/en/workspace/meetings/m/documents/", {"title": "Agenda", "file": big})
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "The file is 2.1\xa0KB; the limit is 1.0\xa0KB."
    ]
    assert not MeetingDocument.objects.exists()


def test_decisions_become_followups_on_the_cities_dashboards(client, staff, braga, turin):
    meeting = MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    response = client.post(
        "/en/workspace/meetings/m/decisions/new/",
        {"title": "Report on the plan", "due_date": "2031-06-30", "cities": [braga.pk, turin.pk]},
    )
    assert response.status_code == 302
    assert [f.city for f in open_followups_for_cities(cities=[braga])] == [braga]
    assert open_followups_for_cities(cities=[turin]).count() == 1
    response = client.post(
        "/en/workspace/meetings/m/decisions/new/", {"title": "", "due_date": "99999-01-01"}
    )
    assert response.status_code == 400
    assert meeting.decisions.count() == 1


def test_officer_sees_and_closes_their_citys_followups(client, braga, turin, braga_officer):
    earlier = MeetingFactory(slug="earlier", host_city=braga)
    mine = FollowUpFactory(
        decision=DecisionFactory(meeting=earlier, title="Braga reports"), city=braga
    )
    FollowUpFactory(decision=DecisionFactory(meeting=earlier, title="Turin reports"), city=turin)
    client.force_login(braga_officer)
    html = client.get("/en/workspace/meetings/").content.decode()
    assert "Braga reports" in html and "Turin reports" not in html
    response = client.post(f"/en/workspace/meetings/follow-ups/{mine.pk}/done/")
    assert response.status_code == 302
    html = client.get("/en/workspace/meetings/").content.decode()
    assert "No open follow-ups from meetings." in html
    assert "Mark as done" not in html
    # Twice is refused with a message, not an error.
    response = client.post(f"/en/workspace/meetings/follow-ups/{mine.pk}/done/")
    assert response.status_code == 400


def test_open_followups_are_listed_for_the_next_meetings_agenda(client, staff, braga):
    earlier = MeetingFactory(slug="earlier", host_city=braga)
    earlier.starts_at = earlier.starts_at.replace(year=2019)
    earlier.ends_at = earlier.starts_at + timedelta(hours=8)
    earlier.save()
    FollowUpFactory(decision=DecisionFactory(meeting=earlier, title="Braga reports"), city=braga)
    MeetingFactory(slug="next", host_city=braga)
    assert "Braga reports" in client.get("/en/meetings/next/").content.decode()
    client.force_login(staff)
    html = client.get("/en/workspace/meetings/next/agenda/").content.decode()
    assert "Braga reports" in html
    assert "Put on the agenda" in html


def test_city_page_snippet_lists_hosted_and_attended_meetings(braga, turin):
    hosted = MeetingFactory(host_city=braga)
    visited = MeetingFactory(host_city=turin)
    MeetingFactory(host_city=turin)  # nobody from Braga
    MeetingFactory(host_city=braga, draft=True)
    RegistrationFactory(meeting=visited, city=braga)
    assert set(meetings_for_city(city=braga)) == {hosted, visited}

    from django.template.loader import render_to_string

    html = render_to_string(
        "meetings/_city_meetings.html", {"meetings": meetings_for_city(city=braga), "city": braga}
    )
    assert hosted.title in html and visited.title in html and "Host" in html


def test_followups_snippet_renders_for_the_dashboard(rf, braga, braga_officer):
    from django.template.loader import render_to_string

    FollowUpFactory(decision=DecisionFactory(title="Send the figures"), city=braga)
    request = rf.get("/en/workspace/")
    request.user = braga_officer
    html = render_to_string(
        "meetings/_followups.html",
        {"followups": open_followups_for_cities(cities=[braga])},
        request=request,
    )
    assert "Send the figures" in html
    assert "Mark as done" in html


def test_meeting_page_query_count_does_not_grow_with_the_agenda(
    client, braga, turin, django_assert_max_num_queries
):
    meeting = MeetingFactory(slug="m", host_city=braga)
    session = AgendaSessionFactory(meeting=meeting)
    SpeakerFactory(item=AgendaItemFactory(meeting=meeting, session=session))
    FollowUpFactory(decision=DecisionFactory(meeting=meeting), city=braga)
    with django_assert_max_num_queries(20) as first:
        client.get("/en/meetings/m/")
    for hour in range(10, 17):
        item = AgendaItemFactory(meeting=meeting, starts_at=local(meeting, 2, hour))
        SpeakerFactory(item=item)
    FollowUpFactory(decision=DecisionFactory(meeting=meeting), city=turin)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/en/meetings/m/")


def test_an_online_meeting_needs_no_host_city(client, staff):
    from datetime import datetime

    from meetings.models import in_zone

    client.force_login(staff)
    response = client.post(
        "/en/workspace/meetings/new/",
        {
            "kind": "online_meeting",
            "title": "Online exchange on early childhood education",
            "starts_at": "2031-02-04T10:00",
            "ends_at": "2031-02-04T12:00",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.slug == "online-online-meeting-2031"
    assert meeting.starts_at == in_zone(datetime(2031, 2, 4, 10), "Europe/Brussels")
    client.post(f"/en/workspace/meetings/{meeting.slug}/publish/")
    client.logout()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Online" in html
    assert client.get(f"/en/meetings/{meeting.slug}/calendar.ics").status_code == 200
