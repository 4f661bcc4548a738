"""Whole public pages kept for anonymous visitors (fragments/pages.py): served without a query
while content is unchanged, made again at once after a change, never shared with signed-in
people, never multiplied by parameters a page does not read; no cookie, no Vary on one,
conditional GET."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fragments.pages import KEY_PREFIX

pytestmark = pytest.mark.django_db

MEETING = "braga-critical-friend-review-2019"
PRACTICE = "braga-neighbourhood-employment-desk"
GUIDELINE = "moving-roma-out-of-camps-into-adequate-housing"

# Every kind of public page, as the demo has them.
PUBLIC_PAGES = [
    "/en/",
    "/en/cities/",
    "/en/cities/?pledged=1",
    "/en/cities/braga/",
    "/en/work-plans/",
    "/en/work-plans/2020/",
    "/en/achievements/2019/",
    "/en/practices/",
    "/en/practices/?theme=employment&country=PT",
    "/en/practices/?q=employment",
    f"/en/practices/{PRACTICE}/",
    "/en/practices/feed/",
    "/en/guidelines/",
    f"/en/guidelines/{GUIDELINE}/",
    "/en/meetings/",
    f"/en/meetings/{MEETING}/",
    "/en/meetings/calendar.ics",
    f"/en/meetings/{MEETING}/calendar.ics",
    "/en/plans/{plan}/",
    "/en/network/",
    "/en/network/?country=PT&theme=integrated",
    "/en/network/targets/employment/",
    "/en/accessibility/",
    "/en/privacy/",
    "/fr/",
    "/fr/practices/",
    f"/fr/meetings/{MEETING}/",
]


@pytest.fixture
def public_plan(demo):
    from actionplans.models import ActionPlan

    return ActionPlan.objects.get(city__slug="braga", is_public=True)


def _address(path: str, plan) -> str:
    return path.format(plan=plan.pk)


def _queries(client: Client, path: str, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries.captured_queries)


def _page_entries() -> int:
    """How many whole pages the shared cache holds."""
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):  # the local-memory cache
        return sum(1 for key in cache._cache if KEY_PREFIX in key)
    client = cache._cache.get_client()  # Redis
    return len(client.keys(f"*{KEY_PREFIX}*"))


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_anonymous_page_is_kept_whole_sets_no_cookie_and_does_not_vary_on_one(
    client, public_plan, path
):
    address = _address(path, public_plan)
    first = client.get(address)
    again, queries = _queries(client, address)
    for response in (first, again):
        assert response.status_code == 200
        assert not response.cookies, response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        assert "public" in response["Cache-Control"]
        assert "max-age" in response["Cache-Control"]
        assert response["ETag"] and response["Last-Modified"]
        assert "csrfmiddlewaretoken" not in response.content.decode()
    assert queries == 0  # served whole from the cache
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]


def _rename_braga():
    from cities.models import City

    braga = City.objects.get(slug="braga")
    braga.name = "Braga Renamed"
    braga.save()


def _publish_next_work_plan():
    from objectives.models import WorkPlan

    WorkPlan.objects.create(year=2031, is_published=True)


def _publish_a_guideline():
    from practices.models import Guideline

    guideline = Guideline.objects.get(slug=GUIDELINE)
    guideline.title = "Housing guideline, second edition"
    guideline.save()


def _publish_a_practice():
    from cities.models import City

    from .factories import PracticeFactory

    PracticeFactory(city=City.objects.get(slug="braga"), title="A practice published later")


def _meeting_next_month():
    from cities.models import City

    from .meetings_factories import MeetingFactory

    MeetingFactory(host_city=City.objects.get(slug="braga"), title="A meeting announced later")


def _make_every_plan_private():
    from actionplans.models import ActionPlan

    for plan in ActionPlan.objects.filter(is_public=True):
        plan.is_public = False
        plan.save()


# (page, the change, what the page shows after it; None: the page is simply different).
CHANGES = [
    ("/en/", _rename_braga, "Braga Renamed"),
    ("/en/cities/", _rename_braga, "Braga Renamed"),
    ("/en/cities/braga/", _rename_braga, "Braga Renamed"),
    ("/en/work-plans/", _publish_next_work_plan, "2031"),
    ("/en/work-plans/2020/", _rename_braga, "Braga Renamed"),
    ("/en/achievements/2019/", _rename_braga, "Braga Renamed"),
    ("/en/practices/", _publish_a_practice, "A practice published later"),
    ("/en/practices/?city=braga", _rename_braga, "Braga Renamed"),
    ("/en/practices/?q=employment", _rename_braga, "Braga Renamed"),
    (f"/en/practices/{PRACTICE}/", _rename_braga, "Braga Renamed"),
    ("/en/practices/feed/", _publish_a_practice, "A practice published later"),
    ("/en/guidelines/", _publish_a_guideline, "Housing guideline, second edition"),
    (f"/en/guidelines/{GUIDELINE}/", _publish_a_guideline, "Housing guideline, second edition"),
    ("/en/meetings/", _meeting_next_month, "A meeting announced later"),
    (f"/en/meetings/{MEETING}/", _rename_braga, "Braga Renamed"),
    ("/en/meetings/calendar.ics", _meeting_next_month, "A meeting announced later"),
    (f"/en/meetings/{MEETING}/calendar.ics", _rename_braga, "Braga Renamed"),
    ("/en/plans/{plan}/", _rename_braga, "Braga Renamed"),
    ("/en/network/", _make_every_plan_private, None),
    ("/en/network/targets/employment/", _rename_braga, "Braga Renamed"),
    ("/en/accessibility/", _publish_next_work_plan, "/en/work-plans/2031/"),
    ("/en/privacy/", _publish_next_work_plan, "/en/work-plans/2031/"),
]


@pytest.mark.parametrize(("path", "change", "shown"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_shows_at_once_on_every_kept_page(client, public_plan, path, change, shown):
    address = _address(path, public_plan)
    before = client.get(address)
    assert _queries(client, address)[1] == 0  # kept
    if shown:
        assert shown not in before.content.decode()
    change()
    after = client.get(address)
    assert after.status_code == 200
    assert after.content != before.content
    if shown:
        assert shown in after.content.decode().replace("\r\n ", "")  # iCalendar folds lines
    assert after["ETag"] != before["ETag"]
    # The new page is kept in its turn.
    assert _queries(client, address)[1] == 0


def test_a_change_made_behind_the_caches_back_is_not_shown_until_a_real_one(client, demo):
    """The copy is the versions' copy: a bulk update that sends no signal changes nothing
    until content_changed() is called, as for the fragments."""
    from cities.models import City
    from fragments.versions import content_changed

    client.get("/en/cities/")
    City.objects.filter(slug="braga").update(name="Quietly renamed")
    assert "Quietly renamed" not in client.get("/en/cities/").content.decode()
    content_changed("cities")
    assert "Quietly renamed" in client.get("/en/cities/").content.decode()


def test_signed_in_person_never_gets_the_anonymous_copy_and_makes_none(client, demo):
    from django.contrib.auth import get_user_model

    officer = Client()
    officer.force_login(get_user_model().objects.get(email="braga@example.org"))

    anonymous_first = client.get("/en/practices/").content.decode()
    assert "Sign out" not in anonymous_first
    page, queries = _queries(officer, "/en/practices/")
    assert queries > 0  # rendered for them, not the kept copy
    assert "Sign out" in page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert "ETag" not in page

    # The reverse: what they were shown first is never kept for anonymous visitors.
    entries = _page_entries()
    for path in ["/en/meetings/", f"/en/meetings/{MEETING}/", "/en/cities/braga/"]:
        assert "Sign out" in officer.get(path).content.decode()
        assert _page_entries() == entries
        assert "Sign out" not in client.get(path).content.decode()
        entries += 1
        assert _page_entries() == entries


def test_a_visitor_with_a_message_waiting_gets_their_own_page(client, demo):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest

    client.get("/en/cities/")  # kept
    visitor = Client()
    visitor.cookies[CookieStorage.cookie_name] = CookieStorage(HttpRequest())._encode(
        [Message(constants.SUCCESS, "Your account is erased.")]
    )
    assert "Your account is erased." in visitor.get("/en/cities/").content.decode()
    assert "Your account is erased." not in client.get("/en/cities/").content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/practices/?theme=housing", "/en/meetings/?kind=working_group_meeting", "/en/cities/"],
)
def test_unknown_query_parameters_make_no_entries(client, demo, path):
    glue = "&" if "?" in path else "?"
    before = _page_entries()
    for n in range(5):
        response = client.get(f"{path}{glue}junk={n}&utm_source=mail{n}")
        assert response.status_code == 200
        assert "Cookie" not in response.get("Vary", "")
    assert _page_entries() == before

    moment = timezone.now().replace(second=5)  # the meeting list is kept per minute
    with time_machine.travel(moment, tick=False):
        kept = client.get(path)  # the page's own address is kept once...
    assert _page_entries() == before + 1
    with time_machine.travel(moment + timedelta(seconds=30), tick=False):
        response, queries = _queries(client, f"{path}{glue}junk=99")
    assert queries == 0  # ...and answers the same address with parameters it does not read
    assert response["Last-Modified"] == kept["Last-Modified"]
    assert response.content == kept.content
    assert _page_entries() == before + 1


def test_a_value_the_page_ignores_makes_no_entry(client, demo):
    before = _page_entries()
    for value in ["nonsense", "<b>", "also-not-a-theme"]:
        html = client.get(f"/en/practices/?theme={value}").content.decode()
        assert "was ignored" in html
    assert client.get("/en/practices/?page=abc").status_code == 200
    assert client.get("/en/network/?country=ZZ").status_code == 200
    assert client.get("/en/meetings/?page=999").status_code == 200
    assert _page_entries() == before


def test_revalidation_answers_304(client, demo):
    first = client.get("/en/cities/braga/")
    etag, modified = first["ETag"], first["Last-Modified"]
    not_modified = client.get("/en/cities/braga/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert not not_modified.cookies
    assert client.get("/en/cities/braga/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.head("/en/cities/braga/")["ETag"] == etag

    _rename_braga()
    changed = client.get("/en/cities/braga/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    # A copy made again from unchanged content keeps its ETag (it is the body's digest).
    cache.clear()
    assert client.get("/en/cities/braga/", HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_each_language_is_its_own_copy(client, demo):
    english = client.get("/en/cities/").content.decode()
    french = client.get("/fr/cities/").content.decode()
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert _queries(client, "/fr/cities/")[1] == 0
    assert '<html lang="fr">' in client.get("/fr/cities/").content.decode()


def test_pages_that_move_with_time_are_kept_per_minute_or_day(client, braga):
    from .meetings_factories import MeetingFactory

    now = timezone.now().replace(second=0, microsecond=0)
    MeetingFactory(
        slug="closing-soon",
        host_city=braga,
        registration_deadline=now + timedelta(minutes=5),
        starts_at=now + timedelta(days=10),
        ends_at=now + timedelta(days=11),
    )
    with time_machine.travel(now + timedelta(minutes=4), tick=False):
        assert "Open until" in client.get("/en/meetings/closing-soon/").content.decode()
    with time_machine.travel(now + timedelta(minutes=6), tick=False):
        html = client.get("/en/meetings/closing-soon/").content.decode()
    assert "Open until" not in html and "Closed." in html


def test_page_cache_headers_say_how_long_a_browser_may_keep_it(client, demo, settings):
    settings.PAGE_CACHE_MAX_AGE = 30
    response = client.get("/en/guidelines/")
    assert response["Cache-Control"] == "public, max-age=30"
    # A feed keeps the lifetime it asks for.
    assert "max-age=300" in client.get("/en/meetings/calendar.ics")["Cache-Control"]


def test_sessions_and_signed_in_pages_keep_their_cookie_rules(client, braga_officer):
    """Pages that are not public still set and vary on the session cookie as before."""
    client.force_login(braga_officer)
    response = client.get("/en/workspace/")
    assert "Cookie" in response["Vary"]
    assert settings.SESSION_COOKIE_NAME in client.cookies
