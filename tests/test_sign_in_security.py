"""An invitation never signs anyone in to an existing account, and staff pages need a session that
passed the second factor, however the session was opened."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.core import mail

from cities.models import CityMembership, Invitation

from .browser import totp_code
from .factories import PASSWORD, TOTP_SECRET, StaffFactory, UserFactory
from .sessions import force_login_without_records, sign_in_with_password_only

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
STAFF_PAGES = ["/en/workspace/", "/en/admin/", "/en/admin/accounts/user/", "/fr/workspace/plans/"]


@pytest.fixture
def staff(db):
    """An administrator: the account an attacker would most like to open."""
    return StaffFactory(email="admin@example.org", is_superuser=True)


def _link(invitation: Invitation) -> str:
    return f"/en/accounts/invitation/{invitation.token}/"


def _assert_signed_out(client) -> None:
    assert "_auth_user_id" not in client.session


def _assert_staff_pages_refused(client) -> None:
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/login/" in response["Location"], path
        _assert_signed_out(client)


def test_invitation_to_an_existing_account_does_not_sign_its_holder_in(client, staff, braga):
    invited = StaffFactory(email="other.staff@example.org")
    invitation = Invitation.objects.create(city=braga, email=invited.email, invited_by=staff)

    page = client.get(_link(invitation))
    assert page.status_code == 200
    assert "Sign in to continue" in page.content.decode()
    response = client.post(
        _link(invitation),
        {"first_name": "X", "password1": "Any-pass-2020!", "password2": "Any-pass-2020!"},
    )
    assert response.status_code == 403
    _assert_signed_out(client)
    _assert_staff_pages_refused(client)
    assert not CityMembership.objects.filter(user=invited).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    invited.refresh_from_db()
    assert invited.check_password(PASSWORD)  # the typed password changed nothing


def test_lead_officer_cannot_invite_a_staff_account(client, braga_lead, staff):
    client.force_login(braga_lead)
    response = client.post(
        "/en/workspace/cities/braga/invite/", {"email": staff.email.upper(), "role": "officer"}
    )
    assert response.status_code == 400
    assert "only network staff can add staff" in response.content.decode()
    assert not Invitation.objects.exists()


def test_lead_officer_can_still_invite_an_officer_of_another_city(
    client, braga_lead, turin_officer
):
    client.force_login(braga_lead)
    response = client.post(
        "/en/workspace/cities/braga/invite/", {"email": turin_officer.email, "role": "officer"}
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(email=turin_officer.email).exists()


def test_existing_account_accepts_after_signing_in_with_both_factors(client, staff, braga):
    invited = StaffFactory(email="other.staff@example.org")
    invitation = Invitation.objects.create(city=braga, email=invited.email, invited_by=staff)
    link = _link(invitation)

    response = client.post(LOGIN, {"login": invited.email, "password": PASSWORD, "next": link})
    assert "/accounts/2fa/authenticate/" in response["Location"]
    _assert_signed_out(client)
    # Half-way through signing in, the link still signs nobody in.
    assert client.post(link).status_code == 403
    _assert_signed_out(client)

    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    assert response["Location"] == link
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "Join Braga" in confirm.content.decode()
    assert not CityMembership.objects.filter(user=invited).exists()  # a GET changes nothing

    response = client.post(link)
    assert response.status_code == 302
    assert CityMembership.objects.filter(user=invited, city=braga).exists()
    assert client.get(link).status_code == 410


def test_invitation_opened_in_another_persons_session_is_refused(
    client, staff, braga, turin_officer
):
    invitation = Invitation.objects.create(
        city=braga, email="someone.else@example.org", invited_by=staff
    )
    client.force_login(turin_officer)
    assert client.get(_link(invitation)).status_code == 403
    assert client.post(_link(invitation)).status_code == 403
    assert not CityMembership.objects.filter(city=braga).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_account_created_since_the_invitation_is_not_taken_over(client, staff, braga):
    """Someone makes the account between the invitation and its use: the link stops creating."""
    invitation = Invitation.objects.create(city=braga, email="late@example.org", invited_by=staff)
    UserFactory(email="late@example.org")
    response = client.post(
        _link(invitation),
        {"password1": "Braga-2020-plan!", "password2": "Braga-2020-plan!"},
    )
    assert response.status_code == 403
    _assert_signed_out(client)


@pytest.mark.parametrize(
    "opened",
    [force_login_without_records, sign_in_with_password_only],
    ids=["session-from-an-earlier-version", "password-only"],
)
def test_staff_session_that_did_not_pass_the_second_factor_reaches_no_staff_page(
    client, staff, opened
):
    for path in STAFF_PAGES:
        opened(client, staff)
        response = client.get(path)
        assert response.status_code == 302, path
        language = path[1:3]
        expected = f"/{language}/accounts/login/?next={path.replace('/', '%2F')}"
        assert response["Location"] == expected
        _assert_signed_out(client)


def test_staff_session_without_second_factor_cannot_reach_reports_or_personal_data(client, staff):
    for path in ["/en/reports/", "/en/accounts/data/download/", "/en/workspace/people/1/erase/"]:
        force_login_without_records(client, staff)
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/accounts/login/" in response["Location"], path
        _assert_signed_out(client)


def test_staff_sign_in_with_both_factors_reaches_the_staff_pages(client, db):
    staff = StaffFactory(email="admin@example.org", is_superuser=True)
    client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    for path in STAFF_PAGES:
        assert client.get(path).status_code == 200, path


def test_password_reset_signs_no_staff_member_in(client, staff):
    client.post("/en/accounts/password/reset/", {"email": staff.email})
    link = re.search(r"https?://[^/]+(/\S*/password/reset/key/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    new = "A-new-staff-pass-2020!"
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": new, "password2": new},
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password(new)
    _assert_signed_out(client)
    _assert_staff_pages_refused(client)


def test_email_confirmation_signs_no_staff_member_in(client, staff):
    address = EmailAddress.objects.get(user=staff)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    response = client.post(f"/en/accounts/confirm-email/{key}/")
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified
    _assert_signed_out(client)
    _assert_staff_pages_refused(client)


@pytest.mark.django_db(transaction=True)
def test_setting_up_the_second_factor_lets_new_staff_in(client):
    """New staff sign in with the password, set up TOTP (which proves a code), and go on."""
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    newcomer = UserFactory(email="new.staff@example.org", is_staff=True)
    client.post(LOGIN, {"login": newcomer.email, "password": PASSWORD})
    response = client.get("/en/workspace/")
    assert "/accounts/2fa/totp/activate/" in response["Location"]
    # allauth asks for the password again before a second factor is set up.
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    # allauth announces the new authenticator when its transaction commits, as in production.
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/en/workspace/").status_code == 200
