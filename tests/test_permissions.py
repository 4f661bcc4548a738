"""Every signed-in view against every kind of person: staff, officers of two cities, anonymous."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

WORKSPACE = "/en/workspace/"
INVITE_BRAGA = "/en/workspace/cities/braga/invite/"
ADMIN = "/en/admin/"


@pytest.fixture
def people(staff, braga_officer, braga_lead, turin_officer):
    return {
        "staff": staff,
        "braga_officer": braga_officer,
        "braga_lead": braga_lead,
        "turin_officer": turin_officer,
        "anonymous": None,
    }


EXPECTED = [
    # (path, person, status)
    (WORKSPACE, "anonymous", 302),
    (WORKSPACE, "braga_officer", 200),
    (WORKSPACE, "turin_officer", 200),
    (WORKSPACE, "staff", 200),
    (INVITE_BRAGA, "anonymous", 302),
    (INVITE_BRAGA, "braga_officer", 403),
    (INVITE_BRAGA, "braga_lead", 200),
    (INVITE_BRAGA, "turin_officer", 403),
    (INVITE_BRAGA, "staff", 200),
    (ADMIN, "anonymous", 302),
    (ADMIN, "braga_officer", 302),
    (ADMIN, "staff", 200),
]


@pytest.mark.parametrize(("path", "person", "status"), EXPECTED)
def test_access_matrix(client, people, path, person, status):
    if people[person]:
        client.force_login(people[person])
    response = client.get(path)
    assert response.status_code == status
    if status == 302 and person == "anonymous":
        assert "/login/" in response["Location"]


def test_officer_workspace_shows_only_their_own_city(client, braga_officer, turin):
    client.force_login(braga_officer)
    html = client.get(WORKSPACE).content.decode()
    assert "Braga" in html
    assert "Turin" not in html
    assert "/invite/" not in html


def test_staff_workspace_offers_to_invite_officers_to_every_city(client, staff, braga, turin):
    client.force_login(staff)
    html = client.get(WORKSPACE).content.decode()
    assert "/en/workspace/cities/braga/invite/" in html
    assert "/en/workspace/cities/turin/invite/" in html


def test_officer_cannot_invite_even_by_posting(client, braga_officer):
    from cities.models import Invitation

    client.force_login(braga_officer)
    response = client.post(INVITE_BRAGA, {"email": "friend@example.org", "role": "officer"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_forbidden_page_is_the_sites_own(client, braga_officer):
    client.force_login(braga_officer)
    html = client.get(INVITE_BRAGA).content.decode()
    assert "Access denied" in html


def test_invite_to_an_unknown_city_is_404_for_staff(client, staff):
    client.force_login(staff)
    assert client.get("/en/workspace/cities/atlantis/invite/").status_code == 404
