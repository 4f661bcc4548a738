"""A person downloads their own data and erases their account; staff erase an officer's.

Erasure keeps the cities' records (plans, history, updates) and names the person
"former officer of <city>" wherever they appear."""

from __future__ import annotations

import json
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.mfa import totp_give
from actionplans.models import Action, ActionPlan, ProgressUpdate
from actionplans.services import progress_update_save, progress_update_submit
from cities.models import CityMembership, Invitation
from meetings.models import Registration
from reports.models import Report

from .editing import changed, form_as_shown
from .factories import (
    PASSWORD,
    TOTP_SECRET,
    ActionFactory,
    PlanFactory,
    PracticeFactory,
    StaffFactory,
)
from .meetings_factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

DOWNLOAD = "/en/accounts/data/download/"
ERASE = "/en/accounts/data/erase/"
LOGIN = "/en/accounts/login/"


@pytest.fixture
def plan(braga):
    return PlanFactory(city=braga, title="Braga school plan", start_date=date(2019, 1, 1))


@pytest.fixture
def action(plan):
    return ActionFactory(plan=plan, title="School mediators")


@pytest.fixture
def officer_client(braga_officer):
    client = Client()
    client.force_login(braga_officer)
    return client


def _edit_action_as(client, action) -> None:
    """A change made through the portal, so the history records who made it."""
    url = f"/en/workspace/actions/{action.pk}/"
    response = client.post(
        url, changed(form_as_shown(client, url), status="delayed", progress="35")
    )
    assert response.status_code == 302


def _submitted_update(plan, by) -> ProgressUpdate:
    update = progress_update_save(
        plan=plan,
        update=None,
        data={
            "period_label": "2020 H1",
            "period_start": date(2020, 1, 1),
            "period_end": date(2020, 6, 30),
            "narrative": "Good half-year.",
        },
        by=by,
    )
    progress_update_submit(update=update, by=by)
    return update


def _registration(user, city, **extra) -> Registration:
    return RegistrationFactory(
        meeting=MeetingFactory(host_city=city, title="Braga working group meeting"),
        user=user,
        city=city,
        name=user.get_full_name(),
        email=user.email,
        dietary_needs="Vegetarian, no nuts",
        accessibility_needs="Step-free access",
        **extra,
    )


def test_download_holds_the_persons_data_and_no_secret(
    officer_client, braga_officer, braga, turin, turin_officer, plan
):
    totp_give(user=braga_officer, secret=TOTP_SECRET)
    _registration(braga_officer, braga)
    PracticeFactory(city=braga, title="Braga school mediators", created_by=braga_officer)
    _submitted_update(plan, braga_officer)
    Report.objects.create(
        kind="work_plan", year=2020, title="Work plan 2020", language="en",
        requested_by=braga_officer,
    )  # fmt: skip
    # Someone else's data, which must not appear.
    _registration(turin_officer, turin, role="Turin coordinator")
    PracticeFactory(city=turin, title="Turin private practice", created_by=turin_officer)

    response = officer_client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="roma-wg-my-data.json"'
    body = response.content.decode()
    data = json.loads(body)
    assert data["account"]["email"] == braga_officer.email
    memberships = data["cities"]["city_memberships"]
    assert [(m["city"], m["role"]) for m in memberships] == [("Braga", "Officer")]
    [registration] = data["meetings"]["meeting_registrations"]
    assert registration["meeting"] == "Braga working group meeting"
    assert registration["dietary_needs"] == "Vegetarian, no nuts"
    assert registration["accessibility_needs"] == "Step-free access"
    assert [p["title"] for p in data["practices"]["practices_proposed"]] == [
        "Braga school mediators"
    ]
    [update] = data["action_plans"]["progress_updates_submitted"]
    assert update["plan"] == "Braga school plan" and update["period"] == "2020 H1"
    assert update["submitted_at"].startswith("20")  # an ISO date
    assert [r["title"] for r in data["reports"]["reports_requested"]] == ["Work plan 2020"]
    assert [f["type"] for f in data["second_factors"]] == ["TOTP Authenticator"]
    # No secret: no password hash, no TOTP secret, no session key.
    assert braga_officer.password not in body
    assert TOTP_SECRET not in body
    assert officer_client.session.session_key not in body
    assert "password" not in data["account"]
    # Nothing of another person.
    assert turin_officer.email not in body
    assert "Turin private practice" not in body
    assert "Turin coordinator" not in body


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for path in ["/en/accounts/data/", DOWNLOAD, ERASE]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    response = client.post(ERASE, {"password": PASSWORD})
    assert response["Location"].startswith(LOGIN)


