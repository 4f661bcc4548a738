"""The year's work accounted for: activities' states derived from their evidence and dates,
achievements' figures counted from the records, pledges, the list of years."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from cities.models import Commitment, Pledge
from meetings.models import Registration
from objectives.evidence import (
    ObjectiveState,
    State,
    figure_values,
    link_evidence,
    progress_for,
    work_plan_progress,
)
from objectives.models import Activity, Evidence
from objectives.selectors import work_plan_for_year

from .factories import (
    AchievementFactory,
    ActivityFactory,
    CityFactory,
    FigureFactory,
    ObjectiveFactory,
    PlanFactory,
    WorkPlanFactory,
)
from .meetings_factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _state(activity: Activity, day: date) -> str:
    return progress_for([activity], today=day)[activity.pk].state


def _meeting(activity, start: date, **kwargs):
    starts = datetime(start.year, start.month, start.day, 9, tzinfo=UTC)
    return MeetingFactory(
        activity=activity,
        starts_at=starts,
        ends_at=starts.replace(hour=17),
        **kwargs,
    )


def test_an_activity_state_follows_its_dates_and_evidence_over_the_year():
    spring = ActivityFactory(season="spring", objective__work_plan__year=2020)
    assert _state(spring, date(2020, 2, 1)) == State.PLANNED
    assert _state(spring, date(2020, 4, 1)) == State.IN_PROGRESS  # its season runs
    assert _state(spring, date(2020, 7, 1)) == State.OVERDUE  # nothing to show after spring

    meeting = _meeting(spring, date(2020, 4, 21))
    assert _state(spring, date(2020, 4, 1)) == State.IN_PROGRESS  # the meeting is still to come
    with time_machine.travel(date(2020, 4, 23), tick=False):
        progress = progress_for([spring])[spring.pk]
    assert progress.state == State.DONE and progress.staff_label == "Held"
    assert progress.public_items[0].title == meeting.title

    spring.is_cancelled = True
    spring.save()
    assert _state(spring, date(2020, 7, 1)) == State.CANCELLED


def test_an_overdue_activity_says_so_to_staff_only():
    activity = ActivityFactory(kind=Activity.Kind.ADVOCACY, objective__work_plan__year=2020)
    progress = progress_for([activity], today=date(2021, 2, 1))[activity.pk]
    assert progress.state == State.OVERDUE
    assert progress.staff_label == "Overdue" and progress.public_label == "No record yet"


def test_deleting_evidence_updates_the_derived_state(client):
    activity = ActivityFactory(kind=Activity.Kind.PROGRESS_REPORT, objective__work_plan__year=2020)
    plan = PlanFactory(status="adopted", is_public=True)
    link = link_evidence(activity=activity, record=plan, by=None)
    assert link_evidence(activity=activity, record=plan, by=None) == link  # linked once
    assert _state(activity, date(2021, 1, 5)) == State.DONE
    Evidence.objects.filter(pk=link.pk).delete()
    assert _state(activity, date(2021, 1, 5)) == State.OVERDUE


def test_a_deleted_record_no_longer_counts_as_evidence():
    activity = ActivityFactory(kind=Activity.Kind.PROGRESS_REPORT, objective__work_plan__year=2020)
    plan = PlanFactory(status="adopted")
    link_evidence(activity=activity, record=plan, by=None)
    plan.delete()
    assert _state(activity, date(2021, 1, 5)) == State.OVERDUE


def test_private_evidence_shows_to_the_public_only_as_a_count(client):
    activity = ActivityFactory(
        kind=Activity.Kind.ACTION_PLAN_DRAFTING, objective__work_plan__year=2020
    )
    link_evidence(activity=activity, record=PlanFactory(title="Secret draft of Ghent"), by=None)
    link_evidence(
        activity=activity,
        record=PlanFactory(title="Open plan of Turin", is_public=True, status="adopted"),
        by=None,
    )
    html = client.get("/en/work-plans/2020/").content.decode()
    assert "Secret draft of Ghent" not in html
    assert "1 action plan, not public" in html
    assert "Open plan of Turin" in html


def test_an_objective_progress_is_computed_from_its_activities():
    objective = ObjectiveFactory(work_plan__year=2020)
    held = ActivityFactory(objective=objective, season="spring")
    later = ActivityFactory(objective=objective, season="autumn")
    ActivityFactory(objective=objective, is_cancelled=True)

    (before,) = work_plan_progress(work_plan_for_year(year=2020), today=date(2020, 1, 10))
    assert before.state == ObjectiveState.NOT_STARTED
    _meeting(held, date(2020, 4, 2))  # a meeting being prepared: the work is under way
    (planned,) = work_plan_progress(work_plan_for_year(year=2020), today=date(2020, 1, 10))
    assert planned.state == ObjectiveState.IN_PROGRESS
    (middle,) = work_plan_progress(work_plan_for_year(year=2020), today=date(2020, 6, 1))
    assert middle.state == ObjectiveState.IN_PROGRESS
    assert middle.summary == "1 of 2 activities done"  # the cancelled one does not count
    _meeting(later, date(2020, 10, 5))
    (after,) = work_plan_progress(work_plan_for_year(year=2020), today=date(2020, 12, 1))
    assert after.state == ObjectiveState.DONE


def test_figures_are_counted_from_attendance_and_small_counts_of_people_are_hidden():
    activity = ActivityFactory(objective__work_plan__year=2019)
    meeting = _meeting(activity, date(2019, 3, 26))
    lisbon, porto = CityFactory(), CityFactory()
    for city in [lisbon] * 8 + [porto] * 4:
        RegistrationFactory(meeting=meeting, city=city, attended=True,
                            kind=Registration.Kind.CITY_OFFICER)  # fmt: skip
    RegistrationFactory(meeting=meeting, city=porto, attended=False)
    RegistrationFactory(meeting=meeting, attended=True, kind=Registration.Kind.LOCAL_EXPERT)
    achievement = AchievementFactory(narrative="{officers} officers, {experts} experts, {cities}")
    officers = FigureFactory(achievement=achievement, key="officers", measure="attendees",
                             parameter="city_officer", activity=activity)  # fmt: skip
    experts = FigureFactory(achievement=achievement, key="experts", measure="attendees",
                            parameter="local_expert", activity=activity)  # fmt: skip
    cities = FigureFactory(achievement=achievement, key="cities", measure="attending_cities",
                           activity=activity)  # fmt: skip
    values = figure_values([officers, experts, cities])
    assert values[officers.pk].value == 12 and values[officers.pk].shown == "12"
    assert values[experts.pk].value == 1 and values[experts.pk].shown == "fewer than 10"
    assert values[cities.pk].value == 3  # Lisbon, Porto and the expert's city


def test_unticking_an_attendee_changes_the_achievements_page_and_the_pdf(
    client, demo, staff, eager_tasks, django_capture_on_commit_callbacks
):
    from .reports_helpers import download, pdf_text

    html = client.get("/en/achievements/2019/").content.decode()
    assert "35 city officers from 15 European cities" in html
    client.force_login(staff)
    before = pdf_text(
        download(client, _work_plan_report(client, django_capture_on_commit_callbacks))
    )
    assert "35" in before and "city officers" in before

    attendee = Registration.objects.filter(
        meeting__slug="toulouse-policy-transfer-2019", attended=True, kind="city_officer"
    ).first()
    attendee.attended = False
    attendee.save()

    client.logout()
    html = client.get("/en/achievements/2019/").content.decode()
    assert "34 city officers from" in html and "35 city officers" not in html
    client.force_login(staff)
    after = pdf_text(
        download(client, _work_plan_report(client, django_capture_on_commit_callbacks))
    )
    assert "34" in after and "35 city officers" not in after


def _work_plan_report(client, capture):
    from reports.models import Report

    from .reports_helpers import request_report

    report = request_report(client, capture, kind="work_plan", year=2020)
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error
    return report


def test_pledges_are_records_counted_by_the_figure_and_shown_on_city_pages(client):
    commitment = Commitment.objects.create(
        framework="European Pillar of Social Rights", title="Principle 3: equal opportunities"
    )
    ghent, turin, other = CityFactory(name="Ghent"), CityFactory(name="Turin"), CityFactory()
    for city in (ghent, turin):
        Pledge.objects.create(
            city=city, commitment=commitment, year=2019, statement="We commit.",
            source_url="https://example.org/p",
        )  # fmt: skip
    figure = FigureFactory(key="figure", measure="pledging_cities", commitment=commitment,
                           achievement__narrative="{figure} cities pledged")  # fmt: skip
    assert figure_values([figure])[figure.pk].value == 2

    page = client.get(f"/en/cities/{ghent.slug}/").content.decode()
    assert "Principle 3: equal opportunities" in page and "We commit." in page
    assert "No pledges are recorded" in client.get(f"/en/cities/{other.slug}/").content.decode()

    directory = client.get("/en/cities/?pledged=1").content.decode()
    assert "Ghent" in directory and "Turin" in directory and other.name not in directory
    assert other.name in client.get("/en/cities/").content.decode()
    assert client.get("/en/cities/?pledged=%00").status_code == 200  # junk ignored

    achievements = client.get(f"/en/achievements/{figure.achievement.year}/").content.decode()
    assert "2 cities pledged" in achievements and "Ghent" in achievements


def test_the_demo_holds_the_seeds_seven_pledges(demo):
    assert Pledge.objects.filter(commitment__title__contains="Principle 3").count() == 7


def test_work_plans_lists_every_published_year_and_hides_drafts(client):
    WorkPlanFactory(year=2020)
    WorkPlanFactory(year=2021, is_published=False, introduction="Draft for next year")
    html = client.get("/en/work-plans/").content.decode()
    assert "Work plan 2020" in html and "Work plan 2021" not in html
    assert client.get("/en/work-plans/2021/").status_code == 404


def test_the_2019_meetings_link_to_the_achievements_not_to_a_missing_work_plan(client, demo):
    html = client.get("/en/meetings/toulouse-policy-transfer-2019/").content.decode()
    assert "/en/work-plans/2019/" not in html
    assert 'href="/en/achievements/2019/"' in html
    html = client.get("/en/meetings/turin-policy-transfer-2020/").content.decode()
    assert 'href="/en/work-plans/2020/#objective-1"' in html


def test_the_demo_years_states_come_from_its_records(client, demo):
    """Turin and Berlin took place: their activities are held, not "Planned"; the Braga report
    links Braga's plan and its update; the five replicating plans are counted, not named."""
    with time_machine.travel(date(2026, 12, 1), tick=False):
        html = client.get("/en/work-plans/2020/").content.decode()
    assert "Planned" not in html
    assert html.count(">Held<") == 2
    assert "Integrated Plan of Action for Disadvantaged Communities" in html
    assert "5 action plans, not public" in html


def test_saf_strategy_is_not_expanded():
    from demo import seed

    assert seed.PRIORITY_FRAMEWORK == "SAF strategy"


def test_staff_dashboard_lists_the_activities_with_no_record(client, demo):
    from django.contrib.auth import get_user_model

    people = get_user_model().objects
    client.force_login(people.get(email="staff@example.org"))
    html = client.get("/en/workspace/").content.decode()
    assert "4 activities of the 2020 work plan have no record of being done" in html
    assert "Advocate for a Roma strategy post-2020" in html
    client.force_login(people.get(email="braga@example.org"))
    assert "no record of being done" not in client.get("/en/workspace/").content.decode()


def test_the_list_of_years_reads_evidence_once_whatever_the_number_of_plans(
    client, django_assert_max_num_queries
):
    for year in (2019, 2020):
        ActivityFactory(objective__work_plan__year=year, season="spring")
    with django_assert_max_num_queries(40) as first:
        assert client.get("/en/work-plans/").status_code == 200
    for year in (2021, 2022, 2023):
        ActivityFactory(objective__work_plan__year=year, season="spring")
    with django_assert_max_num_queries(len(first.captured_queries)):
        html = client.get("/en/work-plans/").content.decode()
    assert "Work plan 2023" in html
