"""Experts from outside the portal in critical friend reviews: invited by staff for the time of a
review, they sign in with single-use links into a limited session that opens that review and
that plan only; their findings show their organisation; revoking or closing the review ends
their access at the next request; they never become accounts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.personal_data import export_for_address
from actionplans.experts import link_create
from actionplans.models import ExternalReviewer, Finding, Review
from actionplans.tasks import external_reviewers_purge
from notifications.models import Notification

from .factories import PlanFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000(/[a-z]{2}/experts/link/[^\s/]+/)")
EXPERT = "evaluator@evaluation.example.org"


@pytest.fixture(autouse=True)
def _eager(eager_tasks):
    """The link e-mails are tasks queued on commit: run them in the test."""


@pytest.fixture
def plan(braga):
    return PlanFactory(city=braga, title="Braga's private plan", is_public=False)


@pytest.fixture
def review(plan, turin_officer):
    review = Review.objects.create(plan=plan, questions="Does the plan reach the families?")
    review.peers.add(turin_officer)
    return review


def _invite(staff_client, review, capture, email: str = EXPERT):
    with capture(execute=True):
        response = staff_client.post(
            f"/en/workspace/reviews/{review.pk}/experts/new/",
            {"name": "Dana Evaluator", "organisation": "Evaluation team", "email": email,
             "role": "evaluator"},
        )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    return ExternalReviewer.objects.get(email=email.lower())


def _open(client, link: str):
    """Open a sign-in link the way a person does: the page, then its button (a link that no
    longer works says so on the page already)."""
    page = client.get(link)
    if page.status_code != 200:
        return page
    return client.post(link)


def _session_of(reviewer) -> Client:
    client = Client()
    token = link_create(reviewer)
    assert _open(client, f"/en/experts/link/{token}/").status_code == 302
    return client


def test_an_invited_expert_signs_in_with_a_link_that_works_once_and_never_gets_an_account(
    staff_client, review, plan, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    (invitation,) = mail.outbox
    assert invitation.to == [EXPERT]
    assert "You are invited to review" in invitation.subject
    link = LINK.search(invitation.body)[1]
    assert "/en/experts/new-link/" in invitation.body
    assert reviewer.links.get().token_hash not in invitation.body  # the hash stays in the database

    client = Client()
    page = client.get(link)
    assert page.status_code == 200 and "Open the review" in page.content.decode()
    assert reviewer.links.get().used_at is None  # opening the page uses nothing
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == f"/en/experts/reviews/{review.pk}/"
    assert not get_user_model().objects.filter(email__iexact=EXPERT).exists()
    assert "_auth_user_id" not in client.session

    html = client.get(response["Location"]).content.decode()
    assert "Does the plan reach the families?" in html
    assert "Evaluation team (evaluator of the plan)" in html
    plan_page = client.get(f"/en/experts/reviews/{review.pk}/plan/")
    assert (
        plan_page.status_code == 200 and "Braga&#x27;s private plan" in plan_page.content.decode()
    )

    # The link works once.
    again = _open(Client(), link)
    assert again.status_code == 410 and "each link works once" in again.content.decode()
    assert Client().post(link).status_code == 410
    assert _open(Client(), "/en/experts/link/no-such-link/").status_code == 404


def test_the_session_opens_that_review_and_that_plan_only(
    staff_client, review, braga, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    other = Review.objects.create(plan=PlanFactory(city=braga), questions="Another review")
    assert client.get(f"/en/experts/reviews/{other.pk}/").status_code == 404
    assert client.get(f"/en/experts/reviews/{other.pk}/plan/").status_code == 404
    # The workspace needs an account, staff pages a second factor: the session reaches none.
    for path in (
        "/en/workspace/",
        f"/en/workspace/reviews/{review.pk}/",
        f"/en/workspace/plans/{review.plan_id}/",
        "/en/workspace/meetings/new/",
        "/en/workspace/people/without-account/",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path
    assert "/login/" in client.get("/en/admin/")["Location"]
    # Posting a finding into another review goes nowhere either.
    response = client.post(
        f"/en/experts/reviews/{other.pk}/",
        {"section": "overall", "kind": "finding", "text": "Sneaked in"},
    )
    assert response.status_code == 404 and not Finding.objects.exists()


def test_an_expert_writes_findings_shown_with_their_organisation_not_their_address(
    staff_client, review, braga_lead, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/experts/reviews/{review.pk}/",
            {"section": "indicators", "kind": "recommendation",
             "text": "Measure how many families the centres reach."},
        )  # fmt: skip
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.external_author == reviewer and finding.author is None
    assert finding.author_label == "Evaluation team (evaluator of the plan)"
    # The host city hears of it, and reads the organisation, never the address.
    assert Notification.objects.filter(recipient=braga_lead, kind="finding_added").exists()
    host = Client()
    host.force_login(braga_lead)
    html = host.get(f"/en/workspace/reviews/{review.pk}/").content.decode()
    assert "Measure how many families" in html
    assert "Evaluation team (evaluator of the plan)" in html
    assert EXPERT not in html and "Dana Evaluator" not in html
    # Staff see who the expert is, to reach them.
    assert EXPERT in staff_client.get(f"/en/workspace/reviews/{review.pk}/").content.decode()
    # Bad input is refused with the form again.
    assert client.post(f"/en/experts/reviews/{review.pk}/", {"text": ""}).status_code == 400


def test_revoking_ends_the_access_at_the_next_request(
    staff_client, review, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    unused = link_create(reviewer)
    assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 200

    assert staff_client.post(f"/en/workspace/experts/{reviewer.pk}/revoke/").status_code == 302
    refused = client.get(f"/en/experts/reviews/{review.pk}/")
    assert refused.status_code == 403 and "Your access has ended" in refused.content.decode()
    assert client.post(
        f"/en/experts/reviews/{review.pk}/",
        {"section": "overall", "kind": "finding", "text": "Too late"},
    ).status_code in (302, 403)
    assert not Finding.objects.exists()
    # The session is forgotten; the links open nothing.
    assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 302
    assert _open(Client(), f"/en/experts/link/{unused}/").status_code in (404, 410)
    # Asking for a new link sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/en/experts/new-link/", {"email": EXPERT})
    assert mail.outbox == []


def test_closing_the_review_ends_the_access_at_the_next_request(
    staff_client, review, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    unused = link_create(reviewer)
    assert staff_client.post(f"/en/workspace/reviews/{review.pk}/close/").status_code == 302
    assert client.get(f"/en/experts/reviews/{review.pk}/plan/").status_code == 403
    assert _open(Client(), f"/en/experts/link/{unused}/").status_code == 404  # deleted at closing
    reviewer.refresh_from_db()
    assert reviewer.access_ended_at is not None


def test_a_link_expires_and_a_session_lasts_a_few_hours(
    staff_client, review, settings, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    token = link_create(reviewer)
    with time_machine.travel(
        timezone.now() + timedelta(hours=settings.EXTERNAL_LINK_VALID_HOURS, minutes=1)
    ):
        expired = _open(Client(), f"/en/experts/link/{token}/")
    assert expired.status_code == 410 and "expired" in expired.content.decode()

    settings.SESSION_COOKIE_AGE = 24 * 3600  # the absolute limit, not the idle one
    client = _session_of(reviewer)
    later = timezone.now() + timedelta(hours=settings.EXTERNAL_SESSION_HOURS, minutes=1)
    with time_machine.travel(later):
        assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 403


def test_a_new_link_never_says_whether_the_address_is_known(
    staff_client, review, settings, django_capture_on_commit_callbacks
):
    _invite(staff_client, review, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    answers = []
    for email in (EXPERT, "stranger@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post("/en/experts/new-link/", {"email": email}, follow=True)
        page = re.sub(r'value="[^"]*"', "", response.content.decode())  # tokens differ
        answers.append((response.redirect_chain, response.status_code, page))
    assert answers[0] == answers[1]
    assert "If this address is invited to a review that is open" in answers[0][2]
    (message,) = mail.outbox
    assert message.to == [EXPERT] and LINK.search(message.body)

    # Limited per address asked for (and per client address): 429 with Retry-After.
    client = Client()
    statuses = [
        client.post("/en/experts/new-link/", {"email": EXPERT}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]  # one was asked above: three an hour
    limited = client.post("/en/experts/new-link/", {"email": EXPERT})
    assert limited.status_code == 429 and int(limited["Retry-After"]) == 3600


def test_a_signed_in_person_who_opens_a_link_is_signed_out_first(
    staff_client, review, braga_lead, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(braga_lead)
    token = link_create(reviewer)
    page = client.get(f"/en/experts/link/{token}/").content.decode()
    assert "Opening it signs you out of your account" in page
    assert client.post(f"/en/experts/link/{token}/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/en/workspace/").status_code == 302
    # Signing in again leaves the expert session behind.
    client.force_login(braga_lead)
    assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 302
    assert "external_reviewer" not in client.session


def test_the_expert_signs_out(staff_client, review, django_capture_on_commit_callbacks):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    assert client.post("/en/experts/sign-out/").status_code == 302
    assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 302


def test_personal_data_of_an_expert_is_exported_and_erased_by_address(
    staff_client, review, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    client.post(
        f"/en/experts/reviews/{review.pk}/",
        {"section": "overall", "kind": "finding", "text": "A useful plan."},
    )
    (row,) = export_for_address(EXPERT)["reviews_as_invited_expert"]
    assert (
        row["name"] == "Dana Evaluator" and row["findings_written"][0]["text"] == "A useful plan."
    )

    url = "/en/workspace/people/without-account/"
    download = staff_client.post(url, {"email": EXPERT, "action": "download"})
    assert json.loads(download.content)["reviews_as_invited_expert"]
    erased = staff_client.post(url, {"email": EXPERT, "action": "erase", "confirm": "on"})
    assert erased.status_code == 302
    reviewer.refresh_from_db()
    assert (reviewer.name, reviewer.email) == ("", "") and reviewer.erased_at is not None
    assert client.get(f"/en/experts/reviews/{review.pk}/").status_code == 403
    assert Finding.objects.get().author_label == "Evaluation team (evaluator of the plan)"


def test_experts_details_are_erased_a_set_time_after_their_access_ended(
    staff_client, review, settings, django_capture_on_commit_callbacks
):
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    staff_client.post(f"/en/workspace/reviews/{review.pk}/close/")
    reviewer.refresh_from_db()
    ended = reviewer.access_ended_at
    with time_machine.travel(ended + timedelta(days=330)):
        assert external_reviewers_purge.delay().get() == 0
    with time_machine.travel(ended + timedelta(days=370)):
        assert external_reviewers_purge.delay().get() == 1
        assert external_reviewers_purge.delay().get() == 0
    reviewer.refresh_from_db()
    assert (reviewer.name, reviewer.email, reviewer.organisation) == ("", "", "Evaluation team")
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert external_reviewers_purge.name in names


def test_the_demo_invites_an_external_evaluator_to_berlins_plan(
    demo, django_capture_on_commit_callbacks
):
    reviewer = ExternalReviewer.objects.get(email="evaluator@example.org")
    assert reviewer.review.plan.city.slug == "berlin" and reviewer.has_access
    assert reviewer.role == ExternalReviewer.Role.EVALUATOR
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/en/experts/new-link/", {"email": "evaluator@example.org"})
    link = LINK.search(mail.outbox[-1].body)[1]
    client = Client()
    assert _open(client, link).status_code == 302
    page = client.get(f"/en/experts/reviews/{reviewer.review_id}/plan/").content.decode()
    assert "Berlin Roma Inclusion Action Plan" in page


VNU = (
    Path(__file__).resolve().parent.parent
    / "tools/htmlcheck/node_modules/vnu-jar/build/dist/vnu.jar"
)


def test_the_experts_pages_are_valid_html(
    staff_client, review, tmp_path, django_capture_on_commit_callbacks
):
    """The pages the every-page checks cannot reach: they need an expert's session."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML checker is installed by `make test` (tools/htmlcheck)")
    reviewer = _invite(staff_client, review, django_capture_on_commit_callbacks)
    client = _session_of(reviewer)
    client.post(
        f"/en/experts/reviews/{review.pk}/",
        {"section": "overall", "kind": "finding", "text": "A finding."},
    )
    pages = {
        "review": client.get(f"/en/experts/reviews/{review.pk}/"),
        "plan": client.get(f"/en/experts/reviews/{review.pk}/plan/"),
        "errors": client.post(f"/en/experts/reviews/{review.pk}/", {"text": ""}),
        "used link": _open(Client(), "/en/experts/link/unknown/"),
    }
    for name, response in pages.items():
        (tmp_path / f"{name.replace(' ', '-')}.html").write_text(response.content.decode())
    done = subprocess.run(
        ["java", "-XX:TieredStopAtLevel=1", "-jar", str(VNU), "--format", "json", "--errors-only",
         str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages if m.get("type") == "error"] == []


def test_the_experts_pages_pass_axe_in_a_real_browser(page, live_demo):
    from .browser import axe_violations

    reviewer = ExternalReviewer.objects.get(email="evaluator@example.org")
    token = link_create(reviewer)
    page.goto(f"{live_demo.url}/en/experts/link/{token}/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Open the review").press("Enter")
    page.wait_for_url(f"**/experts/reviews/{reviewer.review_id}/")
    assert axe_violations(page) == []
    page.get_by_label("Text").fill("The centres reach families in four districts of twelve.")
    page.get_by_role("button", name="Add").click()
    page.wait_for_load_state()
    assert "External evaluation team (evaluator of the plan)" in page.content()
    page.get_by_role("link", name="The plan").click()
    page.wait_for_url("**/plan/")
    assert axe_violations(page) == []
    page.goto(f"{live_demo.url}/en/experts/new-link/")
    assert axe_violations(page) == []
