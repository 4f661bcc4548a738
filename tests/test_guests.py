"""Guests without an account: the public form of a meeting open to them, the confirmation of
their address, the same places, deadline and waiting list as officers, approval, cancellation,
attendance and the figures by role category, their personal data (export, erasure, automatic
erasure), the limits against abuse, and no field about ethnic origin anywhere."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from meetings.models import GuestInvitation, Meeting, Registration
from meetings.selectors import attendance_figures
from meetings.services import ParticipantData, registration_cancel, registration_create
from meetings.tasks import guest_data_purge, participant_needs_purge

from .editing import changed, form_as_shown
from .factories import ActivityFactory, FigureFactory
from .meetings_factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = "/en/meetings/m/guests/"
LINK = re.compile(r"http://127\.0\.0\.1:8000(/[^\s]+)")


@pytest.fixture(autouse=True)
def _eager(eager_tasks):
    """Guest e-mails are tasks queued on commit: run them in the test."""


@pytest.fixture
def meeting(braga):
    return MeetingFactory(slug="m", host_city=braga, capacity=2, guest_access="open")


def _guest(n: int = 0, **extra) -> dict:
    return {
        "name": f"Guest {n}",
        "email": f"guest{n}@example.org",
        "organisation": "Roma youth association",
        "place": "Porto",
        "country": "PT",
        "guest_category": "community_representative",
        "language": "en",
        "dietary_needs": "",
        "accessibility_needs": "",
        "website": "",
        **extra,
    }


def _links(message) -> dict[str, str]:
    """The portal's links in an e-mail, by what they do."""
    found = {}
    for path in LINK.findall(message.body):
        if "/guest/confirm/" in path:
            found["confirm"] = path
        elif path.endswith("/cancel/"):
            found["cancel"] = path
        elif "/guest/" in path:
            found["registration"] = path
    return found


def _register(client, capture, n: int = 0, url: str = FORM, **extra):
    """Send the form; returns the answer and the e-mail it caused (if any)."""
    sent = len(mail.outbox)
    with capture(execute=True):
        response = client.post(url, _guest(n, **extra))
    return response, (mail.outbox[sent] if len(mail.outbox) > sent else None)


def _confirm(client, capture, message):
    link = _links(message)["confirm"]
    page = client.get(link)
    assert page.status_code == 200 and "Confirm my registration" in page.content.decode()
    sent = len(mail.outbox)
    with capture(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    return mail.outbox[sent] if len(mail.outbox) > sent else None


def _registered_and_confirmed(client, capture, n: int = 0, **extra) -> tuple[Registration, object]:
    response, message = _register(client, capture, n, **extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    placed = _confirm(client, capture, message)
    return Registration.objects.get(email=f"guest{n}@example.org"), placed


# --- End to end -------------------------------------------------------------------------------


def test_a_guest_registers_confirms_by_email_and_then_has_a_place(
    client, meeting, django_capture_on_commit_callbacks
):
    page = client.get(FORM)
    assert page.status_code == 200
    html = page.content.decode()
    assert "We never ask about your ethnic origin" in html
    assert 'name="website"' in html and 'class="honeypot"' in html

    response, message = _register(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/en/meetings/m/guests/sent/"
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING
    assert (registration.kind, registration.guest_category) == ("guest", "community_representative")
    assert registration.self_registered and registration.user is None
    assert not get_user_model().objects.filter(email__iexact="guest0@example.org").exists()
    # Before the confirmation the place does not count.
    assert "2 places left" in client.get("/en/meetings/m/").content.decode()

    assert message.to == ["guest0@example.org"]
    assert "Confirm your registration" in message.subject
    assert {"confirm", "registration", "cancel"} <= set(_links(message))
    assert not message.attachments

    placed = _confirm(client, django_capture_on_commit_callbacks, message)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email_confirmed_at is not None
    assert "You have a place" in placed.subject
    assert "cancel" in _links(placed)
    ((name, ics, kind),) = placed.attachments
    assert (
        name == "m.ics"
        and kind == "text/calendar"
        and "BEGIN:VEVENT" in (ics.decode() if isinstance(ics, bytes) else ics)
    )
    assert "1 place left" in client.get("/en/meetings/m/").content.decode()


def test_guests_share_the_places_and_the_waiting_list_with_officers(
    client, meeting, braga, braga_officer, django_capture_on_commit_callbacks
):
    officer = registration_create(
        meeting=meeting,
        data=ParticipantData(name="Officer", city=braga, email="o@example.org"),
        by=braga_officer,
    )
    first, _ = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 1)
    assert first.status == Registration.Status.CONFIRMED  # the second of two places
    second, waiting = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 2)
    assert second.status == Registration.Status.WAITING
    assert "waiting list" in waiting.subject and waiting.attachments

    # The officer cancels: the guest first on the waiting list moves up and is told.
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=officer, by=braga_officer)
    second.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED
    (promoted,) = mail.outbox[sent:]
    assert promoted.to == ["guest2@example.org"] and "A place freed up" in promoted.subject
    assert promoted.attachments and "cancel" in _links(promoted)


