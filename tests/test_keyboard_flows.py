"""Whole flows with the keyboard only, in a real browser: sign in (officer, and staff with
TOTP), edit an action and save, register for a meeting, request a report and download it.

After the first ``page.goto`` of a flow, the test only presses keys (Tab, Shift+Tab, Enter,
Space, arrows) and types. Every stop on the way must be visible and show where the focus is.
A screenshot of each page is kept under ``var/test-artifacts/keyboard/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from .browser import Shots, totp_code

# What the test knows of the focused element: an approximation of its accessible name (label,
# aria-label, text), where it is, and whether the focus shows (outline or box-shadow).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Whitespace collapsed; a label's ":" suffix left out.
  const text = (s) => (s || "").replace(/\\s+/g, " ").trim().replace(/\\s*:$/, "");
  let name = el.getAttribute("aria-label") || "";
  if (!name && el.labels && el.labels.length) name = el.labels[0].textContent;
  if (!name) name = el.textContent || el.value || el.title || "";
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && !/rgba\\(.*,\\s*0\\)$/.test(style.outlineColor);
  return {
    tag: el.tagName.toLowerCase(),
    type: el.getAttribute("type") || "",
    id: el.id,
    name: text(name),
    href: el.getAttribute("href") || "",
    visible: rect.width > 0 && rect.height > 0 && style.visibility !== "hidden"
      && rect.bottom > 0 && rect.right > 0
      && rect.top < window.innerHeight && rect.left < window.innerWidth,
    focusVisible: el.matches(":focus-visible"),
    indicator: outline || (style.boxShadow && style.boxShadow !== "none"),
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
  };
}"""

Target = str | re.Pattern | Callable[[dict], bool]


def _matches(focused: dict | None, target: Target) -> bool:
    if focused is None:
        return False
    if isinstance(target, str):
        return focused["name"] == target
    if isinstance(target, re.Pattern):
        return bool(target.search(focused["name"]))
    return bool(target(focused))


