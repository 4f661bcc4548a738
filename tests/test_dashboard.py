"""The signed-in home is a task list: what needs the person now, counted, the late first, each
with the one action that does it; the officer's plans before the rest."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import time_machine

from actionplans.models import Finding, Milestone, ProgressUpdate, Review
from practices.models import PracticeStatus
from reports.models import Report

from .factories import ActionFactory, PlanFactory, PracticeFactory
from .meetings_factories import DecisionFactory, FollowUpFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)


def _groups(html: str) -> list[tuple[str, int]]:
    """The task groups in page order, with their counts."""
    found = re.findall(
        r'<h2 id="tasks-(\w+)-title">.*?<span class="task-count[^"]*">(\d+)</span>', html
    )
    return [(key, int(count)) for key, count in found]


@time_machine.travel(TODAY, tick=False)
def test_officer_sees_late_work_first_with_one_action_each(client, braga, braga_officer):
    braga_officer.first_name = "Ana"
    braga_officer.save()
    plan = PlanFactory(city=braga, title="Braga plan", status="implementation",
                       start_date=date(2019, 1, 1))  # fmt: skip
    action = ActionFactory(plan=plan)
    Milestone.objects.create(action=action, title="Mediators recruited", due_date=date(2020, 1, 1))
    ProgressUpdate.objects.create(
        plan=plan, period_label="2026 H2", period_start=date(2026, 7, 1),
        period_end=date(2026, 12, 31), narrative="Half-way", saved_by=braga_officer,
        saved_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
    )  # fmt: skip
    review = Review.objects.create(plan=plan, questions="How?")
    Finding.objects.create(review=review, section="overall", kind="finding", text="F1")
    Finding.objects.create(review=review, section="overall", kind="finding", text="F2")
    FollowUpFactory(
        decision=DecisionFactory(meeting=MeetingFactory(), title="Report to Turin",
                                 due_date=date(2026, 6, 30)),
        city=braga,
    )  # fmt: skip
    PracticeFactory(city=braga, title="Mediators", status=PracticeStatus.CHANGES_REQUESTED)

    client.force_login(braga_officer)
    html = client.get("/en/workspace/").content.decode()
    assert "Welcome, Ana" in html
    assert "braga@" not in html.split("</h1>")[0]
    # The officer's own plan comes before the tasks.
    assert html.index("Your action plans") < html.index('id="tasks-')
    groups = _groups(html)
    # Late work first: the overdue milestone and the overdue follow-up.
    assert groups[:2] == [("milestones", 1), ("followups", 1)]
    assert dict(groups)["updates"] == 1  # the draft, not a "due" line beside it
    assert dict(groups)["reviews"] == 1
    assert dict(groups)["practices"] == 1
    assert "Draft progress update for 2026 H2 — Braga plan" in html
    assert "Saved by Ana" in html
    assert "2 findings of the review of Braga plan await your response" in html
    assert "The staff asked for changes to “Mediators”" in html
    assert f'href="/en/workspace/updates/{plan.updates.get().pk}/edit/"' in html


@time_machine.travel(TODAY, tick=False)
def test_an_update_due_shows_when_there_is_no_draft(client, braga, braga_officer):
    plan = PlanFactory(city=braga, title="Braga plan", status="adopted",
                       start_date=date(2026, 1, 1))  # fmt: skip
    ProgressUpdate.objects.create(
        plan=plan, period_label="2026 H1", period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 20), narrative="N",
        submitted_at=datetime(2026, 7, 1, 10, tzinfo=UTC),
    )  # fmt: skip
    client.force_login(braga_officer)
    html = client.get("/en/workspace/").content.decode()
    assert "Progress update for Braga plan" in html
    assert "Due on 20 December 2026" in html
    assert f'href="/en/workspace/plans/{plan.pk}/updates/new/"' in html


@time_machine.travel(TODAY, tick=False)
def test_staff_see_the_networks_counts(client, staff, braga, turin):
    PracticeFactory(city=braga, title="Submitted one", status=PracticeStatus.SUBMITTED)
    PlanFactory(city=turin, status="implementation", start_date=date(2019, 1, 1))
    Report.objects.create(kind="guideline", object_id=1, language="en", requested_by=staff,
                          status=Report.Status.FAILED, error="The renderer stopped.")  # fmt: skip
    client.force_login(staff)
    html = client.get("/en/workspace/").content.decode()
    groups = dict(_groups(html))
    assert groups["practices"] == 1
    assert "“Submitted one” from Braga awaits review" in html
    assert "1 plan of the network is late with its progress update" in html
    assert "could not be produced" in html
    assert "Your action plans" not in html  # staff have the network's table instead


def test_nothing_to_do_says_so(client, braga_officer):
    client.force_login(braga_officer)
    html = client.get("/fr/workspace/").content.decode()
    assert "Rien ne vous attend aujourd'hui." in html or "Nothing needs you today." in html


def test_officers_tasks_are_kept_until_content_changes_and_follow_it_at_once(
    client, braga, braga_officer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plan = PlanFactory(city=braga, title="Braga plan")
    action = ActionFactory(plan=plan)
    client.force_login(braga_officer)
    assert "Mediators recruited" not in client.get("/en/workspace/").content.decode()
    with CaptureQueriesContext(connection) as kept:
        client.get("/en/workspace/")
    assert not any("actionplans_milestone" in q["sql"] for q in kept.captured_queries)

    Milestone.objects.create(action=action, title="Mediators recruited", due_date=date(2020, 1, 1))
    assert "Mediators recruited" in client.get("/en/workspace/").content.decode()
    braga_officer.first_name = "Renamed"
    braga_officer.save()
    ProgressUpdate.objects.create(
        plan=plan, period_label="2026 H2", period_start=date(2026, 7, 1),
        period_end=date(2026, 12, 31), narrative="Half-way", saved_by=braga_officer,
        saved_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
    )  # fmt: skip
    assert "Saved by Renamed" in client.get("/en/workspace/").content.decode()
    braga_officer.first_name = "Again"
    braga_officer.save()  # a person's name, shown in a task: a change of its own
    assert "Saved by Again" in client.get("/en/workspace/").content.decode()


def test_a_meeting_leaves_the_tasks_when_its_registration_closes(client, braga, braga_officer):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    MeetingFactory(
        title="Closing soon", host_city=braga, registration_deadline=now + timedelta(minutes=5),
        starts_at=now + timedelta(days=10), ends_at=now + timedelta(days=11),
    )  # fmt: skip
    client.force_login(braga_officer)
    with time_machine.travel(now, tick=False):
        assert "Closing soon" in client.get("/en/workspace/").content.decode()
    with time_machine.travel(now + timedelta(minutes=6), tick=False):
        assert "Closing soon" not in client.get("/en/workspace/").content.decode()


def test_a_failed_report_shows_at_once(client, braga, braga_officer):
    client.force_login(braga_officer)
    client.get("/en/workspace/")
    Report.objects.create(
        kind="guideline", object_id=1, language="en", requested_by=braga_officer,
        status=Report.Status.FAILED, error="The renderer stopped.", title="Guideline",
    )  # fmt: skip
    Report.objects.filter(requested_by=braga_officer).update(error="Stopped again.")
    assert "Stopped again." in client.get("/en/workspace/").content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_plan_page_lists_its_drafts_and_follows_every_change(client, braga, braga_officer):
    """The drafts are a kept part of the plan page: a new draft, a renamed author and a
    submitted draft show at once."""
    braga_officer.first_name = "Ana"
    braga_officer.save()
    plan = PlanFactory(city=braga, title="Braga plan", status="implementation")
    url = f"/en/workspace/plans/{plan.pk}/"
    client.force_login(braga_officer)
    assert "Draft progress update" not in client.get(url).content.decode()

    draft = ProgressUpdate.objects.create(
        plan=plan, period_label="2026 H2", period_start=date(2026, 7, 1),
        period_end=date(2026, 12, 31), narrative="Half-way", saved_by=braga_officer,
        saved_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
    )  # fmt: skip
    html = client.get(url).content.decode()
    assert "Draft progress update for 2026 H2" in html and "Saved by Ana" in html

    braga_officer.first_name = "Ana Maria"
    braga_officer.save()
    assert "Saved by Ana Maria" in client.get(url).content.decode()

    draft.submitted_at = datetime(2026, 11, 30, 9, tzinfo=UTC)
    draft.save()
    assert "Draft progress update" not in client.get(url).content.decode()


def test_the_officers_plan_cards_follow_every_change(client, braga, braga_officer):
    """The cards are kept between visits: a renamed plan, a new one and a city's new name show
    at once."""
    plan = PlanFactory(city=braga, title="Braga plan")
    client.force_login(braga_officer)
    assert "Braga plan" in client.get("/en/workspace/").content.decode()

    plan.title = "Braga plan, renamed"
    plan.save()
    PlanFactory(city=braga, title="Second Braga plan")
    html = client.get("/en/workspace/").content.decode()
    assert "Braga plan, renamed" in html and "Second Braga plan" in html

    braga.names = {"en": "Braga (PT)"}
    braga.save()
    assert "Braga (PT)" in client.get("/en/workspace/").content.decode()


@time_machine.travel(TODAY, tick=False)
def test_late_work_is_marked_in_the_readers_language(client, braga, braga_officer):
    action = ActionFactory(plan=PlanFactory(city=braga, title="Braga plan"))
    Milestone.objects.create(action=action, title="Mediators recruited", due_date=date(2020, 1, 1))
    client.force_login(braga_officer)
    html = client.get("/fr/workspace/").content.decode()
    assert '<span class="badge badge-cancelled">En retard</span>' in html
    assert ">Late<" not in html


def test_kept_cities_and_to_dos_follow_a_membership_at_once(client, braga, turin, braga_officer):
    from cities.models import CityMembership

    PlanFactory(city=turin, title="Turin housing plan")
    client.force_login(braga_officer)
    html = client.get("/en/workspace/").content.decode()
    assert "Turin housing plan" not in html
    assert client.get("/en/workspace/").status_code == 200  # read from the kept parts

    CityMembership.objects.create(city=turin, user=braga_officer)
    html = client.get("/en/workspace/").content.decode()
    assert "Turin housing plan" in html and "Turin" in html

    CityMembership.objects.filter(city=turin, user=braga_officer).delete()
    html = client.get("/en/workspace/").content.decode()
    assert "Turin housing plan" not in html