def test_a_guest_cancels_through_their_link_and_the_place_goes_to_the_next(
    client, meeting, django_capture_on_commit_callbacks
):
    meeting.capacity = 1
    meeting.save()
    first, placed = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 1)
    second, _ = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 2)
    assert second.status == Registration.Status.WAITING

    cancel = _links(placed)["cancel"]
    assert "Cancel my registration" in client.get(cancel).content.decode()
    first.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED  # opening the link changes nothing
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(cancel)  # the link is the proof: no session needed
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert second.status == Registration.Status.CONFIRMED
    assert sorted(m.subject for m in mail.outbox[sent:]) == sorted(
        [
            f"Your registration for {meeting.title} is cancelled",
            f"A place freed up: you have a place at {meeting.title}",
        ]
    )
    again = client.post(cancel)
    assert again.status_code == 400  # cancelled already


def test_staff_approve_or_decline_guests_and_the_guest_hears_either_way(
    client, meeting, staff, braga_lead, turin_officer, django_capture_on_commit_callbacks
):
    meeting.guests_need_approval = True
    meeting.save()
    accepted, waiting_mail = _registered_and_confirmed(
        client, django_capture_on_commit_callbacks, 1
    )
    refused, _ = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 2)
    assert accepted.status == Registration.Status.AWAITING_APPROVAL
    assert "waits for approval" in waiting_mail.subject
    assert "2 places left" in Client().get("/en/meetings/m/").content.decode()

    staff_client = Client()
    staff_client.force_login(staff)
    page = staff_client.get("/en/workspace/meetings/m/guests/").content.decode()
    assert "Guest 1" in page and "guest1@example.org" in page and "Approve" in page
    # The host city's officers see the guests, and decide nothing; other officers see nothing.
    lead = Client()
    lead.force_login(braga_lead)
    shown = lead.get("/en/workspace/meetings/m/guests/")
    assert shown.status_code == 200 and "guest1@example.org" in shown.content.decode()
    assert "Approve" not in shown.content.decode()
    assert lead.post(f"/en/workspace/meetings/m/guests/{accepted.pk}/approve/").status_code == 403
    other = Client()
    other.force_login(turin_officer)
    assert other.get("/en/workspace/meetings/m/guests/").status_code == 403

    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            staff_client.post(f"/en/workspace/meetings/m/guests/{accepted.pk}/approve/").status_code
            == 302
        )
        assert (
            staff_client.post(f"/en/workspace/meetings/m/guests/{refused.pk}/decline/").status_code
            == 302
        )
    accepted.refresh_from_db()
    refused.refresh_from_db()
    assert accepted.status == Registration.Status.CONFIRMED
    assert refused.status == Registration.Status.DECLINED
    subjects = {m.to[0]: m.subject for m in mail.outbox[sent:]}
    assert subjects["guest1@example.org"] == f"You have a place at {meeting.title}"
    assert subjects["guest2@example.org"] == f"Your registration for {meeting.title} was declined"
    # Deciding again is refused with a reason.
    again = staff_client.post(f"/en/workspace/meetings/m/guests/{accepted.pk}/approve/")
    assert again.status_code == 400


