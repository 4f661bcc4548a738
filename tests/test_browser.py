"""What a person sees in a real browser: accessibility (axe-core) and keyboard use."""

from __future__ import annotations

import pytest

from .browser import axe_violations, sign_in
from .factories import PASSWORD

PUBLIC_PAGES = [
    "/en/",
    "/en/cities/",
    "/en/cities/braga/",
    "/en/work-plans/2020/",
    "/en/achievements/2019/",
    "/fr/",
    "/fr/work-plans/2020/",
    "/en/accounts/login/",
    "/en/accounts/password/reset/",
    "/en/no-such-page/",
    "/en/practices/",
    "/en/practices/?q=housing&theme=housing",
    "/en/practices/toulouse-from-camps-to-housing/",
    "/en/guidelines/",
    "/en/accessibility/",
    "/fr/privacy/",
    "/en/guidelines/moving-roma-out-of-camps-into-adequate-housing/",
    "/en/accounts/data/erased/",
    "/en/network/",
    "/en/network/?country=PT&theme=integrated",
    "/fr/network/",
    "/en/network/targets/employment/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(page, live_demo, path):
    page.goto(live_demo.url + path)
    assert page.locator("main#main").count() == 1
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_and_moves_to_the_content(page, live_demo):
    page.goto(live_demo.url + "/en/work-plans/2020/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).top") == "0px"  # visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_officer_signs_in_by_keyboard_and_sees_their_city(page, live_demo):
    from cities.models import City

    from .factories import MembershipFactory, UserFactory

    MembershipFactory(city=City.objects.get(slug="braga"), user=UserFactory(email="kb@example.org"))
    page.goto(live_demo.url + "/en/accounts/login/")
    page.get_by_label("Email").focus()
    page.keyboard.type("kb@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/workspace/")
    assert page.get_by_role("heading", name="Your action plans").is_visible()
    assert page.get_by_text("Officer of Braga").is_visible()
    assert axe_violations(page) == []


def test_language_switcher_changes_the_page_language(page, live_demo):
    page.goto(live_demo.url + "/en/work-plans/2020/?from=switch")
    switch = page.locator(".header-tools-wrap .language-switcher")
    assert switch.get_by_role("link", name="English").get_attribute("aria-current") == "page"
    french = switch.get_by_role("link", name="Français")
    assert french.get_attribute("aria-current") is None
    french.focus()  # a link in the tab order, opened by the keyboard
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/work-plans/2020/?from=switch")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Plan de travail 2020").is_visible()
    assert page.context.cookies() == []  # no cookie for switching, nor for reading


def test_workspace_pages_have_no_wcag_violations_for_officers_and_staff(page, live_demo, settings):
    from django.contrib.auth import get_user_model

    from actionplans.models import ActionPlan

    plan = ActionPlan.objects.get(city__slug="braga")
    action, indicator = plan.actions.first(), plan.indicators.first()
    update, review = plan.updates.first(), plan.reviews.first()
    braga_lead = get_user_model().objects.get(email="braga@example.org")
    officer_pages = [
        "/en/workspace/",
        f"/en/workspace/plans/{plan.pk}/",
        f"/en/workspace/plans/{plan.pk}/edit/",
        f"/en/workspace/plans/{plan.pk}/history/",
        f"/en/workspace/actions/{action.pk}/",
        f"/en/workspace/indicators/{indicator.pk}/measurements/new/",
        f"/en/workspace/updates/{update.pk}/",
        f"/en/workspace/reviews/{review.pk}/",
        "/en/workspace/practices/new/",
        f"/fr/workspace/plans/{plan.pk}/",
        f"/en/plans/{plan.pk}/",
        "/en/accounts/data/",
        "/en/accounts/data/erase/",
        "/en/workspace/cities/braga/officers/",
    ]
    sign_in(page, live_demo.url, "braga@example.org", settings.DEMO_PASSWORD)
    found = {}
    for path in officer_pages:
        page.goto(live_demo.url + path)
        found[path] = axe_violations(page)
    page.context.clear_cookies()
    from demo.seed import DEMO_TOTP_SECRET

    sign_in(
        page,
        live_demo.url,
        "staff@example.org",
        settings.DEMO_PASSWORD,
        totp_secret=DEMO_TOTP_SECRET,
    )
    for path in [
        "/en/workspace/",
        "/en/workspace/guidelines/new/",
        f"/en/workspace/plans/{plan.pk}/reviews/new/",
        f"/en/workspace/actions/{action.pk}/validate/",
        "/en/workspace/cities/braga/officers/",
        f"/en/workspace/people/{braga_lead.pk}/erase/",
        "/en/network/",
        "/en/network/targets/edu-upper-secondary/",
    ]:
        page.goto(live_demo.url + path)
        found["staff " + path] = axe_violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_network_dashboard_is_filtered_with_the_keyboard_alone(page, live_demo):
    page.goto(live_demo.url + "/en/network/")
    page.get_by_label("Country").focus()
    page.keyboard.type("Portugal")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_theme"
    page.keyboard.type("Integrated")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/network/?country=PT&theme=integrated")
    assert page.get_by_label("Country").input_value() == "PT"
    # The first target's page, then back to the dashboard, with the filters kept.
    page.get_by_role("link", name="Reduce by at least one third the gap in upper secondary").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/network/targets/edu-upper-secondary/?country=PT&theme=integrated")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Reduce by at least one third the gap in upper secondary completion"
    assert axe_violations(page) == []


def test_pages_request_nothing_from_other_hosts(page, live_demo):
    """No CDN, no remote font, no tracker: every request goes to the portal itself."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/en/", "/en/cities/", "/en/practices/", "/en/meetings/", "/fr/work-plans/2020/",
                 "/en/network/"]:  # fmt: skip
        page.goto(live_demo.url + path)
    elsewhere = [url for url in requested if not url.startswith((live_demo.url, "data:"))]
    assert requested and elsewhere == []
