"""Cached public fragments: a change to public content starts a new generation of cache keys."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fragments.context_processors import ContentVersions
from fragments.versions import content_version

from .factories import CityFactory, PlanFactory, PracticeFactory, UserFactory


def test_saving_public_content_moves_the_version_on(db):
    first = content_version()
    assert content_version() == first  # stable while nothing changes

    city = CityFactory()
    after_city = content_version()
    assert after_city != first

    practice = PracticeFactory(city=city, themes=["housing"])
    after_practice = content_version()
    assert after_practice != after_city

    practice.themes.clear()  # a many-to-many change
    after_m2m = content_version()
    assert after_m2m != after_practice

    practice.delete()
    assert content_version() != after_m2m


def test_changes_outside_public_content_keep_the_version(db):
    first = content_version()
    UserFactory()
    assert content_version() == first


def test_each_app_has_its_own_version(db, braga):
    practices, plans = content_version(["practices"]), content_version(["actionplans"])
    PlanFactory(city=braga)
    assert content_version(["practices"]) == practices
    assert content_version(["actionplans"]) != plans


def test_version_moves_on_again_when_the_transaction_commits(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        CityFactory()
        during = content_version()
    for callback in callbacks:
        callback()
    assert content_version() != during


def test_a_cached_fragment_is_rendered_again_after_a_change(db, rf):
    template = Template(
        "{% load cache %}{% cache 600 names content_version.cities %}"
        "{% for city in cities %}{{ city.name }};{% endfor %}{% endcache %}"
    )
    from cities.models import City

    def render() -> str:
        context = {
            "content_version": ContentVersions(),
            "cities": City.objects.order_by("name"),
        }
        return template.render(Context(context))

    CityFactory(name="Braga")
    assert render() == "Braga;"
    City.objects.update(name="Changed behind the cache")
    assert render() == "Braga;"  # served from the cache
    CityFactory(name="Turin")
    assert render() == "Changed behind the cache;Turin;"


@pytest.mark.parametrize(
    "url", ["/en/", "/en/cities/", "/en/practices/", "/en/practices/?theme=education&city=newtown"]
)
def test_public_pages_are_served_from_the_cache_until_content_changes(client, demo, url):
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as cached:
        again = client.get(url).content.decode()
    assert len(cached.captured_queries) < len(first.captured_queries)
    assert not any("cities_city" in query["sql"] for query in cached.captured_queries)
    assert "Newtown on the cache" not in again

    city = CityFactory(name="Newtown on the cache", slug="newtown")
    PracticeFactory(city=city, title="Newtown on the cache's practice")
    assert "Newtown on the cache" in client.get(url).content.decode()


def test_meeting_page_shows_agenda_changes_at_once(client, braga):
    from .meetings_factories import AgendaItemFactory, MeetingFactory

    meeting = MeetingFactory(host_city=braga, slug="cached-meeting")
    AgendaItemFactory(meeting=meeting, title="Opening words")
    assert "Opening words" in client.get("/en/meetings/cached-meeting/").content.decode()
    with CaptureQueriesContext(connection) as cached:
        client.get("/en/meetings/cached-meeting/")
    assert not any("agendaitem" in query["sql"] for query in cached.captured_queries)

    AgendaItemFactory(meeting=meeting, title="A session added later")
    assert "A session added later" in client.get("/en/meetings/cached-meeting/").content.decode()


def test_meeting_list_offers_a_city_and_a_meeting_added_later(client, braga):
    from .meetings_factories import MeetingFactory

    MeetingFactory(host_city=braga)
    option = '<option value="newtown">Newtown</option>'
    assert option not in client.get("/en/meetings/").content.decode()
    newtown = CityFactory(name="Newtown", slug="newtown")
    assert option in client.get("/en/meetings/").content.decode()
    MeetingFactory(host_city=newtown, title="A meeting announced later")
    assert "A meeting announced later" in client.get("/en/meetings/").content.decode()


def test_city_and_public_plan_pages_follow_changes_at_once(client, braga):
    from .factories import ActionFactory

    plan = PlanFactory(city=braga, is_public=True, title="Braga's public plan")
    ActionFactory(plan=plan, title="First action")
    plan_url, city_url = f"/en/plans/{plan.pk}/", "/en/cities/braga/"
    assert "First action" in client.get(plan_url).content.decode()
    assert "Braga's public plan" in client.get(city_url).content.decode().replace("&#x27;", "'")
    with CaptureQueriesContext(connection) as cached:
        client.get(plan_url)
        client.get(city_url)
    assert not any('"actionplans_action"' in query["sql"] for query in cached.captured_queries)

    ActionFactory(plan=plan, title="An action added later")
    PracticeFactory(city=braga, title="A practice published later")
    assert "An action added later" in client.get(plan_url).content.decode()
    assert "A practice published later" in client.get(city_url).content.decode()


def test_practice_page_keeps_each_visitors_links_and_follows_changes(client, braga, turin, staff):
    from django.test import Client

    from practices.models import Transfer

    practice = PracticeFactory(city=braga, title="Cached practice")
    url = practice.get_absolute_url()
    assert "Record that a city adopted it" not in client.get(url).content.decode()
    staff_client = Client()
    staff_client.force_login(staff)
    staff_page = staff_client.get(url).content.decode()
    assert "Record that a city adopted it" in staff_page  # not the anonymous cached copy
    assert "Record that a city adopted it" not in client.get(url).content.decode()

    Transfer.objects.create(practice=practice, city=turin, stage="adapt")
    assert "Turin" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url, table",
    [
        ("/en/practices/?theme=education", '"practices_practice"'),
        ("/en/meetings/", '"meetings_meeting"'),
    ],
)
def test_unknown_parameters_make_no_new_cache_entries(client, braga, url, table):
    from .meetings_factories import MeetingFactory

    PracticeFactory.create_batch(25, city=braga)
    for n in range(25):  # past meetings: the list pages them
        start = timezone.now() - timedelta(days=60 + n)
        MeetingFactory(host_city=braga, starts_at=start, ends_at=start + timedelta(hours=8))
    client.get(f"{url}&junk=1" if "?" in url else f"{url}?junk=1")
    with CaptureQueriesContext(connection) as second:
        html = client.get(f"{url}&junk=2" if "?" in url else f"{url}?junk=2").content.decode()
    rendered = [q for q in second.captured_queries if table in q["sql"] and "COUNT" not in q["sql"]]
    assert not rendered  # served from the fragments cached for the first address
    pagination = re.findall(r'href="([^"]*page=2[^"]*)"', html)
    assert pagination and not any("junk" in href for href in pagination)  # filters only


def test_workspace_plan_page_follows_changes_at_once_for_each_kind_of_reader(
    client, braga, braga_officer, staff
):
    from django.test import Client

    from .factories import ActionFactory

    plan = PlanFactory(city=braga, title="Braga's plan")
    ActionFactory(plan=plan, title="First action")
    url = f"/en/workspace/plans/{plan.pk}/"
    client.force_login(braga_officer)
    officer_page = client.get(url).content.decode()
    assert "First action" in officer_page and "Add an action" in officer_page
    with CaptureQueriesContext(connection) as kept:
        client.get(url)
    assert not any('"actionplans_action"' in q["sql"] for q in kept.captured_queries)

    staff_client = Client()
    staff_client.force_login(staff)
    staff_page = staff_client.get(url).content.decode()
    assert ">Validate<" in staff_page  # their own rights, not the officer's copy
    assert ">Validate<" not in client.get(url).content.decode()

    ActionFactory(plan=plan, title="An action added later")
    assert "An action added later" in client.get(url).content.decode()
    assert "An action added later" in staff_client.get(url).content.decode()


def test_workspace_plan_header_is_kept_and_follows_an_edit_at_once(client, braga, braga_officer):
    from actionplans.services import plan_save

    plan = PlanFactory(city=braga, title="Braga's plan", summary="The first summary")
    url = f"/en/workspace/plans/{plan.pk}/"
    client.force_login(braga_officer)
    assert "The first summary" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url).content.decode()
    assert "The first summary" in again
    assert not any('"actionplans_action"' in q["sql"] for q in kept.captured_queries)

    plan_save(
        plan=plan,
        data={"title": "Braga's renamed plan", "summary": "A revised summary"},
        by=braga_officer,
    )
    page = client.get(url).content.decode()
    assert "Braga&#x27;s renamed plan" in page and "A revised summary" in page
    assert "The first summary" not in page
    # Each language keeps its own copy.
    assert "A revised summary" in client.get(f"/fr/workspace/plans/{plan.pk}/").content.decode()
