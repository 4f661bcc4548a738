from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from cities.models import City
from objectives.models import Activity, Objective

pytestmark = pytest.mark.django_db

SEED_FACTS = {
    "/en/": ["Turin", "Berlin", "school dropout", "Objective 3"],
    "/en/work-plans/2020/": [
        "Turin",
        "Berlin",
        "Braga",
        "school dropout",
        "Spring 2020",
        "Autumn 2020",
        "A good start in life for all children and young people",
        "Diversity, social cohesion and integration of refugees and migrants",
        "Draft action plans for 5 replicating cities",
        "Berlin Roma Inclusion Action Plan",
        "external evaluation methodology",
        "DG JUST",
        "OHCHR",
        "European Parliament",
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "Ensure quality and inclusive education",
        "Policy and funding officer",
    ],
    "/en/achievements/2019/": [
        "Toulouse",
        "Braga",
        "35 city officers from 15 European cities",
        "22 local experts from 12 cities",
        "24–26 September 2019",
        "North Macedonia",
        "Council of Europe",
        "Eurodiaconia",
        "DG JUST",
        "principle 3 on equal opportunities",
        "4 transfer cities had the opportunity",
        "7 cities committed to the implementation of principle 3",
        "Guidelines on integrated city plans",
    ],
    "/en/cities/": ["Turin", "Berlin", "Braga", "Toulouse"],
    "/en/cities/braga/": [
        "Braga",
        "Portugal",
        "Critical friend review in Braga",
        "24–26 September 2019",
    ],
}


def test_demo_data_loads_twice_without_duplicates_and_shows_the_seed(client: Client):
    from demo.services import demo_load

    demo_load()
    counts = (City.objects.count(), Objective.objects.count(), Activity.objects.count())
    demo_load()
    assert (City.objects.count(), Objective.objects.count(), Activity.objects.count()) == counts

    for path, facts in SEED_FACTS.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        for fact in facts:
            assert fact in html, f"{fact!r} missing on {path}"


def test_achievement_figures_are_shown_as_figures(client, demo):
    html = client.get("/en/achievements/2019/").content.decode()
    assert '<span class="figure-value">35</span> <span class="figure-label">city officers' in html
    assert '<span class="figure-value">7</span>' in html


def test_unprefixed_paths_redirect_to_a_language(client, demo):
    response = client.get("/work-plans/2020/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/work-plans/2020/"


@pytest.mark.parametrize(
    "path",
    [
        "/en/cities/atlantis/",
        "/en/work-plans/1999/",
        "/en/work-plans/abcd/",
        "/en/work-plans/20201/",
        "/en/work-plans/99999999999999999999/",
        "/en/achievements/2031/",
        "/en/achievements/-1/",
        "/en/no-such-page/",
    ],
)
def test_unknown_addresses_answer_the_sites_own_404(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_unpublished_work_plan_is_not_public(client, demo):
    from objectives.models import WorkPlan

    WorkPlan.objects.filter(year=2020).update(is_published=False)
    assert client.get("/en/work-plans/2020/").status_code == 404


def test_city_directory_places_every_city_on_the_map(client, demo):
    html = client.get("/en/cities/").content.decode()
    assert html.count('class="map-dot"') == City.objects.count()
    assert "europe-map.svg" in html
    assert "Map of Europe showing 16 cities" in html


def test_home_lists_what_comes_next_in_calendar_order(client, demo):
    with time_machine.travel(date(2020, 1, 15), tick=False):
        html = client.get("/en/").content.decode()
    section = html.split("What comes next", 1)[1].split("What we", 1)[0]
    assert section.index("Spring 2020") < section.index("Autumn 2020")


def test_home_moves_events_that_took_place_to_what_we_did(client, demo):
    """Turin (spring) and Berlin (autumn 2020) were held: on a day after both, they are no
    longer "next" but under "What we did", the most recent first, each with its meeting."""
    with time_machine.travel(date(2020, 6, 1), tick=False):
        html = client.get("/en/").content.decode()
    upcoming = html.split("What comes next", 1)[1].split("What we did", 1)[0]
    assert "Autumn 2020" in upcoming and "Spring 2020" not in upcoming
    with time_machine.travel(date(2021, 1, 10), tick=False):
        html = client.get("/en/").content.decode()
    upcoming, done = html.split("What comes next", 1)[1].split("What we did", 1)
    assert "Spring 2020" not in upcoming and "Autumn 2020" not in upcoming
    assert done.index("Autumn 2020") < done.index("Spring 2020")
    assert "Held" in done


def test_home_page_query_count_does_not_grow_with_cities(
    client, demo, django_assert_max_num_queries
):
    from tests.factories import CityFactory

    # The events' states read their evidence: one query a kind of record (meetings, guidelines,
    # transfers, plans, updates, advocacy) and one a kind linked by staff, whatever their number;
    # the texts shown (plan, objectives, priorities, events, practices) one a kind for their
    # translations, and the first time its content type.
    with django_assert_max_num_queries(32) as first:
        client.get("/en/")
    CityFactory.create_batch(30)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/en/")


def test_pages_carry_a_strict_content_security_policy(client, demo):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "base-uri 'none'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy  # nothing loaded from elsewhere


def test_pages_load_nothing_from_other_hosts(client, demo):
    for path in ["/en/", "/en/cities/", "/en/work-plans/2020/", "/en/achievements/2019/"]:
        html = client.get(path).content.decode()
        for attribute in ('src="http', 'href="http'):
            assert attribute not in html.replace('href="http://testserver', ""), path


def test_server_errors_show_the_sites_own_page(demo, monkeypatch):
    import portal.views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(portal.views, "current_work_plan", broken)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "boom" not in response.content.decode()


def test_favicon_address_points_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_accessibility_statement_and_privacy_notice_are_linked_from_every_page(client, demo):
    html = client.get("/en/cities/").content.decode()
    assert 'href="/en/accessibility/"' in html and 'href="/en/privacy/"' in html
    statement = client.get("/en/accessibility/").content.decode()
    assert "Web Accessibility Directive" in statement and "WCAG" in statement
    assert "ethnic origin" in client.get("/en/privacy/").content.decode()
    assert "Déclaration d'accessibilité" in client.get("/fr/accessibility/").content.decode()


def test_signed_in_sessions_expire_after_two_hours_without_activity(client, braga_officer):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from .factories import PASSWORD

    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.post("/en/accounts/login/", {"login": braga_officer.email, "password": PASSWORD})
        clock.shift(timedelta(minutes=90))
        assert client.get("/en/workspace/").status_code == 200  # activity: the clock restarts
        clock.shift(timedelta(minutes=90))
        assert client.get("/en/workspace/").status_code == 200
        clock.shift(timedelta(hours=2, minutes=1))
        # With Redis the session is also cached, with the same lifetime counted in real time.
        from django.core.cache import cache

        cache.clear()
        response = client.get("/en/workspace/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_activity_keeps_a_session_alive_with_one_write_a_minute_at_most(client, braga_officer):
    from datetime import timedelta

    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    def session_writes() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/workspace/").status_code == 200
        return sum(
            1
            for query in queries.captured_queries
            if "django_session" in query["sql"] and not query["sql"].startswith("SELECT")
        )

    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(braga_officer)
        assert session_writes() == 1  # the first page of the session stamps it
        clock.shift(timedelta(seconds=20))
        assert session_writes() == 0
        assert session_writes() == 0
        clock.shift(timedelta(seconds=61))
        assert session_writes() == 1  # a minute on: the end moves on
        assert session_writes() == 0
