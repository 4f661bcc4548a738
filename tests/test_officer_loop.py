"""The officer's loop in a real browser, on a phone and on a desktop: sign in, the dashboard says
the progress update is late, write and submit it, download the progress report. A screenshot of
each step is kept in ``var/test-artifacts/loop/``."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .browser import Shots, axe_violations

SIZES = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1366, "height": 900},
}


@pytest.mark.parametrize("size", list(SIZES))
def test_officer_writes_and_submits_an_update_then_downloads_the_report(
    browser, live_demo, celery_worker_if_broker, size
):
    from actionplans.models import ActionPlan, ProgressUpdate
    from reports.models import Report

    plan = ActionPlan.objects.get(city__slug="braga")
    context = browser.new_context(viewport=SIZES[size], accept_downloads=True)
    page = context.new_page()
    shots = Shots(page, "loop", size)

    page.goto(live_demo.url + "/en/accounts/login/")
    page.get_by_label("Email").fill("braga@example.org")
    page.get_by_label("Password").fill(settings.DEMO_PASSWORD)
    shots.take("sign-in")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/en/workspace/")
    expect(page.get_by_role("heading", name="Welcome, Ana")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
    shots.take("dashboard")

    # The late update is a task with its one action.
    task = page.locator(".task", has_text=f"Progress update for {plan.title}")
    expect(task.get_by_text("Late")).to_be_visible()
    task.get_by_role("link", name="Write the update").click()
    page.wait_for_url(f"**/en/workspace/plans/{plan.pk}/updates/new/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Progress update")
    page.get_by_label("Period", exact=True).fill("2026, second half")
    page.get_by_label("Period start").fill("2026-07-01")
    page.get_by_label("Period end").fill("2026-12-31")
    page.get_by_label("Narrative").fill("Forty more children back at school; flats handed over.")
    shots.take("update-form")
    page.get_by_role("button", name="Save and submit (final)").click()
    page.wait_for_url("**/en/workspace/updates/*/")
    expect(page.get_by_text("The update is submitted.")).to_be_visible()
    update = ProgressUpdate.objects.get(plan=plan, period_label="2026, second half")
    assert update.is_submitted and update.submitted_by.email == "braga@example.org"
    assert axe_violations(page) == []
    shots.take("update-submitted")

    page.goto(live_demo.url + f"/en/workspace/plans/{plan.pk}/")
    shots.take("plan")
    with page.expect_download(timeout=90_000) as download_info:
        page.get_by_role("button", name="Progress report (PDF)").click()
        # The status page refreshes itself and brings the file once it is ready.
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    report = Report.objects.get(kind=Report.Kind.PLAN_PROGRESS, object_id=plan.pk)
    assert report.status == Report.Status.READY and report.page_count
    shots.take("report-ready")

    # Asked again, the same document downloads at once, from the plan page itself.
    page.goto(live_demo.url + f"/en/workspace/plans/{plan.pk}/")
    button = page.get_by_role("button", name="Progress report (PDF)")
    expect(button).to_contain_text(f"{report.page_count} pages")
    with page.expect_download() as again:
        button.click()
    assert Path(again.value.path()).read_bytes() == data
    assert Report.objects.count() == 1
    shots.assert_kept(6)
    context.close()