def tab_to(page, target: Target, *, max_presses: int = 80, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches ``target``: its accessible
    name (a string, exactly, or a regular expression) or a predicate on what FOCUSED returns.

    The element reached must be visible and show a focus indicator. Never reaching it within
    ``max_presses`` means a keyboard trap or a control the keyboard cannot reach."""
    key = "Shift+Tab" if backwards else "Tab"
    seen: list[str] = []
    for _press in range(max_presses):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        seen.append(f"{focused['tag']} {focused['name'][:40]!r}" if focused else "<body>")
        if _matches(focused, target):
            assert focused["visible"], f"{target!r} has the focus but is not visible: {focused}"
            assert focused["focusVisible"] and focused["indicator"], (
                f"{target!r} has the focus but shows no focus indicator: {focused}"
            )
            return focused
    raise AssertionError(
        f"The focus never reached {target!r} in {max_presses} presses of {key} on {page.url}; "
        f"it went through: {', '.join(seen[-25:])}"
    )


def link(name: str, href: str) -> Callable[[dict], bool]:
    """The link with this name going to this address (several links may share a name)."""
    return lambda f: f["tag"] == "a" and f["name"] == name and f["href"] == href


def button(name: str) -> Callable[[dict], bool]:
    return lambda f: f["tag"] == "button" and f["name"] == name


def press_enter_and_load(page) -> None:
    """Enter on a link or a submit button, and the next page loaded."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def sign_in_by_keyboard(page, shots: Shots, email: str, password: str) -> None:
    """From the sign-in page: skip link, e-mail, password, the Sign in button."""
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["name"] == "Skip to main content" and skip["visible"] and skip["indicator"], skip
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    tab_to(page, "Email", max_presses=5)
    page.keyboard.type(email)
    tab_to(page, "Password", max_presses=3)
    page.keyboard.type(password)
    shots.take("sign-in-filled")
    tab_to(page, button("Sign in"), max_presses=10)
    press_enter_and_load(page)


# --- (a) Signing in ---------------------------------------------------------------------


def test_officer_signs_in_by_keyboard(page, live_demo):
    shots = Shots(page, "keyboard", "a1")
    page.goto(live_demo.url + "/en/accounts/login/")
    shots.take("sign-in")
    sign_in_by_keyboard(page, shots, "braga@example.org", settings.DEMO_PASSWORD)
    page.wait_for_url("**/en/workspace/")
    expect(page.get_by_role("heading", name="Your action plans")).to_be_visible()
    shots.take("workspace")
    shots.assert_kept(3)


def test_staff_signs_in_by_keyboard_with_the_authenticator_code(page, live_demo):
    from demo.seed import DEMO_TOTP_SECRET

    shots = Shots(page, "keyboard", "a2")
    page.goto(live_demo.url + "/en/accounts/login/")
    shots.take("sign-in")
    sign_in_by_keyboard(page, shots, "staff@example.org", settings.DEMO_PASSWORD)
    page.wait_for_url("**/en/accounts/2fa/authenticate/")
    shots.take("authenticator-code")
    tab_to(page, lambda f: f["tag"] == "input" and f["id"] == "id_code", max_presses=40)
    page.keyboard.type(totp_code(DEMO_TOTP_SECRET))
    tab_to(page, button("Sign In"), max_presses=3)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/workspace/")
    expect(page.get_by_role("heading", name="For the network staff")).to_be_visible()
    shots.take("workspace")
    shots.assert_kept(4)


# --- (b) Editing an action --------------------------------------------------------------


def test_officer_edits_an_action_by_keyboard(page, live_demo):
    from actionplans.models import Action, ActionStatus

    action = Action.objects.get(title="Residents' committees in each neighbourhood")
    assert action.status == ActionStatus.DELAYED
    shots = Shots(page, "keyboard", "b")
    page.goto(live_demo.url + "/en/accounts/login/")
    sign_in_by_keyboard(page, shots, "braga@example.org", settings.DEMO_PASSWORD)
    page.wait_for_url("**/en/workspace/")
    shots.take("workspace")

    tab_to(page, link(action.plan.title, f"/en/workspace/plans/{action.plan_id}/"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/workspace/plans/{action.plan_id}/")
    shots.take("plan")

    tab_to(page, f"Edit {action.title}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/workspace/actions/{action.pk}/")
    shots.take("action-edit")

    tab_to(page, "Responsible body (optional)")
    page.keyboard.press("Control+A")
    page.keyboard.type("Social cohesion department and residents")
    tab_to(page, "Status (self-assessed)")
    assert page.evaluate("document.activeElement.value") == "delayed"
    page.keyboard.press("ArrowDown")  # Delayed -> Completed
    assert page.evaluate("document.activeElement.value") == "completed"
    shots.take("action-edit-filled")
    tab_to(page, button("Save"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/workspace/plans/{action.plan_id}/#actions")
    expect(page.get_by_text("The action is saved.")).to_be_visible()
    shots.take("action-edit-saved")

    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED
    assert action.responsible_body == "Social cohesion department and residents"
    card = page.locator(".action-card", has_text=action.title)
    expect(card.get_by_text("Completed", exact=True)).to_be_visible()
    expect(card.get_by_text("Social cohesion department and residents")).to_be_visible()
    shots.assert_kept(6)


# --- (c) Registering for a meeting ------------------------------------------------------


def test_officer_registers_for_a_meeting_by_keyboard(page, live_demo):
    from cities.models import City
    from meetings.models import Registration

    from .meetings_factories import MeetingFactory

    meeting = MeetingFactory(
        slug="braga-keyboard-2031",
        title="Working group meeting in Braga",
        host_city=City.objects.get(slug="braga"),
        capacity=20,
    )
    shots = Shots(page, "keyboard", "c")
    page.goto(live_demo.url + "/en/accounts/login/")
    sign_in_by_keyboard(page, shots, "braga@example.org", settings.DEMO_PASSWORD)
    page.wait_for_url("**/en/workspace/")
    shots.take("workspace")

    tab_to(page, link("Meetings", "/en/meetings/"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/meetings/")
    shots.take("meetings")

    tab_to(page, meeting.title)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/meetings/{meeting.slug}/")
    shots.take("meeting")

    tab_to(page, "Register")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/meetings/{meeting.slug}/register/")
    shots.take("register-form")

    tab_to(page, "Name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Maria Braga")
    tab_to(page, "Role (optional)")
    page.keyboard.type("Housing officer")
    tab_to(page, "Dietary needs (optional)")
    page.keyboard.type("Vegetarian")
    shots.take("register-form-filled")
    tab_to(page, button("Register"))
    press_enter_and_load(page)
    expect(page.get_by_text("Maria Braga is registered.")).to_be_visible()
    expect(page.get_by_role("cell", name="Confirmed")).to_be_visible()
    shots.take("registered")

    registration = Registration.objects.get(meeting=meeting)
    assert registration.name == "Maria Braga"
    assert registration.email == "braga@example.org"
    assert registration.city.slug == "braga"
    assert registration.role == "Housing officer"
    assert registration.dietary_needs == "Vegetarian"
    assert registration.status == Registration.Status.CONFIRMED
    shots.assert_kept(7)


# --- (d) Requesting a report and downloading it -----------------------------------------


def test_officer_requests_the_progress_report_and_downloads_it_by_keyboard(
    page, live_demo, celery_worker_if_broker
):
    from actionplans.models import ActionPlan
    from reports.models import Report

    plan = ActionPlan.objects.get(city__slug="braga")
    shots = Shots(page, "keyboard", "d")
    page.goto(live_demo.url + "/en/accounts/login/")
    sign_in_by_keyboard(page, shots, "braga@example.org", settings.DEMO_PASSWORD)
    page.wait_for_url("**/en/workspace/")
    shots.take("workspace")

    tab_to(page, link(plan.title, f"/en/workspace/plans/{plan.pk}/"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/workspace/plans/{plan.pk}/")
    shots.take("plan")

    tab_to(page, "Progress report (PDF)")
    # The status page refreshes itself, then starts the download by itself once it is ready.
    with page.expect_download(timeout=90_000) as download_info:
        page.keyboard.press("Enter")
        page.wait_for_url("**/en/reports/**")
        report = Report.objects.get(kind=Report.Kind.PLAN_PROGRESS, object_id=plan.pk)
        assert str(report.uid) in page.url
        shots.take("report-status")
    download = download_info.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert download.suggested_filename.endswith(".pdf")
    # The link stays on the page for whoever wants the file again.
    shots.take("report-ready")
    tab_to(page, "Download the PDF")
    with page.expect_download() as again:
        page.keyboard.press("Enter")
    assert Path(again.value.path()).read_bytes() == data
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    shots.assert_kept(5)