def test_the_deadline_closes_the_guest_form(client, meeting, django_capture_on_commit_callbacks):
    meeting.registration_deadline = timezone.now() + timedelta(days=1)
    meeting.save()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        page = client.get(FORM)
        assert "Registration for this meeting is closed." in page.content.decode()
        response, message = _register(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and message is None
    assert not Registration.objects.exists()


def test_a_meeting_for_officers_only_has_no_guest_form(client, braga):
    MeetingFactory(slug="closed", host_city=braga)
    assert client.get("/en/meetings/closed/guests/").status_code == 404
    assert "Register as a guest" not in client.get("/en/meetings/closed/").content.decode()
    draft = MeetingFactory(slug="draft", host_city=braga, guest_access="open", draft=True)
    assert client.get(f"/en/meetings/{draft.slug}/guests/").status_code == 404


def test_invited_guests_register_through_a_personal_invitation_or_a_shared_link(
    client, meeting, staff, django_capture_on_commit_callbacks
):
    meeting.guest_access = Meeting.GuestAccess.INVITED
    meeting.save()
    assert client.get(FORM).status_code == 403
    assert "Guests take part by invitation." in client.get("/en/meetings/m/").content.decode()

    staff_client = Client()
    staff_client.force_login(staff)
    new = "/en/workspace/meetings/m/guests/invitations/new/"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(new, {"email": "Invited@Example.org", "name": "Ana"})
    assert response.status_code == 302
    personal = GuestInvitation.objects.get(email="invited@example.org")
    (invitation_mail,) = mail.outbox
    assert invitation_mail.to == ["invited@example.org"]
    link = LINK.search(invitation_mail.body)[1]
    assert link == personal.get_absolute_url()

    # The personal link is for its address only.
    assert 'value="invited@example.org"' in client.get(link).content.decode()
    response, _ = _register(client, django_capture_on_commit_callbacks, 5, url=link)
    assert response.status_code == 400
    assert "register with the address it was sent to" in response.content.decode()
    response, _ = _register(
        client, django_capture_on_commit_callbacks, 5, url=link, email="invited@example.org"
    )
    assert response.status_code == 302
    assert Registration.objects.get(email="invited@example.org").invitation == personal

    # A shared link works as many times as staff allow, until revoked.
    assert staff_client.post(new, {"email": "", "max_uses": "2"}).status_code == 302
    shared = GuestInvitation.objects.get(email="")
    url = shared.get_absolute_url()
    for n in (1, 2):
        assert (
            _register(client, django_capture_on_commit_callbacks, n, url=url)[0].status_code == 302
        )
    third, _ = _register(client, django_capture_on_commit_callbacks, 3, url=url)
    assert third.status_code == 400 and "as many times as it allows" in third.content.decode()
    page = staff_client.get("/en/workspace/meetings/m/guests/").content.decode()
    assert "2 of 2" in page
    revoke = f"/en/workspace/meetings/m/guests/invitations/{personal.pk}/revoke/"
    assert staff_client.post(revoke).status_code == 302
    Registration.objects.filter(email="invited@example.org").delete()
    refused, _ = _register(
        client, django_capture_on_commit_callbacks, 5, url=link, email="invited@example.org"
    )
    assert refused.status_code == 400 and "no longer works" in refused.content.decode()
    assert client.get("/en/meetings/m/guests/invitations/not-a-token/").status_code == 404


def test_the_meeting_details_form_sets_who_may_register(client, staff, meeting):
    client.force_login(staff)
    url = "/en/workspace/meetings/m/edit/"
    shown = form_as_shown(client, url)
    assert shown["guest_access"] == ["open"]
    response = client.post(url, changed(shown, guest_access="invited", guests_need_approval="on"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.guest_access == "invited" and meeting.guests_need_approval
    # A new meeting is for city officers only unless staff say otherwise.
    assert Meeting._meta.get_field("guest_access").default == "officers"


# --- Abuse --------------------------------------------------------------------------------------


def test_a_repeated_address_is_refused_without_saying_who_registered(
    client, meeting, django_capture_on_commit_callbacks
):
    _registered_and_confirmed(client, django_capture_on_commit_callbacks, 1)
    response, message = _register(
        client, django_capture_on_commit_callbacks, 1, name="Someone Else"
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "a confirmation was sent again to this address" in html
    assert "Guest 1" not in html  # who registered is not said
    assert Registration.objects.count() == 1
    assert Registration.objects.get().name == "Guest 1"
    assert message.to == ["guest1@example.org"] and "cancel" in _links(message)
    # Asking again and again does not flood the address.
    for _ in range(4):
        _register(client, django_capture_on_commit_callbacks, 1)
    assert len(mail.outbox) == 2 + 3  # confirm, place, then three "again" at most per hour


def test_the_trap_field_thanks_robots_and_keeps_nothing(
    client, meeting, django_capture_on_commit_callbacks
):
    response, message = _register(
        client, django_capture_on_commit_callbacks, website="https://spam.example"
    )
    assert response.status_code == 302 and response["Location"] == "/en/meetings/m/guests/sent/"
    assert message is None and not Registration.objects.exists()


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_CLIENT_IP_HEADER = None
    limits = dict(settings.ACCOUNT_RATE_LIMITS)
    limits["guest_register"] = "3/10m/ip,5/10m/key"
    settings.ACCOUNT_RATE_LIMITS = limits


def test_the_form_is_limited_per_client_address_and_per_meeting(
    client, meeting, braga, behind_one_proxy, django_capture_on_commit_callbacks
):
    def send(n: int, address: str, slug: str = "m"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/en/meetings/{slug}/guests/", _guest(n), HTTP_X_FORWARDED_FOR=address
            )

    assert [send(n, "198.51.100.1").status_code for n in range(3)] == [302, 302, 302]
    limited = send(3, "198.51.100.1")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) == 600
    assert "Too many registrations" in limited.content.decode()
    # Another client may still register, until the meeting's own limit.
    assert send(4, "198.51.100.2").status_code == 302
    assert send(5, "198.51.100.3").status_code == 302
    assert send(6, "198.51.100.4").status_code == 429
    # Another meeting is counted apart.
    MeetingFactory(slug="other", host_city=braga, guest_access="open")
    assert send(7, "198.51.100.5", slug="other").status_code == 302
    assert Registration.objects.filter(meeting=meeting).count() == 5


# --- Attendance and figures ----------------------------------------------------------------------


def test_guests_are_marked_present_and_counted_by_role_category_never_named(
    client, staff, braga, turin
):
    activity = ActivityFactory(objective__work_plan__year=2019)
    meeting = MeetingFactory(slug="m", host_city=braga, activity=activity)
    categories = ["local_expert"] * 10 + ["practitioner"] * 2 + ["researcher"]
    guests = [
        RegistrationFactory(
            meeting=meeting,
            kind="guest",
            guest_category=category,
            self_registered=True,
            city=None,
            place=place,
            country=country,
            name=f"Named guest {n}",
        )  # fmt: skip
        for n, (category, (place, country)) in enumerate(
            zip(categories, [("Porto", "PT"), ("porto ", "PT"), ("Skopje", "MK")] * 5, strict=False)
        )
    ]
    officer = RegistrationFactory(meeting=meeting, city=turin)
    client.force_login(staff)
    url = "/en/workspace/meetings/m/attendance/"
    page = client.get(url).content.decode()
    assert "Named guest 0 · Local expert (guest) · Porto, Portugal" in page
    present = [*guests, officer]
    response = client.post(url, changed(form_as_shown(client, url),
                                        attended=[str(r.pk) for r in present]))  # fmt: skip
    assert response.status_code == 302

    figures = attendance_figures(meetings=[meeting])[meeting.pk]
    assert figures.by_kind == {
        "local_expert": 10, "practitioner": 2, "researcher": 1, "city_officer": 1,
    }  # fmt: skip
    assert figures.cities == 3  # Porto (however written), Skopje and Turin
    assert figures.headline == "10 local experts from 3 European cities"

    client.logout()
    with time_machine.travel(meeting.ends_at + timedelta(days=1)):
        html = client.get("/en/meetings/m/").content.decode()
    assert "The meeting gathered 10 local experts from 3 European cities." in html
    assert '<span class="figure-value">2</span> <span class="figure-label">practitioners' in html
    assert "Named guest" not in html

    # The achievements count a guest category with the "attendees" measure.
    narrative = "{experts} local experts from {cities} cities"
    experts = FigureFactory(key="experts", measure="attendees", parameter="guest:local_expert",
                            activity=activity, achievement__narrative=narrative)  # fmt: skip
    FigureFactory(key="cities", measure="attending_cities", activity=activity,
                  achievement=experts.achievement)  # fmt: skip
    html = client.get("/en/achievements/2019/").content.decode()
    assert "10 local experts from 3 cities" in html and "Named guest" not in html


def test_guests_stay_out_of_officers_registration_lists(client, braga, braga_officer):
    meeting = MeetingFactory(slug="m", host_city=braga, guest_access="open")
    guest = RegistrationFactory(meeting=meeting, kind="guest", self_registered=True, city=braga,
                                name="A guest from Braga")  # fmt: skip
    client.force_login(braga_officer)
    page = client.get("/en/meetings/m/register/").content.decode()
    assert "A guest from Braga" not in page
    response = client.post(f"/en/meetings/m/registrations/{guest.pk}/cancel/")
    assert response.status_code == 404


def test_the_demo_braga_experts_are_guests_and_the_figure_holds(client, demo):
    experts = Registration.objects.filter(
        meeting__slug="braga-critical-friend-review-2019", kind="guest"
    )
    assert experts.count() == 22
    assert set(experts.values_list("guest_category", flat=True)) == {"local_expert"}
    html = client.get("/en/achievements/2019/").content.decode()
    assert "22 local experts from 12 cities" in html
    open_meeting = Meeting.objects.get(slug="ghent-working-group-meeting-2027")
    assert open_meeting.open_to_anyone and open_meeting.registration_is_open
    page = client.get(open_meeting.get_absolute_url()).content.decode()
    assert "Register as a guest" in page
    assert client.get(f"/en/meetings/{open_meeting.slug}/guests/").status_code == 200


# --- Personal data -------------------------------------------------------------------------------


def test_a_guest_downloads_and_erases_their_details_through_their_link(
    client, meeting, django_capture_on_commit_callbacks
):
    registration, placed = _registered_and_confirmed(
        client, django_capture_on_commit_callbacks, 1, dietary_needs="Vegetarian"
    )
    own = _links(placed)["registration"]
    page = client.get(own).content.decode()
    assert "Guest 1" in page and "Vegetarian" in page
    download = client.get(own + "data.json")
    assert download["Content-Disposition"].startswith("attachment")
    (row,) = json.loads(download.content)["meeting_registrations"]
    assert row["email"] == "guest1@example.org" and row["role_category"] == (
        "Community representative"
    )
    assert "ethnic" not in download.content.decode().lower()

    response = client.post(own + "erase/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.organisation) == ("", "", "")
    assert registration.dietary_needs == "" and registration.guest_key == ""
    assert registration.status == Registration.Status.CANCELLED
    assert registration.guest_category == "community_representative"  # still counted
    assert client.get(own).status_code == 404  # the links open nothing any more


def test_staff_export_and_erase_what_an_address_holds(
    client, staff, meeting, braga_officer, django_capture_on_commit_callbacks
):
    registration, _ = _registered_and_confirmed(client, django_capture_on_commit_callbacks, 1)
    staff_client = Client()
    staff_client.force_login(staff)
    url = "/en/workspace/people/without-account/"
    response = staff_client.post(url, {"email": "GUEST1@example.org", "action": "show"})
    assert response.status_code == 302 and "guest1" not in response["Location"]
    page = staff_client.get(url).content.decode()
    assert f"Registration for {meeting.title}" in page
    download = staff_client.post(url, {"email": "guest1@example.org", "action": "download"})
    data = json.loads(download.content)
    assert data["meeting_registrations"][0]["name"] == "Guest 1"

    # Erasure asks for a confirmation, then blanks the guest and frees the place.
    refused = staff_client.post(url, {"email": "guest1@example.org", "action": "erase"})
    assert refused.status_code == 400
    registration.refresh_from_db()
    assert registration.email == "guest1@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post(
            url, {"email": "guest1@example.org", "action": "erase", "confirm": "on"}
        )
    assert done.status_code == 302
    registration.refresh_from_db()
    assert registration.email == "" and registration.name == ""
    assert registration.status == Registration.Status.CANCELLED
    # An address of an account is erased with the account.
    refused = staff_client.post(
        url, {"email": braga_officer.email, "action": "erase", "confirm": "on"}
    )
    assert refused.status_code == 400 and "belongs to an account" in refused.content.decode()
    # Officers do not reach it.
    officer = Client()
    officer.force_login(braga_officer)
    assert officer.get(url).status_code == 403


def test_guest_details_are_erased_on_schedule(braga, settings):
    settings.GUEST_CONTACT_RETENTION_MONTHS = 6
    meeting = MeetingFactory(host_city=braga, guest_access="open")
    guest = RegistrationFactory(
        meeting=meeting, kind="guest", self_registered=True, guest_key="k", attended=True,
        guest_category="researcher", place="Porto", country="PT", organisation="University",
        dietary_needs="Halal",
    )  # fmt: skip
    officer = RegistrationFactory(meeting=meeting, city=braga, dietary_needs="Vegan")
    never_confirmed = RegistrationFactory(
        meeting=MeetingFactory(host_city=braga, guest_access="open"), kind="guest",
        self_registered=True, status=Registration.Status.PENDING,
    )  # fmt: skip
    invitation = GuestInvitation.objects.create(meeting=meeting, email="ana@example.org")

    with time_machine.travel(never_confirmed.created_at + timedelta(days=6)):
        assert guest_data_purge.delay().get() == {"unconfirmed_deleted": 0, "guests_erased": 0}
    with time_machine.travel(never_confirmed.created_at + timedelta(days=8)):
        assert guest_data_purge.delay().get()["unconfirmed_deleted"] == 1
    assert not Registration.objects.filter(pk=never_confirmed.pk).exists()

    with time_machine.travel(meeting.ends_at + timedelta(days=31)):
        assert participant_needs_purge.delay().get() == 2  # needs: after 30 days, as today
        assert guest_data_purge.delay().get()["guests_erased"] == 0
    guest.refresh_from_db()
    assert guest.dietary_needs == "" and guest.email and guest.name

    with time_machine.travel(meeting.ends_at + timedelta(days=186)):
        assert guest_data_purge.delay().get()["guests_erased"] == 1
        assert guest_data_purge.delay().get()["guests_erased"] == 0  # safe to run twice
    guest.refresh_from_db()
    officer.refresh_from_db()
    invitation.refresh_from_db()
    assert (guest.name, guest.email, guest.organisation, guest.guest_key) == ("", "", "", "")
    assert guest.contact_purged_at is not None
    # What the figures count stays; officers are not guests.
    assert (guest.guest_category, guest.place, guest.attended) == ("researcher", "Porto", True)
    assert officer.email and officer.name
    assert invitation.email == ""
    # The beat schedule runs it daily, by this name.
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert guest_data_purge.name == "meetings.tasks.guest_data_purge" and guest_data_purge.name in (
        names
    )


# --- Nothing about ethnic origin ------------------------------------------------------------------

ETHNIC = re.compile(r"ethnic|\brace\b|\bracial|roma\s+origin", re.IGNORECASE)


def test_no_model_field_of_any_app_is_about_ethnic_origin():
    """Every field of every model, the framework's and the libraries' included: no name or
    verbose name mentions ethnicity, race or Roma origin."""
    checked, found = 0, []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields(include_hidden=True):
            names = [field.name, str(getattr(field, "verbose_name", "") or "")]
            checked += 1
            found += [f"{model._meta.label}.{field.name}" for name in names if ETHNIC.search(name)]
    assert checked > 500
    assert found == []


def test_the_pattern_catches_what_it_must():
    for name in ("ethnicity", "Ethnic group", "race", "Roma origin", "racial_background"):
        assert ETHNIC.search(name), name
    for name in ("trace", "embrace", "grace_period", "Roma inclusion", "ethics"):
        assert not ETHNIC.search(name), name


def test_no_form_asks_a_guest_about_ethnic_origin(client, meeting):
    html = client.get(FORM).content.decode()
    fields = set(re.findall(r'name="([a-z_]+)"', html))
    assert not any(ETHNIC.search(name) for name in fields)
    assert "We never ask about your ethnic origin, and we do not record it." in html


# --- In a real browser ---------------------------------------------------------------------------


def test_a_guest_registers_by_keyboard_and_every_page_passes_axe(page, live_demo, settings):
    """The demo's 2027 meeting open to guests: the form filled in with the keyboard alone, its
    errors, the e-mail's confirmation; then the staff's list of guests, and their tool for the
    data of people without an account."""
    from demo.seed import DEMO_TOTP_SECRET

    from .browser import axe_violations, sign_in

    base = live_demo.url
    slug = "ghent-working-group-meeting-2027"
    page.goto(f"{base}/en/meetings/{slug}/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Register as a guest").click()
    page.wait_for_url(f"**/meetings/{slug}/guests/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Register").click()  # empty: the errors, announced
    assert page.locator(".error-summary").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Your name").focus()
    page.keyboard.type("Mara Keyboard")
    page.keyboard.press("Tab")
    page.keyboard.type("mara@example.org")
    page.get_by_label("City or town").fill("Cluj-Napoca")
    page.get_by_label("Country").select_option("RO")
    page.get_by_label("Community representative").check()
    page.get_by_label("Community representative").press("Enter")
    page.wait_for_url(f"**/meetings/{slug}/guests/sent/")
    assert axe_violations(page) == []

    registration = Registration.objects.get(email="mara@example.org")
    assert registration.status == Registration.Status.PENDING
    link = _links(mail.outbox[-1])["confirm"]
    page.goto(base + link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Confirm my registration").press("Enter")
    page.wait_for_url("**/meetings/guest/**")
    assert axe_violations(page) == []
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    sign_in(page, base, "staff@example.org", settings.DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
    page.goto(f"{base}/en/workspace/meetings/{slug}/guests/")
    assert "mara@example.org" in page.content()
    assert axe_violations(page) == []
    page.goto(f"{base}/en/workspace/people/without-account/")
    page.get_by_label("E-mail address").fill("mara@example.org")
    page.get_by_role("button", name="Show what is held").click()
    page.wait_for_load_state()
    assert "Registration for" in page.content()
    assert axe_violations(page) == []
