"""Registration: places, deadline, waiting list, the last place under concurrency, export,
attendance figures and the deletion of participants' needs."""

from __future__ import annotations

import csv
import io
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from meetings.models import Meeting, Registration
from meetings.selectors import attendance_figures
from meetings.services import ParticipantData, registration_cancel, registration_create
from meetings.tasks import participant_needs_purge

from .editing import changed, form_as_shown
from .factories import CityFactory
from .meetings_factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(braga):
    return MeetingFactory(slug="m", host_city=braga, capacity=2)


def _person(city, n: int = 0, **extra) -> dict:
    return {
        "name": f"Housing officer {n}",
        "organisation": f"City of {city.name}",
        "city": city.pk,
        "role": "Housing officer",
        "kind": "city_officer",
        "email": f"person{n}@example.org",
        **extra,
    }


def _data(city, n: int = 0) -> ParticipantData:
    return ParticipantData(name=f"Officer {n}", city=city, email=f"officer{n}@example.org")


def test_officer_registers_a_colleague_of_their_city(client, meeting, braga, braga_officer):
    client.force_login(braga_officer)
    form = client.get("/en/meetings/m/register/").content.decode()
    assert braga_officer.email in form  # starts from their own details
    response = client.post("/en/meetings/m/register/", _person(braga, dietary_needs="Vegan"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.city == braga
    assert registration.registered_by == braga_officer
    assert registration.dietary_needs == "Vegan"
    page = client.get("/en/meetings/m/register/").content.decode()
    assert "Housing officer 0" in page


def test_officer_cannot_register_people_of_another_city(client, meeting, turin, braga_officer):
    client.force_login(braga_officer)
    response = client.post("/en/meetings/m/register/", _person(turin))
    assert response.status_code == 400
    assert "Select a valid choice" in str(response.context["form"].errors["city"])
    assert not Registration.objects.exists()
    with pytest.raises(ValidationError) as error:
        registration_create(meeting=meeting, data=_data(turin), by=braga_officer)
    assert "city" in error.value.message_dict


@pytest.mark.parametrize(
    "extra",
    [
        {"name": ""},
        {"name": "x" * 500},
        {"email": "not-an-address"},
        {"email": ""},
        {"kind": "network_staff"},  # officers register officers and local experts
        {"city": "999999"},
    ],
)
def test_registration_form_answers_bad_input_with_400(client, meeting, braga, braga_officer, extra):
    client.force_login(braga_officer)
    response = client.post("/en/meetings/m/register/", {**_person(braga), **extra})
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_same_person_cannot_register_twice(client, meeting, braga, braga_officer):
    client.force_login(braga_officer)
    assert client.post("/en/meetings/m/register/", _person(braga)).status_code == 302
    response = client.post("/en/meetings/m/register/", _person(braga, email="PERSON0@example.org"))
    assert response.status_code == 400
    assert "already registered" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_full_meeting_puts_people_on_the_waiting_list_in_order(meeting, braga, braga_officer):
    statuses = [
        registration_create(meeting=meeting, data=_data(braga, n), by=braga_officer).status
        for n in range(4)
    ]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]


def test_a_cancelled_place_goes_to_the_first_on_the_waiting_list(
    client, meeting, braga, braga_officer, eager_tasks, django_capture_on_commit_callbacks
):
    first, _second = (
        registration_create(meeting=meeting, data=_data(braga, n), by=braga_officer)
        for n in range(2)
    )
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        third = registration_create(meeting=meeting, data=_data(braga, 3), by=braga_officer)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        fourth = registration_create(meeting=meeting, data=_data(braga, 4), by=braga_officer)
    client.force_login(braga_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/meetings/m/registrations/{first.pk}/cancel/")
    assert response.status_code == 302
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == Registration.Status.CONFIRMED
    assert fourth.status == Registration.Status.WAITING
    # The person promoted hears about it.
    assert [message.to for message in mail.outbox] == [["officer3@example.org"]]
    assert meeting.title in mail.outbox[0].subject


def test_more_places_promote_the_waiting_list(client, staff, meeting, braga, braga_officer):
    for n in range(3):
        registration_create(meeting=meeting, data=_data(braga, n), by=braga_officer)
    client.force_login(staff)
    url = "/en/workspace/meetings/m/edit/"
    response = client.post(url, changed(form_as_shown(client, url), capacity="3"))
    assert response.status_code == 302
    assert not Registration.objects.filter(status=Registration.Status.WAITING).exists()


def test_registration_closes_at_the_deadline_for_officers_not_for_staff(
    client, braga, braga_officer, staff
):
    meeting = MeetingFactory(slug="m", host_city=braga)
    meeting.registration_deadline = timezone.now() - timedelta(hours=1)
    meeting.save()
    client.force_login(braga_officer)
    page = client.get("/en/meetings/m/register/").content.decode()
    assert "Registration for this meeting is closed." in page
    response = client.post("/en/meetings/m/register/", _person(braga))
    assert response.status_code == 400
    assert "Registration closed on" in response.content.decode()
    assert "Register</a>" not in client.get("/en/meetings/m/").content.decode()

    client.force_login(staff)
    assert client.post("/en/meetings/m/register/", _person(braga)).status_code == 302


def test_nobody_registers_once_the_meeting_has_started(braga, staff):
    meeting = MeetingFactory(host_city=braga)
    with (
        time_machine.travel(meeting.starts_at + timedelta(minutes=5)),
        pytest.raises(ValidationError, match="has started"),
    ):
        registration_create(meeting=meeting, data=_data(braga), by=staff)


def test_draft_meetings_take_no_registrations(braga, staff):
    meeting = MeetingFactory(host_city=braga, draft=True)
    with pytest.raises(ValidationError, match="published"):
        registration_create(meeting=meeting, data=_data(braga), by=staff)


def test_last_place_goes_to_one_of_two_officers_one_after_the_other(
    braga, turin, braga_officer, turin_officer
):
    meeting = MeetingFactory(host_city=braga, capacity=1)
    a = registration_create(meeting=meeting, data=_data(braga, 1), by=braga_officer)
    b = registration_create(meeting=meeting, data=_data(turin, 2), by=turin_officer)
    assert (a.status, b.status) == ("confirmed", "waiting")


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="row locks need PostgreSQL; SQLite serialises every write anyway",
)
@pytest.mark.django_db(transaction=True)
def test_two_officers_asking_for_the_last_place_at_once_get_one_place(
    braga, turin, braga_officer, turin_officer, monkeypatch
):
    meeting = MeetingFactory(host_city=braga, capacity=1)
    # Widen the window between counting the places and taking one: without the meeting's row
    # lock both threads would count 0 taken and both would get the place.
    real_create = Registration.objects.create

    def slow_create(**kwargs):
        time.sleep(0.3)
        return real_create(**kwargs)

    monkeypatch.setattr(Registration.objects, "create", slow_create)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def register(city, user, n):
        try:
            barrier.wait()
            registration_create(meeting=meeting, data=_data(city, n), by=user)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=register, args=(braga, braga_officer, 1)),
        threading.Thread(target=register, args=(turin, turin_officer, 2)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting"]


def test_cancelling_twice_or_after_the_start_is_refused(meeting, braga, braga_officer, staff):
    registration = registration_create(meeting=meeting, data=_data(braga), by=braga_officer)
    registration_cancel(registration=registration, by=braga_officer)
    with pytest.raises(ValidationError, match="cancelled already"):
        registration_cancel(registration=registration, by=braga_officer)
    other = registration_create(meeting=meeting, data=_data(braga, 2), by=braga_officer)
    with (
        time_machine.travel(meeting.starts_at + timedelta(hours=1)),
        pytest.raises(ValidationError, match="has started"),
    ):
        registration_cancel(registration=other, by=braga_officer)


def test_staff_list_and_csv_export_with_minimal_personal_data(
    client, staff, braga, braga_officer, meeting
):
    RegistrationFactory(
        meeting=meeting,
        city=braga,
        name="Housing officer, City of Braga",
        email="housing@braga.example.org",
        dietary_needs="Vegetarian",
        accessibility_needs="Step-free access",
    )
    RegistrationFactory(meeting=meeting, city=braga, name='=HYPERLINK("http://x")')
    RegistrationFactory(meeting=meeting, city=braga, status=Registration.Status.WAITING)

    client.force_login(braga_officer)
    assert client.get("/en/workspace/meetings/m/registrations.csv").status_code == 403
    page = client.get("/en/meetings/m/register/").content.decode()
    assert "housing@braga.example.org" not in page and "Vegetarian" not in page

    client.force_login(staff)
    page = client.get("/en/workspace/meetings/m/registrations/").content.decode()
    assert "housing@braga.example.org" in page and "Step-free access" in page
    response = client.get("/en/workspace/meetings/m/registrations.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="m-registrations.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Organisation",
        "City",
        "Role",
        "Participant kind",
        "E-mail address",
        "Status",
        "Waiting list position",
        "Registered on",
        "Attended",
        "Dietary needs",
        "Accessibility needs",
    ]
    housing = next(row for row in rows if row[0] == "Housing officer, City of Braga")
    assert housing[2] == "Braga"
    assert housing[5] == "housing@braga.example.org"
    assert housing[6] == "Confirmed"
    assert housing[10:] == ["Vegetarian", "Step-free access"]
    assert any(row[0] == '\'=HYPERLINK("http://x")' for row in rows)  # no formula injection
    waiting = next(row for row in rows if row[6] == "On the waiting list")
    assert waiting[7] == "1"


def test_needs_are_deleted_30_days_after_the_meeting_by_the_scheduled_task(braga, eager_tasks):
    meeting = MeetingFactory(host_city=braga)
    recent = MeetingFactory(host_city=braga)
    recent.starts_at += timedelta(days=5)
    recent.ends_at += timedelta(days=5)
    recent.save()
    old = RegistrationFactory(meeting=meeting, dietary_needs="Halal", accessibility_needs="Lift")
    kept = RegistrationFactory(meeting=recent, dietary_needs="Vegan")
    with time_machine.travel(meeting.ends_at + timedelta(days=31)):
        assert participant_needs_purge.delay().get() == 1
    old.refresh_from_db()
    kept.refresh_from_db()
    assert (old.dietary_needs, old.accessibility_needs) == ("", "")
    assert old.needs_purged_at is not None
    assert old.name and old.email  # the rest of the registration stays
    assert kept.dietary_needs == "Vegan"
    # The beat schedule refers to the task by this name.
    assert participant_needs_purge.name == "meetings.tasks.participant_needs_purge"


def test_staff_record_attendance_and_the_figures_follow(client, staff, braga, turin):
    meeting = MeetingFactory(slug="m", host_city=braga)
    came = [
        RegistrationFactory(meeting=meeting, city=braga),
        RegistrationFactory(meeting=meeting, city=braga),
        RegistrationFactory(meeting=meeting, city=turin),
        RegistrationFactory(meeting=meeting, city=turin, kind="local_expert"),
    ]
    absent = RegistrationFactory(meeting=meeting, city=CityFactory())
    client.force_login(staff)
    url = "/en/workspace/meetings/m/attendance/"
    shown = form_as_shown(client, url)
    response = client.post(url, changed(shown, attended=[str(r.pk) for r in came]))
    assert response.status_code == 302
    absent.refresh_from_db()
    assert absent.attended is False

    figures = attendance_figures(meetings=[meeting])[meeting.pk]
    assert figures.by_kind == {"city_officer": 3, "local_expert": 1}
    assert figures.cities == 2
    assert figures.headline == "3 city officers from 2 European cities"

    shown = form_as_shown(client, url)
    response = client.post(url, changed(shown, attended=["999999"]))
    assert response.status_code == 400

    client.logout()
    with time_machine.travel(meeting.ends_at + timedelta(days=1)):
        html = client.get("/en/meetings/m/").content.decode()
    assert "The meeting gathered 3 city officers from 2 European cities." in html
    assert '<span class="figure-value">2</span> <span class="figure-label">cities</span>' in html


def test_staff_add_someone_who_came_without_registering(client, staff, braga):
    meeting = MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    response = client.post(
        "/en/workspace/meetings/m/attendance/add/",
        {"name": "Policy officer, EUROCITIES", "kind": "network_staff", "city": "", "email": ""},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.attended is True and registration.city is None
    assert attendance_figures(meetings=Meeting.objects.all())[meeting.pk].by_kind == {
        "network_staff": 1
    }
