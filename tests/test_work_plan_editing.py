"""Staff edit the network's year in the workspace: work plans (draft, then published), objectives,
activities and their evidence, advocacy outputs, achievements with their figures, and pledges."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client

from cities.models import Commitment, Pledge
from objectives import services
from objectives.models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    Evidence,
    NetworkPriority,
    Objective,
    Stakeholder,
    StrategicObjective,
    WorkPlan,
)

from .editing import changed, form_as_shown, form_as_shown_in
from .factories import (
    AchievementFactory,
    ActivityFactory,
    FigureFactory,
    ObjectiveFactory,
    WorkPlanFactory,
)
from .sessions import sign_in_with_password_only

pytestmark = pytest.mark.django_db

TODAY = date(2020, 6, 15)
LIST = "/en/workspace/work-plans/"


@pytest.fixture
def plan(braga):
    """The published 2020 plan: objective 1 with activities in each state, objective 2 empty."""
    plan = WorkPlanFactory(year=2020, is_published=True, introduction="The 2020 plan.")
    strategic = StrategicObjective.objects.create(code="1.1", title="Quality education")
    plan.strategic_objectives.add(strategic)
    plan.contacts.create(role="Lead of the working group", organisation="City of Ghent", order=0)
    priority = NetworkPriority.objects.create(title="A good start in life")
    first = ObjectiveFactory(
        work_plan=plan, number=1, title="Fewer early school leavers", priority=priority,
        description="Why it matters.",
    )  # fmt: skip
    first.strategic_objectives.add(strategic)
    ObjectiveFactory(work_plan=plan, number=2, title="Housing")
    return plan


@pytest.fixture
def activities(plan, braga):
    objective = plan.objectives.get(number=1)
    planned = ActivityFactory(
        objective=objective, title="Autumn transfer", season="autumn", host_city=braga,
        kind=Activity.Kind.ADVOCACY,
    )  # fmt: skip
    overdue = ActivityFactory(
        objective=objective, title="Spring review", season="spring",
        start_date=date(2020, 3, 2), end_date=date(2020, 3, 4),
    )  # fmt: skip
    cancelled = ActivityFactory(objective=objective, title="Dropped visit", is_cancelled=True)
    done = ActivityFactory(objective=objective, title="Position paper", kind="advocacy")
    AdvocacyAction.objects.create(
        year=2020, kind="contribution", title="Paper sent", date=date(2020, 2, 1), activity=done
    )
    planned.participating_cities.add(braga)
    return {"planned": planned, "overdue": overdue, "cancelled": cancelled, "done": done}


def _post_form(client: Client, url: str, **values):
    """Submit the form at ``url`` as shown, with some fields changed."""
    return client.post(url, changed(form_as_shown(client, url), **values))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Who may edit -----------------------------------------------------------------------------


def _pages(plan, activities) -> list[str]:
    objective = plan.objectives.get(number=1)
    activity = activities["planned"]
    achievement = AchievementFactory(year=2020)
    figure = FigureFactory(achievement=achievement)
    return [
        LIST,
        "/en/workspace/work-plans/2020/",
        "/en/workspace/work-plans/2020/edit/",
        "/en/workspace/work-plans/2020/preview/",
        "/en/workspace/work-plans/2020/history/",
        "/en/workspace/work-plans/2020/objectives/new/",
        f"/en/workspace/work-plans/objectives/{objective.pk}/edit/",
        f"/en/workspace/work-plans/objectives/{objective.pk}/activities/new/",
        f"/en/workspace/work-plans/activities/{activity.pk}/edit/",
        f"/en/workspace/work-plans/activities/{activity.pk}/evidence/",
        "/en/workspace/work-plans/2020/achievements/",
        "/en/workspace/work-plans/2020/achievements/new/",
        f"/en/workspace/work-plans/achievements/{achievement.pk}/edit/",
        f"/en/workspace/work-plans/achievements/{achievement.pk}/figures/new/",
        f"/en/workspace/work-plans/figures/{figure.pk}/edit/",
        "/en/workspace/work-plans/2020/advocacy/new/",
        "/en/workspace/pledges/",
        "/en/workspace/pledges/new/",
        "/en/workspace/pledges/commitments/new/",
    ]


def test_only_staff_open_the_year_editor(plan, activities, staff, braga_officer):
    staff_client, officer, anonymous = Client(), Client(), Client()
    staff_client.force_login(staff)
    officer.force_login(braga_officer)
    for path in _pages(plan, activities):
        assert staff_client.get(path).status_code == 200, path
        assert officer.get(path).status_code == 403, path
        response = anonymous.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/en/accounts/login/"), path


def test_officers_cannot_start_publish_or_delete(plan, activities, braga_officer):
    officer, anonymous = Client(), Client()
    officer.force_login(braga_officer)
    for path in [
        f"{LIST}start-next/",
        f"{LIST}2020/publish/",
        f"{LIST}activities/{activities['planned'].pk}/delete/",
    ]:
        assert officer.post(path).status_code == 403, path
        assert anonymous.post(path)["Location"].startswith("/en/accounts/login/"), path
    assert WorkPlan.objects.count() == 1
    assert Activity.objects.filter(pk=activities["planned"].pk).exists()


def test_a_staff_session_without_the_second_factor_is_sent_back(plan, staff):
    client = Client()
    sign_in_with_password_only(client, staff)
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_the_workspace_and_the_public_page_lead_staff_to_the_editor(plan, staff_client):
    assert 'href="/en/workspace/work-plans/"' in staff_client.get("/en/workspace/").content.decode()
    public = staff_client.get("/en/work-plans/2020/").content.decode()
    assert "Edit this year" in public
    assert 'href="/en/workspace/work-plans/2020/"' in public
    assert "Edit this year" not in Client().get("/en/work-plans/2020/").content.decode()


# --- Starting the next year and publishing it ---------------------------------------------------


@time_machine.travel(TODAY, tick=False)
def test_the_next_year_copies_the_objectives_and_only_the_open_activities(
    plan, activities, staff_client, staff
):
    response = staff_client.post(f"{LIST}start-next/")
    assert response.status_code == 302
    assert response["Location"] == "/en/workspace/work-plans/2021/"
    draft = WorkPlan.objects.get(year=2021)
    assert not draft.is_published and draft.published_at is None
    assert list(draft.strategic_objectives.values_list("code", flat=True)) == ["1.1"]
    assert [(o.number, o.title) for o in draft.objectives.order_by("number")] == [
        (1, "Fewer early school leavers"),
        (2, "Housing"),
    ]
    first = draft.objectives.get(number=1)
    assert first.priority.title == "A good start in life"
    assert first.description == "Why it matters."
    assert list(first.strategic_objectives.values_list("code", flat=True)) == ["1.1"]
    copied = {a.title: a for a in Activity.objects.filter(objective__work_plan=draft)}
    # Planned and overdue go on; the cancelled one and the one its evidence shows done stay.
    assert sorted(copied) == ["Autumn transfer", "Spring review"]
    review = copied["Spring review"]
    assert review.year == 2021 and review.start_date is None and review.end_date is None
    assert review.season == "spring"
    assert list(copied["Autumn transfer"].participating_cities.values_list("slug", flat=True)) == [
        "braga"
    ]
    # The 2020 plan keeps its activities.
    assert Activity.objects.filter(objective__work_plan=plan).count() == 4
    assert WorkPlan.history.filter(year=2021).first().history_user == staff


@time_machine.travel(TODAY, tick=False)
def test_a_second_start_of_the_same_year_is_refused(plan, activities, staff_client):
    assert staff_client.post(f"{LIST}start-next/").status_code == 302
    again = staff_client.post(f"{LIST}start-next/")
    assert again.status_code == 400
    assert "A work plan for 2021 already exists" in again.content.decode()
    assert WorkPlan.objects.count() == 2
    assert Objective.objects.filter(work_plan__year=2021).count() == 2


@time_machine.travel(TODAY, tick=False)
def test_two_starts_at_once_make_one_plan(plan, activities, staff, monkeypatch):
    """The other request creates the year between this one's check and its insert: the unique
    year refuses the second, with the same message, and nothing half-made stays."""
    real = services._open_activities

    def meanwhile(source):
        WorkPlan.objects.create(year=2021)
        return real(source)

    monkeypatch.setattr(services, "_open_activities", meanwhile)
    with pytest.raises(ValidationError, match="already exists"):
        services.work_plan_start_next(by=staff)
    assert WorkPlan.objects.filter(year=2021).count() == 1
    assert not Objective.objects.filter(work_plan__year=2021).exists()


@time_machine.travel(TODAY, tick=False)
def test_a_draft_is_not_public_until_it_is_published(plan, activities, staff_client):
    staff_client.post(f"{LIST}start-next/")
    anonymous = Client()
    assert anonymous.get("/en/work-plans/2021/").status_code == 404
    assert staff_client.get("/en/work-plans/2021/").status_code == 404
    assert "/en/work-plans/2021/" not in anonymous.get("/en/work-plans/").content.decode()
    # The draft's copy of an activity hosted by Braga is not on Braga's page either.
    braga_page = anonymous.get("/en/cities/braga/").content.decode()
    assert braga_page.count("Autumn transfer") == 1

    listing = staff_client.get(LIST).content.decode()
    assert "Draft" in listing and "Publish" in listing
    preview = staff_client.get(f"{LIST}2021/preview/")
    assert preview.status_code == 200
    assert "Preview of a draft" in preview.content.decode()

    published = staff_client.post(f"{LIST}2021/publish/")
    assert published.status_code == 302
    draft = WorkPlan.objects.get(year=2021)
    assert draft.is_published and draft.published_at is not None
    assert anonymous.get("/en/work-plans/2021/").status_code == 200

    again = staff_client.post(f"{LIST}2021/publish/")
    assert again.status_code == 400
    assert "already published" in again.content.decode()


# --- Editing, and refusing a stale save ------------------------------------------------------


def test_staff_edit_the_plan_its_objectives_and_activities(plan, activities, staff_client, braga):
    saved = _post_form(
        staff_client,
        f"{LIST}2020/edit/",
        introduction="A new introduction.",
        contacts="Coordinator; Eurocities; coordinator@example.org\nLead city; City of Ghent",
    )
    assert saved.status_code == 302
    plan.refresh_from_db()
    assert plan.introduction == "A new introduction."
    assert [(c.role, c.organisation, c.email) for c in plan.contacts.all()] == [
        ("Coordinator", "Eurocities", "coordinator@example.org"),
        ("Lead city", "City of Ghent", ""),
    ]

    bad = _post_form(staff_client, f"{LIST}2020/edit/", contacts="Only a role")
    assert bad.status_code == 400
    assert "Line 1: write the role and the organisation" in bad.content.decode()

    added = _post_form(staff_client, f"{LIST}2020/objectives/new/", number="3", title="Employment")
    assert added.status_code == 302
    objective = plan.objectives.get(number=3)
    taken = _post_form(staff_client, f"{LIST}2020/objectives/new/", number="1", title="Twice")
    assert taken.status_code == 400
    assert "Another objective of this plan has this number." in taken.content.decode()

    new_activity = _post_form(
        staff_client,
        f"{LIST}objectives/{objective.pk}/activities/new/",
        kind="working_group_meeting",
        title="Jobs workshop",
        host_city=str(braga.pk),
        start_date="2020-10-05",
        end_date="2020-10-06",
    )
    assert new_activity.status_code == 302
    activity = objective.activities.get()
    assert (activity.year, activity.start_date) == (2020, date(2020, 10, 5))

    wrong_year = _post_form(
        staff_client,
        f"{LIST}activities/{activity.pk}/edit/",
        start_date="2021-01-05",
        end_date="2021-01-06",
    )
    assert wrong_year.status_code == 400
    assert "The start date must fall in the year." in wrong_year.content.decode()

    cancel = _post_form(staff_client, f"{LIST}activities/{activity.pk}/edit/", is_cancelled="on")
    assert cancel.status_code == 302
    activity.refresh_from_db()
    assert activity.is_cancelled


def test_a_stale_save_is_refused_and_shows_both_values(plan, activities, staff):
    url = f"{LIST}activities/{activities['planned'].pk}/edit/"
    first, second = Client(), Client()
    first.force_login(staff)
    second.force_login(staff)
    opened_first, opened_second = form_as_shown(first, url), form_as_shown(second, url)
    assert first.post(url, changed(opened_first, description="First words")).status_code == 302
    stale = second.post(url, changed(opened_second, description="Second words"))
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "Someone else saved this while you were editing" in html
    assert "First words" in html and "Second words" in html
    activities["planned"].refresh_from_db()
    assert activities["planned"].description == "First words"


def test_a_save_without_its_edit_token_is_refused(plan, staff_client):
    url = f"{LIST}2020/edit/"
    response = staff_client.post(
        url, changed(form_as_shown(staff_client, url), introduction="X", edit_token="")
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.introduction == "The 2020 plan."


def test_deleting_keeps_what_has_records(plan, activities, staff_client):
    objective = plan.objectives.get(number=1)
    refused = staff_client.post(f"{LIST}objectives/{objective.pk}/delete/")
    assert refused.status_code == 400
    assert "still has activities" in refused.content.decode()
    with_evidence = staff_client.post(f"{LIST}activities/{activities['done'].pk}/delete/")
    assert with_evidence.status_code == 400
    assert "mark it cancelled instead" in with_evidence.content.decode()

    assert (
        staff_client.post(f"{LIST}activities/{activities['planned'].pk}/delete/").status_code == 302
    )
    assert not Activity.objects.filter(pk=activities["planned"].pk).exists()
    empty = plan.objectives.get(number=2)
    assert staff_client.post(f"{LIST}objectives/{empty.pk}/delete/").status_code == 302
    assert not Objective.objects.filter(pk=empty.pk).exists()


def test_the_history_names_who_changed_what_in_words(plan, activities, staff, staff_client):
    url = f"{LIST}activities/{activities['planned'].pk}/edit/"
    _post_form(staff_client, url, is_cancelled="on", season="summer")
    _post_form(staff_client, f"{LIST}2020/objectives/new/", number="3", title="Employment")
    html = staff_client.get(f"{LIST}2020/history/").content.decode()
    text = _text(html)
    assert "History of the work plan 2020" in text
    assert "changed activity: Autumn transfer" in text
    assert "<td>Cancelled</td><td>No</td><td>Yes</td>" in html
    assert "<td>Season</td><td>Autumn</td><td>Summer</td>" in html
    assert "created objective: 3. Employment" in text
    assert staff.display_name in text
    assert "autumn" not in re.findall(r"<td>[^<]*</td>", html)


# --- Evidence -------------------------------------------------------------------------------


def _state_on_public_page(client: Client, title: str) -> str:
    html = client.get("/en/work-plans/2020/").content.decode()
    item = html[html.index(f"<strong>{title}</strong>") :]
    return re.search(r'class="badge badge-(\w+)"', item)[1]


@time_machine.travel(TODAY, tick=False)
def test_linking_evidence_and_removing_it_changes_the_public_state(plan, activities, staff_client):
    activity = activities["planned"]
    paper = AdvocacyAction.objects.create(
        year=2020, kind="consultation_response", title="Answer to the consultation",
        date=date(2020, 5, 4),
    )  # fmt: skip
    anonymous = Client()
    assert _state_on_public_page(anonymous, "Autumn transfer") == "planned"

    page = staff_client.get(f"{LIST}activities/{activity.pk}/evidence/")
    assert "No evidence yet." in page.content.decode()
    chosen = staff_client.get(
        f"{LIST}activities/{activity.pk}/evidence/", {"kind": "objectives.advocacyaction"}
    )
    assert "Answer to the consultation" in chosen.content.decode()
    data = form_as_shown_in(chosen, f"{LIST}activities/{activity.pk}/evidence/new/")
    data["record"] = [str(paper.pk)]
    linked = staff_client.post(f"{LIST}activities/{activity.pk}/evidence/new/", data)
    assert linked.status_code == 302
    link = Evidence.objects.get(activity=activity)
    assert _state_on_public_page(anonymous, "Autumn transfer") == "done"
    assert "Answer to the consultation" in anonymous.get("/en/work-plans/2020/").content.decode()

    twice = staff_client.post(f"{LIST}activities/{activity.pk}/evidence/new/", data)
    assert twice.status_code == 400
    assert "This record is linked already." in twice.content.decode()

    removed = staff_client.post(f"{LIST}activities/{activity.pk}/evidence/{link.pk}/remove/")
    assert removed.status_code == 302
    assert not Evidence.objects.filter(activity=activity).exists()
    assert _state_on_public_page(anonymous, "Autumn transfer") == "planned"


def test_evidence_of_an_unknown_kind_or_record_is_refused(plan, activities, staff_client):
    activity = activities["planned"]
    unknown = staff_client.get(f"{LIST}activities/{activity.pk}/evidence/", {"kind": "auth.user"})
    assert unknown.status_code == 400
    assert "Choose a kind of record from the list." in unknown.content.decode()
    far = AdvocacyAction.objects.create(year=2012, kind="hearing", title="Long ago")
    refused = staff_client.post(
        f"{LIST}activities/{activity.pk}/evidence/new/",
        {"kind": "objectives.advocacyaction", "record": str(far.pk)},
    )
    assert refused.status_code == 400
    assert not Evidence.objects.exists()


# --- Achievements, figures, advocacy outputs -------------------------------------------------


def test_a_narrative_may_name_only_the_achievements_own_figures(plan, activities, staff_client):
    new = _post_form(
        staff_client,
        f"{LIST}2020/achievements/new/",
        title="Cities pledged",
        narrative="{cities} cities pledged, {officers} officers came.",
    )
    assert new.status_code == 400
    assert "{cities}, {officers}" in new.content.decode()
    assert not Achievement.objects.exists()

    _post_form(
        staff_client, f"{LIST}2020/achievements/new/", title="Cities pledged", narrative="Soon."
    )
    achievement = Achievement.objects.get()
    commitment = Commitment.objects.create(framework="Pillar", title="Principle 3")
    figure = _post_form(
        staff_client,
        f"{LIST}achievements/{achievement.pk}/figures/new/",
        key="cities",
        label="cities pledged",
        measure="pledging_cities",
        commitment=str(commitment.pk),
    )
    assert figure.status_code == 302
    wrong_choice = _post_form(
        staff_client,
        f"{LIST}achievements/{achievement.pk}/figures/new/",
        key="people",
        label="people",
        measure="pledging_cities",
        parameter="city_officer",
    )
    assert wrong_choice.status_code == 400
    assert "Choose one of the choices this count offers." in wrong_choice.content.decode()
    bad_key = _post_form(
        staff_client,
        f"{LIST}achievements/{achievement.pk}/figures/new/",
        key="Cities!",
        label="x",
        measure="pledging_cities",
    )
    assert bad_key.status_code == 400

    edit = f"{LIST}achievements/{achievement.pk}/edit/"
    still_unknown = _post_form(staff_client, edit, narrative="{cities} and {officers}.")
    assert still_unknown.status_code == 400
    assert "does not have: {officers}" in still_unknown.content.decode()
    assert _post_form(staff_client, edit, narrative="{cities} cities pledged.").status_code == 302

    the_figure = AchievementFigure.objects.get(achievement=achievement)
    in_use = staff_client.post(f"{LIST}figures/{the_figure.pk}/delete/")
    assert in_use.status_code == 400
    renamed = _post_form(staff_client, f"{LIST}figures/{the_figure.pk}/edit/", key="towns")
    assert renamed.status_code == 400
    assert "change it there first" in renamed.content.decode()

    Pledge.objects.create(city=activities["planned"].host_city, commitment=commitment, year=2020)
    public = Client().get("/en/achievements/2020/").content.decode()
    assert "1 cities pledged." in public


def test_an_advocacy_output_shows_with_its_date_and_addressees(plan, staff_client):
    AchievementFactory(year=2020, number=1, title="Heard in Brussels")
    commission = Stakeholder.objects.create(
        name="European Commission", short_name="EC", kind="eu_institution"
    )
    response = _post_form(
        staff_client,
        f"{LIST}2020/advocacy/new/",
        kind="consultation_response",
        title="Response to the Roma framework consultation",
        date="2020-03-12",
        stakeholders=[str(commission.pk)],
    )
    assert response.status_code == 302
    output = AdvocacyAction.objects.get(title__startswith="Response to")
    assert output.year == 2020
    far = _post_form(staff_client, f"{LIST}advocacy/{output.pk}/edit/", date="2015-01-01")
    assert far.status_code == 400

    achievement = Achievement.objects.get()
    added = _post_form(
        staff_client,
        f"{LIST}achievements/{achievement.pk}/edit/",
        advocacy_actions=[str(output.pk)],
    )
    assert added.status_code == 302
    text = _text(Client().get("/en/achievements/2020/").content.decode())
    assert "Response to the Roma framework consultation" in text
    assert "Consultation response" in text
    assert "12 March 2020" in text
    assert "Addressed to: EC" in text


# --- Pledges ------------------------------------------------------------------------------------


def test_pledges_edited_by_staff_show_on_the_city_page(braga, turin, staff_client):
    commitment = _post_form(
        staff_client,
        "/en/workspace/pledges/commitments/new/",
        title="Principle 3: equal opportunities",
        framework="European Pillar of Social Rights",
    )
    assert commitment.status_code == 302
    again = _post_form(
        staff_client,
        "/en/workspace/pledges/commitments/new/",
        title="Principle 3: equal opportunities",
        framework="European Pillar of Social Rights",
    )
    assert again.status_code == 400
    found = Commitment.objects.get()

    created = _post_form(
        staff_client,
        "/en/workspace/pledges/new/?city=braga",
        commitment=str(found.pk),
        year="2021",
        made_on="2021-04-08",
        statement="Braga pledges to equal opportunities.",
    )
    assert created.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.city == braga
    page = _text(Client().get("/en/cities/braga/").content.decode())
    assert "Principle 3: equal opportunities" in page
    assert "8 April 2021" in page and "Braga pledges to equal opportunities." in page

    twice = _post_form(
        staff_client,
        "/en/workspace/pledges/new/",
        city=str(braga.pk),
        commitment=str(found.pk),
        year="2021",
    )
    assert twice.status_code == 400

    edited = _post_form(
        staff_client, f"/en/workspace/pledges/{pledge.pk}/edit/", statement="Renewed in 2021."
    )
    assert edited.status_code == 302
    assert "Renewed in 2021." in Client().get("/en/cities/braga/").content.decode()

    assert staff_client.post(f"/en/workspace/pledges/{pledge.pk}/delete/").status_code == 302
    page = Client().get("/en/cities/braga/").content.decode()
    assert "Principle 3: equal opportunities" not in page


def test_a_staff_members_changes_to_the_year_are_in_their_data(
    plan, activities, staff, staff_client
):
    _post_form(staff_client, f"{LIST}2020/edit/", introduction="Changed by me.")
    paper = AdvocacyAction.objects.create(year=2020, kind="hearing", title="Hearing")
    services.evidence_link_add(activity=activities["planned"], record=paper, by=staff)
    data = staff_client.get("/en/accounts/data/download/").json()["work_plans"]
    changes = [{k: v for k, v in c.items() if k != "at"} for c in data["work_plan_changes"]]
    assert {"what": "work plan", "name": "Work plan 2020", "change": "changed"} in changes
    assert [link["activity"] for link in data["evidence_linked"]] == ["Autumn transfer"]
