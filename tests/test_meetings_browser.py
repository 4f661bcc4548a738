"""Meeting pages in a real browser: no WCAG 2.1 AA violations (axe-core), keyboard use."""

from __future__ import annotations

import pytest

from .browser import axe_violations


@pytest.fixture
def live_meetings(transactional_db, live_server):
    from cities.models import City
    from demo.meetings import meetings_demo_load

    from .demo_snapshot import demo_in_place

    demo_in_place()
    meetings_demo_load(cities={city.slug: city for city in City.objects.all()})
    return live_server


@pytest.mark.parametrize(
    "path",
    [
        "/en/meetings/",
        "/en/meetings/?year=abcd",
        "/en/meetings/braga-critical-friend-review-2019/",
        "/en/meetings/toulouse-policy-transfer-2019/",
        "/fr/meetings/turin-policy-transfer-2020/",
    ],
)
def test_meeting_pages_have_no_wcag_violations(page, live_meetings, path):
    page.goto(live_meetings.url + path)
    assert page.locator("main#main").count() == 1
    assert axe_violations(page) == []


def test_staff_agenda_builder_has_no_wcag_violations(page, live_meetings):
    from django.contrib.auth import get_user_model

    from .factories import PASSWORD

    staff = get_user_model().objects.create_user(
        email="agenda@example.org", password=PASSWORD, is_staff=True
    )
    from allauth.account.models import EmailAddress

    from accounts.mfa import totp_give

    from .browser import sign_in
    from .factories import TOTP_SECRET

    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    totp_give(user=staff, secret=TOTP_SECRET)  # staff tools need a second factor
    sign_in(page, live_meetings.url, staff.email, PASSWORD, totp_secret=TOTP_SECRET)
    page.wait_for_url("**/en/workspace/")
    for path in (
        "/en/workspace/meetings/",
        "/en/workspace/meetings/braga-critical-friend-review-2019/agenda/",
        "/en/workspace/meetings/braga-critical-friend-review-2019/agenda/items/new/",
        "/en/workspace/meetings/toulouse-policy-transfer-2019/attendance/",
    ):
        page.goto(live_meetings.url + path)
        assert axe_violations(page) == [], path


def test_agenda_days_are_lists_with_machine_readable_times(page, live_meetings):
    page.goto(live_meetings.url + "/en/meetings/braga-critical-friend-review-2019/")
    assert page.get_by_role("heading", name="Day 1 · Tuesday 24 September 2019").is_visible()
    first_time = page.locator(".agenda-day").first.locator("time[datetime]").nth(1)
    assert first_time.get_attribute("datetime") == "2019-09-24T09:00:00+01:00"


def test_officer_registers_by_keyboard_and_sees_the_registration(page, live_meetings):
    from cities.models import City

    from .factories import PASSWORD, MembershipFactory, UserFactory
    from .meetings_factories import MeetingFactory

    ghent = City.objects.get(slug="ghent")
    MeetingFactory(slug="ghent-2031", host_city=ghent, title="Meeting in Ghent", capacity=20)
    officer = UserFactory(
        email="ghent.officer@example.org", first_name="Ghent", last_name="Officer"
    )
    MembershipFactory(city=ghent, user=officer)
    page.goto(live_meetings.url + "/en/accounts/login/")
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/workspace/")

    page.goto(live_meetings.url + "/en/meetings/ghent-2031/")
    page.get_by_role("link", name="Register").click()
    page.wait_for_url("**/ghent-2031/register/")
    assert axe_violations(page) == []
    assert page.get_by_label("Name").input_value() == "Ghent Officer"
    page.get_by_label("Role").fill("Housing officer")
    page.get_by_label("Dietary needs").focus()
    page.keyboard.type("Vegetarian")
    page.get_by_role("button", name="Register").click()
    assert page.get_by_text("Ghent Officer is registered.").is_visible()
    assert page.get_by_role("cell", name="Confirmed").is_visible()
    assert axe_violations(page) == []
