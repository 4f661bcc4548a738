"""Limits behind the TLS proxy production requires: counted per client address as the trusted
proxies report it (a client's own X-Forwarded-For ignored), per account *and* address for failed
sign-ins, and answered with 429."""

from __future__ import annotations

import pytest
from django.utils import timezone

from practices.models import Guideline

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
PROXY = "10.0.0.2"  # the proxy's own address: every request reaches the portal from it


def _sign_in(client, email: str, password: str, *, forwarded: str = ""):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN, {"login": email, "password": password}, **headers)


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_CLIENT_IP_HEADER = None


def test_failed_sign_ins_of_one_client_do_not_lock_out_the_others(
    client, braga_officer, turin_officer, behind_one_proxy
):
    for _ in range(5):
        assert (
            _sign_in(client, braga_officer.email, "wrong", forwarded="198.51.100.1").status_code
            == 200
        )
    refused = _sign_in(client, turin_officer.email, "wrong", forwarded="198.51.100.1")
    assert refused.status_code == 200  # another account from the same client: its own count

    other_client = _sign_in(client, turin_officer.email, PASSWORD, forwarded="198.51.100.2")
    assert other_client.status_code == 302
    assert client.session["_auth_user_id"] == str(turin_officer.pk)


def test_an_attacker_cannot_lock_an_account_for_its_owner(client, braga_officer, behind_one_proxy):
    for _ in range(6):
        _sign_in(client, braga_officer.email, "wrong", forwarded="203.0.113.66")
    limited = _sign_in(client, braga_officer.email, PASSWORD, forwarded="203.0.113.66")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Too many failed login attempts" in limited.content.decode()
    assert "_auth_user_id" not in client.session

    owner = _sign_in(client, braga_officer.email, PASSWORD, forwarded="198.51.100.7")
    assert owner.status_code == 302
    assert client.session["_auth_user_id"] == str(braga_officer.pk)


def test_a_spoofed_forwarded_address_does_not_escape_the_limit(
    client, braga_officer, behind_one_proxy
):
    # The proxy appends the address it saw; what the client wrote before it changes nothing.
    for n in range(6):
        _sign_in(client, braga_officer.email, "wrong", forwarded=f"192.0.2.{n}, 203.0.113.66")
    limited = _sign_in(client, braga_officer.email, PASSWORD, forwarded="1.1.1.1, 203.0.113.66")
    assert limited.status_code == 429


def test_without_trusted_proxies_a_clients_forwarded_header_is_ignored(client, braga_officer):
    for n in range(6):
        client.post(
            LOGIN,
            {"login": braga_officer.email, "password": "wrong"},
            REMOTE_ADDR="203.0.113.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    limited = client.post(
        LOGIN,
        {"login": braga_officer.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.66",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert limited.status_code == 429


def test_a_trusted_client_address_header_is_used_when_configured(client, braga_officer, settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(6):
        client.post(
            LOGIN,
            {"login": braga_officer.email, "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_REAL_IP="203.0.113.66",
        )
    owner = client.post(
        LOGIN,
        {"login": braga_officer.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_REAL_IP="198.51.100.7",
    )
    assert owner.status_code == 302


def test_malformed_forwarded_headers_are_no_error(client, braga_officer, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    for forwarded in ["", "not-an-address", "1.2.3.4", ", ,", "x" * 5000]:
        response = _sign_in(client, braga_officer.email, "wrong", forwarded=forwarded)
        assert response.status_code in (200, 429), forwarded


def test_report_requests_are_counted_per_client_behind_the_proxy(
    client, settings, behind_one_proxy
):
    settings.REPORT_REQUESTS_PER_ADDRESS = 2
    guideline = Guideline.objects.create(
        title="Inclusive schools", slug="inclusive-schools", topic="Education",
        status="published", published_at=timezone.now(),
    )  # fmt: skip
    data = {"kind": "guideline", "object_id": guideline.pk}

    def ask(forwarded: str):
        return client.post(
            "/en/reports/request/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
        )

    assert [ask("198.51.100.1").status_code for _ in range(3)][-1] == 429
    assert ask("9.9.9.9, 198.51.100.1").status_code == 429  # spoofing changes nothing
    assert ask("198.51.100.2").status_code == 303  # someone else behind the same proxy
