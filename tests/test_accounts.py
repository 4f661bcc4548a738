from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cities.models import CityMembership, Invitation, OfficerRole

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def test_demo_accounts_sign_in_with_the_demo_password(client, demo, settings):
    for email in ["braga@example.org", "turin@example.org"]:
        client.logout()
        response = client.post(LOGIN, {"login": email, "password": settings.DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert response["Location"] == "/en/workspace/"
    # Staff give their second factor next.
    client.logout()
    response = client.post(
        LOGIN, {"login": "staff@example.org", "password": settings.DEMO_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"


def test_wrong_password_is_refused_with_a_message(client, braga_officer):
    response = client.post(LOGIN, {"login": braga_officer.email, "password": "wrong"})
    assert "_auth_user_id" not in client.session
    assert "not correct" in response.content.decode()


def test_repeated_failed_sign_ins_are_rate_limited(client, braga_officer):
    for _ in range(6):
        response = client.post(LOGIN, {"login": braga_officer.email, "password": "wrong"})
    assert "Too many failed login attempts" in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(LOGIN, {"login": braga_officer.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_there_is_no_open_sign_up(client):
    response = client.get("/en/accounts/signup/")
    assert "Sign Up Closed" in response.content.decode()
    client.post(
        "/en/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "x-Long-pass-123",
            "password2": "x-Long-pass-123",
        },
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_password_reset_sends_a_link(client, braga_officer):
    response = client.post("/en/accounts/password/reset/", {"email": braga_officer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_staff_invitation_lets_the_person_set_a_password_and_join_the_city(
    client, staff, braga, django_capture_on_commit_callbacks, eager_tasks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/workspace/cities/braga/invite/",
            {"email": "New.Officer@Example.org", "role": "lead"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.officer@example.org"
    assert len(mail.outbox) == 1
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/accounts/invitation/" in line
    )
    path = link.split("testserver", 1)[-1] if "testserver" in link else link.split("8000", 1)[-1]

    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(
        path,
        {
            "first_name": "Ana",
            "last_name": "Silva",
            "password1": "Braga-2020-plan!",
            "password2": "Braga-2020-plan!",
        },
    )
    assert response.status_code == 302
    membership = CityMembership.objects.get(user__email="new.officer@example.org")
    assert (membership.city, membership.role) == (braga, OfficerRole.LEAD)
    assert client.get("/en/workspace/").status_code == 200

    # The link works once.
    client.logout()
    assert client.get(path).status_code == 410
    assert (
        client.post(
            LOGIN, {"login": "new.officer@example.org", "password": "Braga-2020-plan!"}
        ).status_code
        == 302
    )


def test_invitation_form_explains_mismatched_passwords_and_keeps_the_names(client, staff, braga):
    invitation = Invitation.objects.create(city=braga, email="x@example.org", invited_by=staff)
    response = client.post(
        f"/en/accounts/invitation/{invitation.token}/",
        {"first_name": "Ana", "password1": "Braga-2020-plan!", "password2": "other-Pass-2020"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The two passwords differ." in html
    assert 'value="Ana"' in html
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_expired_or_unknown_invitations_are_refused(client, staff, braga):
    invitation = Invitation.objects.create(
        city=braga,
        email="x@example.org",
        invited_by=staff,
        expires_at=timezone.now() - timedelta(days=1),
    )
    assert client.get(f"/en/accounts/invitation/{invitation.token}/").status_code == 410
    assert client.get("/en/accounts/invitation/not-a-token/").status_code == 404


def test_inviting_an_existing_officer_again_is_refused_with_a_message(client, staff, braga_officer):
    client.force_login(staff)
    response = client.post(
        "/en/workspace/cities/braga/invite/", {"email": braga_officer.email, "role": "officer"}
    )
    assert response.status_code == 400
    assert "already an officer of Braga" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_with_a_bad_email_is_refused_next_to_the_field(client, staff, braga):
    client.force_login(staff)
    response = client.post(
        "/en/workspace/cities/braga/invite/", {"email": "not-an-email", "role": "x"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert 'aria-invalid="true"' in html


def test_admin_sign_in_goes_through_the_portal_sign_in(client):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_unverified_address_gets_a_verification_email_at_sign_in(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(email="fresh@example.org", password=PASSWORD)
    response = client.post(LOGIN, {"login": "fresh@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, db):
    from .factories import UserFactory

    newcomer = UserFactory(email="new.staff@example.org", is_staff=True)
    client.force_login(newcomer)
    for path in ["/en/workspace/", "/fr/workspace/plans/", "/en/admin/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/accounts/2fa/totp/activate/" in response["Location"]
    # The set-up page stays reachable (allauth first confirms the password).
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 302 and "/accounts/reauthenticate/" in response["Location"]


def test_officers_are_not_asked_for_a_second_factor(client, braga_officer):
    client.force_login(braga_officer)
    assert client.get("/en/workspace/").status_code == 200


def test_staff_sign_in_asks_for_the_authenticator_code(client, staff):
    from .browser import totp_code
    from .factories import TOTP_SECRET

    response = client.post(LOGIN, {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session
    response = client.post(response["Location"], {"code": "123456"})
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/en/workspace/").status_code == 200


def test_signing_in_starts_a_new_session(client, braga_officer, settings):
    session = client.session
    session["probe"] = "x"
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    before = session.session_key
    client.post(LOGIN, {"login": braga_officer.email, "password": PASSWORD})
    assert client.session.session_key not in (None, before)
    assert client.session["_auth_user_id"] == str(braga_officer.pk)


def test_the_session_of_a_deactivated_person_ends(client, braga_officer):
    client.force_login(braga_officer)
    assert client.get("/en/workspace/").status_code == 200
    braga_officer.is_active = False
    braga_officer.save()
    response = client.get("/en/workspace/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_signing_in_and_out_clears_what_the_browser_kept(client, demo, settings):
    response = client.post(
        LOGIN, {"login": "braga@example.org", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'
    assert "Clear-Site-Data" not in client.get("/en/workspace/")
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get("/en/")