def test_erasing_with_a_wrong_password_keeps_everything(officer_client, braga_officer, braga):
    registration = _registration(braga_officer, braga)

    response = officer_client.post(ERASE, {"password": "not-my-password"})

    assert response.status_code == 400
    assert "This password is not correct." in response.content.decode()
    braga_officer.refresh_from_db()
    assert braga_officer.is_active and braga_officer.erased_at is None
    assert braga_officer.email == "officer@braga.example.org"
    assert braga_officer.check_password(PASSWORD)
    assert CityMembership.objects.filter(user=braga_officer).exists()
    registration.refresh_from_db()
    assert registration.dietary_needs == "Vegetarian, no nuts"
    assert officer_client.get("/en/workspace/").status_code == 200  # still signed in


def test_erasing_the_account_anonymises_it_and_keeps_the_plan_and_its_history(
    officer_client, braga_officer, braga, plan, action, staff
):
    _edit_action_as(officer_client, action)
    update = _submitted_update(plan, braga_officer)
    registration = _registration(braga_officer, braga)
    Invitation.objects.create(city=braga, email=braga_officer.email, invited_by=staff)
    elsewhere = Client()  # a second session of the same person, on another device
    elsewhere.force_login(braga_officer)
    history_before = Action.history.filter(id=action.pk).count()

    page = officer_client.get(ERASE).content.decode()
    assert "former officer of Braga" in page  # says how the person will be shown

    response = officer_client.post(ERASE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/data/erased/"
    # Every session of the person is deleted, not only this one.
    assert not [
        session
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(braga_officer.pk)
    ]
    erased_page = officer_client.get(response["Location"]).content.decode()
    assert "Your account has been erased" in erased_page
    # Signed out everywhere.
    assert officer_client.get("/en/workspace/").status_code == 302
    assert elsewhere.get("/en/workspace/").status_code == 302
    # The person is gone from the account ...
    person = type(braga_officer).objects.get(pk=braga_officer.pk)
    assert person.email == f"erased-{person.pk}@erased.invalid"
    assert (person.first_name, person.last_name) == ("", "")
    assert not person.is_active and not person.has_usable_password()
    assert person.erased_at is not None and person.former_city == "Braga"
    assert str(person) == "former officer of Braga"
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not CityMembership.objects.filter(user=person).exists()
    assert not Invitation.objects.filter(email__iexact="officer@braga.example.org").exists()
    # ... and cannot sign in with the old address and password.
    stranger = Client()
    response = stranger.post(LOGIN, {"login": "officer@braga.example.org", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in stranger.session
    # The registration still counts for the meeting, without anything personal.
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.email, registration.role) == ("", "")
    assert (registration.dietary_needs, registration.accessibility_needs) == ("", "")
    assert registration.name == "former officer of Braga"
    # The plan, its history and the update stay, attributed to "former officer of Braga".
    assert ActionPlan.objects.filter(pk=plan.pk).exists()
    assert Action.history.filter(id=action.pk).count() == history_before
    assert Action.history.filter(id=action.pk, history_user=person).exists()
    update.refresh_from_db()
    assert update.submitted_by == person
    staff_client = Client()
    staff_client.force_login(staff)
    history = staff_client.get(f"/en/workspace/plans/{plan.pk}/history/").content.decode()
    assert "former officer of Braga" in history
    assert "officer@braga.example.org" not in history and "Alex" not in history
    update_page = staff_client.get(f"/en/workspace/updates/{update.pk}/").content.decode()
    assert "Submitted by former officer of Braga" in update_page


def test_staff_erase_an_officer_after_a_confirmation_step(braga_officer, braga, staff):
    client = Client()
    client.force_login(staff)
    url = f"/en/workspace/people/{braga_officer.pk}/erase/"

    officers = client.get("/en/workspace/cities/braga/officers/").content.decode()
    assert url in officers  # the city's officers page links to it
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "former officer of Braga" in confirmation.content.decode()
    braga_officer.refresh_from_db()
    assert braga_officer.erased_at is None  # looking is not erasing

    response = client.post(url, {"next": "/en/workspace/cities/braga/officers/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/workspace/cities/braga/officers/"
    braga_officer.refresh_from_db()
    assert braga_officer.erased_at is not None and not braga_officer.is_active
    assert str(braga_officer) == "former officer of Braga"
    assert "officer@braga.example.org" not in client.get(response["Location"]).content.decode()


def test_an_officer_cannot_erase_another_officer(braga_lead, braga_officer):
    client = Client()
    client.force_login(braga_lead)
    url = f"/en/workspace/people/{braga_officer.pk}/erase/"

    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403

    braga_officer.refresh_from_db()
    assert braga_officer.erased_at is None and braga_officer.is_active


def test_staff_cannot_erase_an_administrator(staff):
    admin = StaffFactory(email="admin@example.org", is_superuser=True)
    client = Client()
    client.force_login(staff)
    assert client.post(f"/en/workspace/people/{admin.pk}/erase/").status_code == 403
    admin.refresh_from_db()
    assert admin.erased_at is None


def test_the_last_staff_member_cannot_erase_their_account(staff):
    client = Client()
    client.force_login(staff)
    page = client.get(ERASE).content.decode()
    assert "last network staff account" in page

    response = client.post(ERASE, {"password": PASSWORD})

    assert response.status_code == 400
    staff.refresh_from_db()
    assert staff.erased_at is None and staff.is_staff and staff.is_active


def test_a_staff_member_may_erase_their_account_while_another_remains(staff):
    StaffFactory(email="colleague@example.org")
    client = Client()
    client.force_login(staff)
    assert "network staff" in client.get(ERASE).content.decode()

    assert client.post(ERASE, {"password": PASSWORD}).status_code == 302

    staff.refresh_from_db()
    assert not staff.is_staff and not staff.is_active
    assert str(staff) == "former staff member"
    assert not Authenticator.objects.filter(user=staff).exists()  # TOTP secret and codes


def test_deleting_a_user_row_never_deletes_plans_or_their_history(
    officer_client, braga_officer, plan, action
):
    _edit_action_as(officer_client, action)
    update = _submitted_update(plan, braga_officer)
    history = Action.history.filter(id=action.pk).count()

    braga_officer.delete()

    assert ActionPlan.objects.filter(pk=plan.pk).exists()
    assert Action.objects.filter(pk=action.pk).exists()
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()
    assert Action.history.filter(id=action.pk).count() == history


def test_the_admin_erases_instead_of_deleting(braga_officer):
    admin = StaffFactory(email="admin@example.org", is_superuser=True)
    client = Client()
    client.force_login(admin)
    changelist = "/en/admin/accounts/user/"

    page = client.get(changelist).content.decode()
    assert "delete_selected" not in page and "erase_selected" in page
    delete_page = client.get(f"/en/admin/accounts/user/{braga_officer.pk}/delete/")
    assert delete_page.status_code == 403

    form = {"action": "erase_selected", "_selected_action": [braga_officer.pk]}
    confirmation = client.post(changelist, form)
    assert "former officer of Braga" in confirmation.content.decode()
    braga_officer.refresh_from_db()
    assert braga_officer.erased_at is None

    client.post(changelist, {**form, "confirmed": "yes"})

    braga_officer.refresh_from_db()
    assert braga_officer.erased_at is not None


def test_the_privacy_notice_says_how_to_download_and_erase(client):
    html = client.get("/en/privacy/").content.decode()
    assert 'href="/en/accounts/data/"' in html
    assert "Download my data" in html and "Erase my account" in html
    assert "former officer of" in html
