"""What the workspace shows each kind of person, beyond the status codes: those (who may open
which page, who may post) are in the one matrix, tests/test_url_matrix.py."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

WORKSPACE = "/en/workspace/"
INVITE_BRAGA = "/en/workspace/cities/braga/invite/"


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


def test_forbidden_page_is_the_sites_own(client, braga_officer):
    client.force_login(braga_officer)
    html = client.get(INVITE_BRAGA).content.decode()
    assert "Access denied" in html


def test_invite_to_an_unknown_city_is_404_for_staff(client, staff):
    client.force_login(staff)
    assert client.get("/en/workspace/cities/atlantis/invite/").status_code == 404
