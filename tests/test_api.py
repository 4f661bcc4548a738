"""The open data API at /api/v1/: every resource and filter, nothing private whoever asks,
pagination, conditional requests, languages, CORS, rate limits, problem documents, the OpenAPI
description, and personal tokens posting measurements through the same services as the form."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from actionplans.models import EUTarget, Measurement, Milestone, ProgressUpdate
from actionplans.services import eu_targets_ensure
from api.models import ApiToken, token_hash
from cities.models import Commitment, Pledge
from objectives.models import Activity, WorkPlan
from practices.models import Guideline, GuidelineSection, Recommendation

from .factories import (
    AchievementFactory,
    ActionFactory,
    ActivityFactory,
    CityFactory,
    FigureFactory,
    IndicatorFactory,
    MembershipFactory,
    ObjectiveFactory,
    PlanFactory,
    PracticeFactory,
    UserFactory,
)
from .meetings_factories import (
    AgendaItemFactory,
    MeetingFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2020, 10, 15)
PRIVATE_WORDS = [
    "Private Braga plan",
    "Secret indicator",
    "Secret action",
    "braga-draft-practice",
    "Draft practice about schools",
    "Unpublished meeting in Turin",
    "Draft guideline on housing",
    "Objective of a draft work plan",
    "Confidential minutes",
    "officer@braga.example.org",
    "officer@turin.example.org",
    "participant.one@example.org",
    "Participant One",
    "needs a ramp",
]


@pytest.fixture(autouse=True)
def _in_autumn_2020():
    """Every test (and its world) on 15 October 2020: spring is over, the meeting held."""
    with time_machine.travel(timezone.make_aware(timezone.datetime(2020, 10, 15, 12)), tick=True):
        yield


@pytest.fixture
def world(braga, turin, braga_officer, turin_officer):
    """Public things and private ones side by side: each private one has a word of
    PRIVATE_WORDS that must never be read through the API."""
    eu_targets_ensure()
    braga.contact_email = "roma.unit@braga.example.org"
    braga.save()
    commitment = Commitment.objects.create(title="Principle 3", framework="Social Rights")
    Pledge.objects.create(city=braga, commitment=commitment, year=2019)
    # Work plans: 2020 published, 2021 a draft.
    plan_2020 = ObjectiveFactory(work_plan__year=2020, title="Housing for all", number=1)
    meeting_activity = ActivityFactory(
        objective=plan_2020, title="Working group meeting in Braga", host_city=braga,
        start_date=date(2020, 3, 10), end_date=date(2020, 3, 12),
    )  # fmt: skip
    overdue = ActivityFactory(
        objective=plan_2020, title="Guideline nobody wrote", kind=Activity.Kind.GUIDELINE,
        season=Activity.Season.SPRING, host_city=braga,
    )  # fmt: skip
    draft_plan = WorkPlan.objects.create(year=2021, is_published=False)
    ObjectiveFactory(work_plan=draft_plan, title="Objective of a draft work plan", number=1)
    # Achievements with a figure counted from the pledges.
    achievement = AchievementFactory(year=2019, number=1, title="Cities pledged",
                                     narrative="{pledged} cities pledged.")  # fmt: skip
    FigureFactory(achievement=achievement, key="pledged", commitment=commitment)
    # Practices: one published, one draft.
    published = PracticeFactory(
        city=braga,
        title="School mediators in Braga",
        slug="school-mediators",
        summary="Mediators help pupils.",
    )
    PracticeFactory(city=turin, title="Housing agency", slug="housing-agency",
                    themes=["housing"])  # fmt: skip
    PracticeFactory(city=braga, status="draft", published_at=None, slug="braga-draft-practice",
                    title="Draft practice about schools")  # fmt: skip
    # Guidelines.
    guideline = Guideline.objects.create(
        title="Fighting school dropout", slug="school-dropout", topic="Education",
        status="published", published_at=timezone.now(),
    )  # fmt: skip
    section = GuidelineSection.objects.create(guideline=guideline, title="Mediation", order=1)
    Recommendation.objects.create(section=section, text="Hire Roma mediators.")
    guideline.practices.add(published)
    Guideline.objects.create(title="Draft guideline on housing", slug="draft-housing", topic="H")
    # Meetings: one published with an agenda and a registration, one unpublished.
    meeting = MeetingFactory(slug="braga-meeting", title="Braga meeting", host_city=braga,
                             starts_at=timezone.make_aware(timezone.datetime(2020, 3, 10, 9)),
                             ends_at=timezone.make_aware(timezone.datetime(2020, 3, 12, 13)),
                             activity=meeting_activity, minutes="Confidential minutes")  # fmt: skip
    item = AgendaItemFactory(meeting=meeting, title="Welcome by the mayor")
    SpeakerFactory(item=item, name="Mayor of Braga", role="City of Braga")
    RegistrationFactory(meeting=meeting, city=braga, name="Participant One",
                        email="participant.one@example.org",
                        accessibility_needs="needs a ramp")  # fmt: skip
    MeetingFactory(slug="turin-draft", title="Unpublished meeting in Turin", host_city=turin,
                   draft=True)  # fmt: skip
    # Plans: one public with a count of people, one private.
    public = PlanFactory(city=braga, title="Braga school plan", is_public=True)
    action = ActionFactory(plan=public, title="Homework clubs", progress=40)
    Milestone.objects.create(action=action, title="First club", due_date=date(2020, 11, 1))
    people = IndicatorFactory(plan=public, name="Children in clubs", is_count_of_people=True,
                              baseline_value=4, target_value=40,
                              eu_target=EUTarget.objects.get(code="edu-ecec"))  # fmt: skip
    Measurement.objects.create(indicator=people, date=date(2020, 1, 31), value=7)
    Measurement.objects.create(indicator=people, date=date(2020, 6, 30), value=25)
    share = IndicatorFactory(plan=public, name="Completion rate", unit="%",
                             baseline_value=Decimal("72"), target_value=90)  # fmt: skip
    Measurement.objects.create(indicator=share, date=date(2020, 6, 30), value=Decimal("83.5"))
    ProgressUpdate.objects.create(
        plan=public,
        period_label="2020, first half",
        period_start=date(2020, 1, 1),
        period_end=date(2020, 6, 30),
        narrative="Clubs opened.",
        submitted_at=timezone.now(),
    )
    private = PlanFactory(city=braga, title="Private Braga plan", is_public=False)
    ActionFactory(plan=private, title="Secret action")
    IndicatorFactory(plan=private, name="Secret indicator")
    return {
        "braga": braga, "turin": turin, "public": public, "private": private,
        "people": people, "share": share, "meeting": meeting, "overdue": overdue,
        "meeting_activity": meeting_activity, "achievement": achievement,
        "officer": braga_officer, "turin_officer": turin_officer,
    }  # fmt: skip


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, (json.loads(response.content) if response.content else None)


def _walk(client) -> dict[str, str]:
    """Every list and detail of the API, following the links it gives: address -> body."""
    seen: dict[str, str] = {}
    queue = ["http://testserver/api/v1/"]
    while queue:
        url = queue.pop()
        if url in seen or not url.startswith("http://testserver/api/v1/"):
            continue
        path = url.removeprefix("http://testserver")
        if path.startswith(("/api/v1/schema/", "/api/v1/docs/")):
            continue
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
        body = response.content.decode()
        seen[url] = body
        for link in re.findall(r'"(http://testserver/api/v1/[^"]*)"', body):
            queue.append(link.replace("\\u0026", "&"))
    return seen


# --- Nothing private ------------------------------------------------------------------------------


def test_walking_every_list_and_detail_shows_nothing_private(world):
    bodies = _walk(Client())
    assert len(bodies) > 25
    every = "\n".join(bodies.values())
    leaked = [word for word in PRIVATE_WORDS if word in every]
    assert leaked == []
    assert f"/api/v1/plans/{world['private'].pk}/" not in every
    # No list of plans holds the private one (other kinds of record may share its number).
    plan_lists = [
        body
        for url, body in bodies.items()
        if "/api/v1/plans/?" in url or url.endswith("/api/v1/plans/")
    ]
    assert plan_lists
    listed = {plan["id"] for body in plan_lists for plan in json.loads(body)["results"]}
    assert world["private"].pk not in listed
    # What is public is there: the public plan, the practice, the meeting and its agenda.
    for word in [
        "Braga school plan",
        "School mediators in Braga",
        "Welcome by the mayor",
        "Mayor of Braga",
        "Hire Roma mediators.",
        "roma.unit@braga.example.org",
    ]:
        assert word in every


def test_a_signed_in_officer_or_staff_reads_the_same_public_data(world, staff):
    client = Client()
    client.force_login(staff)
    response, body = get(client, f"/api/v1/plans/{world['private'].pk}/")
    assert response.status_code == 404
    response, body = get(client, "/api/v1/plans/")
    assert [plan["title"] for plan in body["results"]] == ["Braga school plan"]


def test_private_and_draft_objects_answer_404(world):
    client = Client()
    for path in [
        f"/api/v1/plans/{world['private'].pk}/",
        f"/api/v1/indicators/{world['private'].indicators.get().pk}/",
        "/api/v1/practices/braga-draft-practice/",
        "/api/v1/guidelines/draft-housing/",
        "/api/v1/meetings/turin-draft/",
        "/api/v1/work-plans/2021/",
    ]:
        response, body = get(client, path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
        assert body["status"] == 404 and body["title"] and body["detail"]


# --- Resources ------------------------------------------------------------------------------------


def test_root_lists_every_resource_with_absolute_links_and_the_licence(world):
    response, body = get(Client(), "/api/v1/")
    assert response.status_code == 200
    for name in ["cities", "work_plans", "activities", "achievements", "practices",
                 "guidelines", "meetings", "plans", "indicators", "eu_targets"]:  # fmt: skip
        assert body[name].startswith("http://testserver/api/v1/")
    assert body["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["downloads"] == "http://testserver/en/data/"
    assert 'rel="license"' in response["Link"]


def test_cities_with_pledges_and_filters(world):
    client = Client()
    response, body = get(client, "/api/v1/cities/")
    assert [c["slug"] for c in body["results"]] == ["braga", "turin"]
    braga = body["results"][0]
    assert braga["pledges"][0]["commitment"]["title"] == "Principle 3"
    assert braga["url"] == "http://testserver/api/v1/cities/braga/"
    assert braga["html_url"] == "http://testserver/en/cities/braga/"
    assert braga["links"]["plans"] == "http://testserver/api/v1/plans/?city=braga"
    assert "officers" not in json.dumps(body) and "memberships" not in json.dumps(body)
    assert [c["slug"] for c in get(client, "/api/v1/cities/?country=IT")[1]["results"]] == ["turin"]
    assert [c["slug"] for c in get(client, "/api/v1/cities/?pledged=true")[1]["results"]] == [
        "braga"
    ]
    response, body = get(client, "/api/v1/cities/braga/")
    assert body["name"] == "Braga" and body["license"]["name"].startswith("Creative Commons")


def test_work_plan_with_objectives_and_activities_in_their_derived_state(world):
    response, body = get(Client(), "/api/v1/work-plans/2020/")
    assert response.status_code == 200
    objective = body["objectives"][0]
    assert objective["title"] == "Housing for all"
    states = {a["title"]: (a["state"], a["state_label"]) for a in objective["activities"]}
    # The meeting took place (a published meeting of the activity, now over): held.
    assert states["Working group meeting in Braga"] == ("done", "Held")
    # Spring is over with nothing to show: the public reads "No record yet", never "Overdue".
    assert states["Guideline nobody wrote"] == ("no_record_yet", "No record yet")
    held = next(a for a in objective["activities"] if a["title"].startswith("Working"))
    assert held["evidence"][0]["url"] == "http://testserver/en/meetings/braga-meeting/"
    assert objective["state"] == "in_progress"
    response, body = get(Client(), "/api/v1/work-plans/")
    assert [plan["year"] for plan in body["results"]] == [2020]


def test_activities_list_filters_and_detail(world):
    client = Client()
    response, body = get(client, "/api/v1/activities/?year=2020&city=braga")
    assert {a["title"] for a in body["results"]} == {
        "Working group meeting in Braga", "Guideline nobody wrote",
    }  # fmt: skip
    response, body = get(client, f"/api/v1/activities/{world['overdue'].pk}/")
    assert body["state"] == "no_record_yet"
    assert get(client, "/api/v1/activities/?year=1999")[0].status_code == 400


def test_achievements_figures_are_counted_from_the_records(world, turin):
    client = Client()
    response, body = get(client, "/api/v1/achievements/?year=2019")
    achievement = body["results"][0]
    assert achievement["figures"][0]["value"] == 1
    assert achievement["narrative"] == "1 cities pledged."
    Pledge.objects.create(city=turin, commitment=Commitment.objects.get(), year=2020)
    response, body = get(client, f"/api/v1/achievements/{world['achievement'].pk}/")
    assert body["figures"][0]["value"] == 2 and body["narrative"] == "2 cities pledged."


def test_practices_use_the_library_filters_search_and_facets(world):
    client = Client()
    response, body = get(client, "/api/v1/practices/")
    assert body["count"] == 2
    facets = {facet["name"]: facet for facet in body["facets"]}
    assert set(facets) == {"theme", "country", "city", "funding", "objective"}
    themes = {o["value"]: o["count"] for o in facets["theme"]["options"]}
    assert themes == {"education": 1, "housing": 1}
    response, body = get(client, "/api/v1/practices/?theme=housing")
    assert [p["slug"] for p in body["results"]] == ["housing-agency"]
    selected = [o for o in body["facets"][0]["options"] if o["selected"]]
    assert [o["value"] for o in selected] == ["housing"]
    response, body = get(client, "/api/v1/practices/?q=mediators")
    assert [p["slug"] for p in body["results"]] == ["school-mediators"]
    response, body = get(client, "/api/v1/practices/?country=PT&country=IT&sort=city")
    assert [p["slug"] for p in body["results"]] == ["school-mediators", "housing-agency"]
    response, body = get(client, "/api/v1/practices/school-mediators/")
    assert body["guidelines"][0]["slug"] == "school-dropout"
    assert body["themes"] == [{"code": "education", "label": "Education"}]


@pytest.mark.parametrize(
    "query",
    [
        "theme=cooking", "country=XX", "year=1800", "year=abc", "sort=random", "page=0",
        "page=abc", "page=2", "page_size=101", "page_size=0", "colour=red", "q=" + "x" * 300,
    ],
)  # fmt: skip
def test_malformed_or_out_of_range_parameters_answer_400(world, query):
    response, body = get(Client(), f"/api/v1/practices/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert body["status"] == 400 and body["errors"]
    assert body["instance"].startswith("/api/v1/practices/?")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cities/?membership=king", "/api/v1/cities/?pledged=maybe",
        "/api/v1/plans/?city=atlantis", "/api/v1/plans/?status=done",
        "/api/v1/indicators/?eu_target=moon", "/api/v1/indicators/?plan=-1",
        "/api/v1/meetings/?kind=party", "/api/v1/meetings/?year=1066",
        "/api/v1/meetings/?city=atlantis", "/api/v1/achievements/?year=20000",
        "/api/v1/cities/?country=RO&country=PT",
    ],
)  # fmt: skip
def test_every_list_refuses_bad_filters_with_400(world, path):
    response, body = get(Client(), path)
    assert response.status_code == 400, body
    assert body["errors"]


def test_guidelines_with_sections_and_recommendations(world):
    response, body = get(Client(), "/api/v1/guidelines/")
    assert [g["slug"] for g in body["results"]] == ["school-dropout"]
    response, body = get(Client(), "/api/v1/guidelines/school-dropout/")
    assert body["sections"][0]["recommendations"] == ["Hire Roma mediators."]
    assert body["practices"][0]["slug"] == "school-mediators"


def test_meetings_with_their_published_agenda_only(world):
    client = Client()
    response, body = get(client, "/api/v1/meetings/")
    assert [m["slug"] for m in body["results"]] == ["braga-meeting"]
    assert body["results"][0]["calendar_url"].endswith("/meetings/braga-meeting/calendar.ics")
    response, body = get(client, "/api/v1/meetings/braga-meeting/")
    item = body["agenda"][0]["items"][0]
    assert item["title"] == "Welcome by the mayor"
    assert item["speakers"] == [{"name": "Mayor of Braga", "role": "City of Braga"}]
    assert "minutes" not in body and "registrations" not in body
    assert get(client, "/api/v1/meetings/?city=braga")[1]["count"] == 1
    assert get(client, "/api/v1/meetings/?city=turin")[1]["count"] == 0
    assert get(client, "/api/v1/meetings/?upcoming=true")[1]["count"] == 0


def test_public_plan_with_actions_milestones_indicators_and_small_counts_suppressed(world):
    client = Client()
    response, body = get(client, f"/api/v1/plans/{world['public'].pk}/")
    assert body["actions"][0]["title"] == "Homework clubs"
    assert body["actions"][0]["milestones"][0]["title"] == "First club"
    assert body["updates"][0]["narrative"] == "Clubs opened."
    people = next(i for i in body["indicators"] if i["name"] == "Children in clubs")
    # As on the public plan page: counts of people below 10 are "fewer than 10".
    assert people["baseline"] == {"value": None, "shown": "fewer than 10", "suppressed": True}
    assert people["target"]["value"] == 40
    assert people["measurements"] == [
        {"date": "2020-01-31", "value": None, "shown": "fewer than 10", "suppressed": True},
        {"date": "2020-06-30", "value": 25.0, "shown": "25", "suppressed": False},
    ]
    assert people["eu_target"]["code"] == "edu-ecec"
    share = next(i for i in body["indicators"] if i["name"] == "Completion rate")
    assert share["measurements"][0]["value"] == 83.5
    page = client.get(f"/en/plans/{world['public'].pk}/").content.decode()
    assert "fewer than 10" in page


def test_indicators_list_filters_and_eu_targets(world):
    client = Client()
    response, body = get(client, "/api/v1/indicators/")
    assert {i["name"] for i in body["results"]} == {"Children in clubs", "Completion rate"}
    response, body = get(client, "/api/v1/indicators/?eu_target=edu-ecec")
    assert [i["name"] for i in body["results"]] == ["Children in clubs"]
    response, body = get(client, f"/api/v1/indicators/?plan={world['private'].pk}")
    assert body["count"] == 0
    response, body = get(client, "/api/v1/eu-targets/")
    assert body["count"] == 14
    response, body = get(client, "/api/v1/eu-targets/edu-ecec/")
    assert body["indicators_url"] == "http://testserver/api/v1/indicators/?eu_target=edu-ecec"


# --- Pagination, conditional requests, languages, CORS --------------------------------------------


def test_pages_link_to_the_next_with_absolute_addresses(world):
    for n in range(7):
        CityFactory(name=f"Zz city {n}", slug=f"zz-{n}")
    client = Client()
    response, body = get(client, "/api/v1/cities/?page_size=4")
    assert body["count"] == 9 and len(body["results"]) == 4 and body["previous"] is None
    slugs = [c["slug"] for c in body["results"]]
    while body["next"]:
        assert body["next"].startswith("http://testserver/api/v1/cities/?")
        response, body = get(client, body["next"].removeprefix("http://testserver"))
        slugs += [c["slug"] for c in body["results"]]
    assert len(slugs) == 9 == len(set(slugs))
    assert body["previous"].endswith("page=2")


def test_conditional_get_answers_304_until_the_content_changes(world):
    client = Client()
    response = client.get("/api/v1/cities/braga/")
    etag, modified = response["ETag"], response["Last-Modified"]
    again = client.get("/api/v1/cities/braga/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    since = client.get("/api/v1/cities/braga/", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    world["braga"].description = "A city in the north of Portugal."
    world["braga"].save()
    changed = client.get("/api/v1/cities/braga/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert json.loads(changed.content)["description"] == "A city in the north of Portugal."


def test_a_plan_edit_changes_the_plans_etag_but_not_the_practices(world):
    client = Client()
    plan_tag = client.get("/api/v1/plans/")["ETag"]
    practice_tag = client.get("/api/v1/practices/")["ETag"]
    world["public"].title = "Braga school plan, revised"
    world["public"].save()
    assert client.get("/api/v1/plans/", HTTP_IF_NONE_MATCH=plan_tag).status_code == 200
    assert client.get("/api/v1/practices/", HTTP_IF_NONE_MATCH=practice_tag).status_code == 304


def test_accept_language_chooses_the_language_of_labels(world):
    client = Client()
    response, body = get(client, "/api/v1/cities/braga/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "fr"
    assert body["membership"]["label"] == "Ville membre"
    assert "Accept-Language" in response["Vary"]
    response, body = get(client, "/api/v1/cities/braga/", HTTP_ACCEPT_LANGUAGE="en")
    assert body["membership"]["label"] == "Member city"
    # Problem documents too are written in the language asked for (once translated).
    response, body = get(client, "/api/v1/nope/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404 and response["Content-Language"] == "fr"


def test_cors_allows_reads_from_any_origin_and_no_writes(world):
    client = Client()
    response = client.get("/api/v1/cities/", HTTP_ORIGIN="https://data.example.net")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/cities/", HTTP_ORIGIN="https://x.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    write = client.options(
        f"/api/v1/indicators/{world['people'].pk}/measurements/",
        HTTP_ORIGIN="https://x.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "Access-Control-Allow-Origin" not in write
    assert "Access-Control-Allow-Origin" not in client.get("/en/cities/")


# --- Errors and limits ----------------------------------------------------------------------------


def test_unknown_addresses_and_methods_are_problem_documents(world):
    client = Client()
    response, body = get(client, "/api/v1/nothing/here/")
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert body == {
        "type": "about:blank", "title": "Not found", "status": 404,
        "detail": body["detail"], "instance": "/api/v1/nothing/here/",
    }  # fmt: skip
    response = client.post("/api/v1/cities/", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["status"] == 405
    response = client.delete("/api/v1/cities/braga/")
    assert response.status_code == 405
    assert client.get("/api/v1/cities").status_code == 301  # to the address with its slash


def test_rate_limit_per_client_address_answers_429_with_retry_after(world, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    for _n in range(3):
        assert client.get("/api/v1/cities/", **first).status_code == 200
    refused = client.get("/api/v1/cities/", **first)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused["Content-Type"] == "application/problem+json"
    assert json.loads(refused.content)["status"] == 429
    # Another client behind the same proxy has its own count.
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.2", "REMOTE_ADDR": "10.0.0.1"}
    assert client.get("/api/v1/cities/", **other).status_code == 200
    # A client's own claim before the proxy's entry changes nothing.
    forged = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    assert client.get("/api/v1/cities/", **forged).status_code == 429


# --- The OpenAPI description and its documentation -----------------------------------------------


def test_the_openapi_description_is_valid_and_documents_every_resource(world):
    from openapi_spec_validator import validate

    response = Client().get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for path in [
        "/api/v1/cities/",
        "/api/v1/practices/",
        "/api/v1/plans/{id}/",
        "/api/v1/indicators/{id}/measurements/",
        "/api/v1/eu-targets/{code}/",
    ]:
        assert path in schema["paths"], path
    assert "token" in schema["components"]["securitySchemes"]


def test_the_docs_page_uses_bundled_files_and_no_inline_script(world):
    response = Client().get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in html and "cdn" not in html.lower()
    assert "default-src 'self'" in response["Content-Security-Policy"]


# --- Tokens ---------------------------------------------------------------------------------------


def _create_token(client, city, *, name="Statistics export", days=30) -> str:
    expires = (timezone.localdate() + timedelta(days=days)).isoformat()
    response = client.post(
        "/en/workspace/tokens/", {"name": name, "city": city.pk, "expires_on": expires}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/en/workspace/tokens/").content.decode()
    return re.search(r'id="new-token"[^>]*value="([^"]+)"', page)[1]


def _post(client, indicator, token, data):
    return client.post(
        f"/api/v1/indicators/{indicator.pk}/measurements/",
        data=json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_an_officer_creates_a_token_shown_once_and_stored_hashed(world):
    client = Client()
    client.force_login(world["officer"])
    secret = _create_token(client, world["braga"])
    token = ApiToken.objects.get()
    assert token.key_hash == token_hash(secret) and secret not in token.key_hash
    assert secret.startswith(token.prefix)
    assert token.user == world["officer"] and token.city == world["braga"]
    assert secret not in client.get("/en/workspace/tokens/").content.decode()


def test_a_token_posts_a_measurement_through_the_service_and_the_history(world):
    client = Client()
    client.force_login(world["officer"])
    secret = _create_token(client, world["braga"])
    api = Client()
    response = _post(api, world["share"], secret, {"date": "2020-09-30", "value": "85.25"})
    assert response.status_code == 201, response.content
    assert json.loads(response.content)["value"] == 85.25
    measurement = Measurement.objects.get(indicator=world["share"], date=date(2020, 9, 30))
    assert measurement.value == Decimal("85.25")
    assert measurement.history.get().history_user == world["officer"]
    history = client.get(f"/en/workspace/plans/{world['public'].pk}/history/").content.decode()
    assert "2020-09-30" in history or "85.25" in history
    # The same date again: refused as by the form, nothing changed.
    again = _post(api, world["share"], secret, {"date": "2020-09-30", "value": "99"})
    assert again.status_code == 400 and again["Content-Type"] == "application/problem+json"
    assert "already a measurement" in json.loads(again.content)["detail"]
    bad = _post(api, world["share"], secret, {"date": "31/02/2020", "value": "abc"})
    assert bad.status_code == 400
    fields = {e["field"] for e in json.loads(bad.content)["errors"]}
    assert fields == {"date", "value"}


def test_another_citys_indicator_is_forbidden(world):
    client = Client()
    client.force_login(world["turin_officer"])
    secret = _create_token(client, world["turin"])
    response = _post(Client(), world["share"], secret, {"date": "2020-09-30", "value": "1"})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not Measurement.objects.filter(date=date(2020, 9, 30)).exists()
    # Another city's private indicator is answered as if it did not exist, like the forms do.
    private = world["private"].indicators.get()
    assert _post(Client(), private, secret, {"date": "2020-09-30", "value": "1"}).status_code == 404


def test_expired_revoked_wrong_or_missing_tokens_are_refused_with_401(world):
    client = Client()
    client.force_login(world["officer"])
    secret = _create_token(client, world["braga"], days=1)
    good = {"date": "2020-09-30", "value": "1"}
    assert _post(Client(), world["share"], "rwg_wrong", good).status_code == 401
    no_token = Client().post(
        f"/api/v1/indicators/{world['share'].pk}/measurements/",
        data=json.dumps(good), content_type="application/json",
    )  # fmt: skip
    assert no_token.status_code == 401 and "Bearer" in no_token["WWW-Authenticate"]
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        expired = _post(Client(), world["share"], secret, good)
    assert expired.status_code == 401
    assert json.loads(expired.content)["detail"] == "This token has expired."
    assert expired["Content-Type"] == "application/problem+json"
    token = ApiToken.objects.get()
    assert client.post(f"/en/workspace/tokens/{token.pk}/revoke/").status_code == 302
    revoked = _post(Client(), world["share"], secret, good)
    assert revoked.status_code == 401
    assert json.loads(revoked.content)["detail"] == "This token was revoked."
    assert not Measurement.objects.filter(date=date(2020, 9, 30)).exists()


def test_a_token_stops_working_for_a_city_its_officer_left(world):
    client = Client()
    client.force_login(world["officer"])
    secret = _create_token(client, world["braga"])
    world["officer"].city_memberships.all().delete()
    response = _post(Client(), world["share"], secret, {"date": "2020-09-30", "value": "1"})
    assert response.status_code == 403


def test_token_page_refuses_other_cities_and_long_lives(world):
    client = Client()
    client.force_login(world["officer"])
    too_long = (timezone.localdate() + timedelta(days=4000)).isoformat()
    response = client.post(
        "/en/workspace/tokens/",
        {"name": "x", "city": world["turin"].pk, "expires_on": too_long},
    )
    assert response.status_code == 400 and not ApiToken.objects.exists()
    response = client.post(
        "/en/workspace/tokens/", {"name": "x", "city": world["braga"].pk, "expires_on": too_long}
    )
    assert response.status_code == 400 and "at most" in response.content.decode()
    other = Client()
    other.force_login(UserFactory())
    assert other.get("/en/workspace/tokens/").status_code == 403
    MembershipFactory(city=world["turin"], user=UserFactory(email="x@turin.example.org"))
    secret_holder = Client()
    secret_holder.force_login(world["turin_officer"])
    _create_token(secret_holder, world["turin"])
    token = ApiToken.objects.get()
    assert client.post(f"/en/workspace/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_writes_per_token_are_limited(world, settings):
    settings.API_WRITES_PER_MINUTE = 2
    client = Client()
    client.force_login(world["officer"])
    secret = _create_token(client, world["braga"])
    statuses = [
        _post(Client(), world["share"], secret, {"date": f"2020-0{m}-01", "value": "1"}).status_code
        for m in (1, 2, 3)
    ]
    assert statuses == [201, 201, 429]
    cache.clear()


# --- The documentation page in a real browser --------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_docs_page_loads_under_the_content_security_policy_in_chromium(page, live_server):
    """Swagger UI, served by the portal itself, draws the API's operations with the portal's
    CSP in force: no violation reported, nothing asked of another host."""
    violations, errors, hosts = [], [], set()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    response = page.goto(live_server.url + "/api/v1/docs/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    violations = page.evaluate("window.__csp || []")
    assert violations == []
    assert errors == []
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("Roma Inclusion")
    assert page.locator(".opblock-summary-path", has_text="/api/v1/practices/").count() >= 1
    assert hosts == {live_server.url.split("/")[2]}
