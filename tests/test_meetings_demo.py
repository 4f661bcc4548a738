"""The seed's meetings as demo data: idempotent, and attendance that gives the seed's figures."""

from __future__ import annotations

import pytest

from cities.models import City
from demo.meetings import meetings_demo_load
from meetings.models import AgendaItem, Decision, FollowUp, Meeting, Registration
from meetings.selectors import attendance_figures, open_followups_for_cities
from objectives.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo):
    cities = {city.slug: city for city in City.objects.all()}
    meetings_demo_load(cities=cities)
    return cities


def _counts():
    return [
        model.objects.count() for model in (Meeting, AgendaItem, Registration, Decision, FollowUp)
    ]


def test_loading_twice_creates_no_duplicates(loaded):
    before = _counts()
    meetings_demo_load(cities=loaded)
    assert _counts() == before
    assert before[0] == 5  # the seed's four, and one of 2027 open to guests


def test_attendance_gives_the_seeds_figures(loaded):
    figures = attendance_figures(meetings=Meeting.objects.all())
    toulouse = figures[Meeting.objects.get(slug="toulouse-policy-transfer-2019").pk]
    braga = figures[Meeting.objects.get(slug="braga-critical-friend-review-2019").pk]
    assert toulouse.by_kind["city_officer"] == 35
    assert toulouse.cities == 15
    assert toulouse.headline == "35 city officers from 15 European cities"
    assert braga.by_kind["local_expert"] == 22
    assert braga.cities == 12
    # Braga's local experts came as guests (no account), counted by their role category.
    experts = Registration.objects.filter(meeting__slug="braga-critical-friend-review-2019",
                                          guest_category="local_expert")  # fmt: skip
    assert experts.count() == 22 and set(experts.values_list("kind", flat=True)) == {"guest"}
    assert City.objects.count() == 16


def test_the_meeting_pages_show_the_figures_and_the_agenda(client, loaded):
    html = client.get("/en/meetings/toulouse-policy-transfer-2019/").content.decode()
    assert "35 city officers from 15 European cities" in html
    assert "Transfer workshop: housing pathways" in html
    html = client.get("/en/meetings/braga-critical-friend-review-2019/").content.decode()
    assert "24–26 September 2019" in html
    assert '<span class="figure-value">22</span> <span class="figure-label">local experts' in html
    assert '<span class="figure-value">12</span> <span class="figure-label">cities' in html
    assert "North Macedonia" in html
    html = client.get("/en/meetings/").content.decode()
    for slug in ("turin-policy-transfer-2020", "berlin-working-group-meeting-2020"):
        assert f"/en/meetings/{slug}/" in html


def test_each_meeting_carries_out_its_planned_activity(loaded):
    expected = {
        "turin-policy-transfer-2020": (2020, "turin", "policy_transfer"),
        "berlin-working-group-meeting-2020": (2020, "berlin", "working_group_meeting"),
        "toulouse-policy-transfer-2019": (2019, "toulouse", "policy_transfer"),
        "braga-critical-friend-review-2019": (2019, "braga", "critical_friend_review"),
    }
    for slug, (year, host, kind) in expected.items():
        meeting = Meeting.objects.select_related("activity__host_city").get(slug=slug)
        assert (meeting.activity.year, meeting.activity.host_city.slug, meeting.activity.kind) == (
            year,
            host,
            kind,
        )
        assert meeting.host_city.slug == host
    assert Activity.objects.filter(meetings__isnull=False).count() == 4


def test_demo_participants_are_roles_not_invented_people(loaded):
    names = list(Registration.objects.values_list("name", "email", "dietary_needs"))
    assert names
    for name, email, needs in names:
        assert email == "" and needs == ""
        assert ", " in name  # "Housing officer, City of Ghent"
    assert Registration.objects.filter(name="Housing officer, City of Ghent").exists()


def test_braga_follow_up_is_open_on_its_dashboard(loaded):
    followups = open_followups_for_cities(cities=[loaded["braga"]])
    assert "Braga reports on the progress of its local action plan for Roma inclusion" in [
        f.decision.title for f in followups
    ]
