"""PDF reports: requested over HTTP, produced by the task, downloaded with the same access
rules as their content, rendered once per content, recovered when a worker dies."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from actionplans.models import Measurement, Milestone
from cities.models import Commitment, Pledge
from objectives.models import WorkPlanContact
from practices.models import Guideline, GuidelineSection, Recommendation
from reports import rendering, services, tasks
from reports.models import Report
from reports.pdf import StaticOnlyFetcher

from .factories import (
    AchievementFactory,
    ActionFactory,
    CityFactory,
    FigureFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PlanFactory,
    PracticeFactory,
    WorkPlanFactory,
)
from .meetings_factories import AgendaItemFactory, MeetingFactory
from .reports_helpers import (
    HAVE_POPPLER,
    download,
    one_section_guideline,
    pdf_fonts,
    pdf_info,
    pdf_pages,
    pdf_text,
    report_made_by_the_worker,
    request_report,
)

EU_LETTERS = "ă ș ț ő ł č"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def guideline(db, braga):
    guideline = Guideline.objects.create(
        title=f"Inclusive schools ({EU_LETTERS})",
        slug="inclusive-schools",
        topic="Education",
        introduction="<p>Why schools matter for Roma children.</p>",
        status="published",
        published_at=timezone.now(),
    )
    for order in range(1, 4):
        section = GuidelineSection.objects.create(
            guideline=guideline,
            order=order,
            title=f"Section {order} about mediators",
            body=f"<p>Body text of section {order}.</p>",
        )
        Recommendation.objects.create(section=section, text=f"Recommendation {order}: hire them.")
    guideline.practices.add(PracticeFactory(city=braga, title="School mediators in Braga"))
    return guideline


@pytest.fixture
def private_plan(braga):
    plan = PlanFactory(city=braga, title="Braga school plan", is_public=False)
    action = ActionFactory(plan=plan, title="Hire school mediators", status="on_track")
    Milestone.objects.create(action=action, title="Five mediators hired", due_date=date(2021, 6, 1))
    indicator = IndicatorFactory(plan=plan, name="Children at school")
    Measurement.objects.create(indicator=indicator, date=date(2020, 1, 1), value=12)
    Measurement.objects.create(indicator=indicator, date=date(2021, 1, 1), value=25)
    return plan


# --- Request, status page, download -----------------------------------------------------


def test_guideline_report_is_requested_produced_and_downloaded(
    client, guideline, eager_tasks, django_capture_on_commit_callbacks
):
    report = request_report(
        client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
    )
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert report.file.name.startswith("reports/") and "inclusive" not in report.file.name
    assert len(report.fingerprint) == 64

    page = client.get(report.get_absolute_url())
    assert b'http-equiv="refresh"' not in page.content
    assert f"/en/reports/{report.uid}/download/".encode() in page.content

    data = download(client, report)
    text = pdf_text(data)
    for expected in [
        guideline.title,
        "Contents",
        "Section 2 about mediators",
        "Recommendation 3: hire them.",
        "Case study 1: School mediators in Braga",
        EU_LETTERS.replace(" ", " "),
    ]:
        assert expected in text, expected
    assert "Page 1 of" not in text  # the cover has no page number…
    assert "Page 2 of" in text  # …the other pages have "page X of Y"
    assert 4 <= pdf_pages(data) <= 15
    if HAVE_POPPLER:
        info = pdf_info(data)
        assert info["Tagged"] == "yes"
        assert info["Title"] == guideline.title
        fonts = pdf_fonts(data)
        assert fonts and all(embedded for _name, embedded in fonts)
        assert not any("Serif" in name for name, _e in fonts)  # no system fallback font


def test_status_page_refreshes_itself_while_the_report_is_pending(client, guideline):
    report = Report.objects.create(
        kind="guideline", object_id=guideline.pk, language="en", title="Pending report"
    )
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert b'<meta http-equiv="refresh" content="3">' in page.content
    assert b"download/" not in page.content
    assert client.get(f"/en/reports/{report.uid}/download/").status_code == 404


def test_request_is_a_post_with_a_known_kind(client, guideline):
    assert client.get("/en/reports/request/").status_code == 405
    response = client.post("/en/reports/request/", {"kind": "invoice", "object_id": guideline.pk})
    assert response.status_code == 404
    assert not Report.objects.exists()


# --- Same content, one render -------------------------------------------------------------


def test_same_content_requested_twice_downloads_at_once_the_second_time(
    client, guideline, staff, eager_tasks, django_capture_on_commit_callbacks
):
    with mock.patch("reports.rendering.html_to_pdf", wraps=rendering.html_to_pdf) as render:
        first = request_report(
            client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
        )
        client.force_login(staff)
        with django_capture_on_commit_callbacks(execute=True):
            again = client.post(
                "/en/reports/request/", {"kind": "guideline", "object_id": guideline.pk}
            )
    assert render.call_count == 1
    assert again.status_code == 303
    assert again["Location"] == f"/en/reports/{first.uid}/download/"
    assert Report.objects.count() == 1
    first.refresh_from_db()
    assert first.page_count >= 1 and first.file_size > 1000


def test_a_report_asked_twice_while_the_first_renders_reuses_its_file(
    guideline, staff, eager_tasks, django_capture_on_commit_callbacks
):
    """Two rows of the same document (the second asked before the first was ready): the worker
    renders once and the second row takes the first one's file."""
    with mock.patch("reports.rendering.html_to_pdf", wraps=rendering.html_to_pdf) as render:
        with django_capture_on_commit_callbacks(execute=True):
            first = services.report_request(
                kind="guideline", object_id=guideline.pk, year=None, language="en",
                title="G", user=staff,
            )  # fmt: skip
        second = Report.objects.create(
            kind="guideline", object_id=guideline.pk, language="en", title="G"
        )
        rendering.report_render(report_id=second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert render.call_count == 1
    assert second.status == Report.Status.READY
    assert second.file.name == first.file.name
    assert second.reused_from_id == first.pk
    assert (second.page_count, second.file_size) == (first.page_count, first.file_size)


def test_changed_content_is_rendered_again(
    client, guideline, eager_tasks, django_capture_on_commit_callbacks
):
    with mock.patch("reports.rendering.html_to_pdf", wraps=rendering.html_to_pdf) as render:
        first = request_report(
            client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
        )
        Recommendation.objects.filter(section__guideline=guideline).update(text="Changed advice")
        second = request_report(
            client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert render.call_count == 2
    assert first.fingerprint != second.fingerprint
    assert "Changed advice" in pdf_text(download(client, second))


# --- Who may download -------------------------------------------------------------------


def test_private_plan_report_is_only_for_staff_and_the_city(
    client,
    private_plan,
    braga_officer,
    turin_officer,
    staff,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    assert (
        client.post(
            "/en/reports/request/", {"kind": "plan_progress", "object_id": private_plan.pk}
        ).status_code
        == 404
    )  # a visitor may not even ask
    client.force_login(braga_officer)
    report = request_report(
        client, django_capture_on_commit_callbacks, kind="plan_progress", object_id=private_plan.pk
    )
    text = pdf_text(download(client, report))
    for expected in [
        "Braga school plan",
        "Hire school mediators",
        "Five mediators hired",
        "Children at school",
    ]:
        assert expected in text, expected

    client.logout()
    assert client.get(f"/en/reports/{report.uid}/download/").status_code == 404
    assert client.get(report.get_absolute_url()).status_code == 404
    client.force_login(turin_officer)
    assert client.get(f"/en/reports/{report.uid}/download/").status_code == 404
    client.force_login(staff)
    download(client, report)


def test_guideline_report_is_public_until_the_guideline_is_unpublished(
    client, guideline, staff, eager_tasks, django_capture_on_commit_callbacks
):
    report = request_report(
        client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
    )
    download(client, report)
    Guideline.objects.filter(pk=guideline.pk).update(status="draft")
    assert client.get(f"/en/reports/{report.uid}/download/").status_code == 404
    client.force_login(staff)
    download(client, report)


# --- Failure and retry ------------------------------------------------------------------


def test_failed_report_shows_the_reason_and_the_person_who_asked_can_retry(
    client, guideline, braga_officer, turin_officer, eager_tasks, django_capture_on_commit_callbacks
):
    client.force_login(braga_officer)
    with mock.patch("reports.rendering.html_to_pdf", side_effect=RuntimeError("boom")):
        report = request_report(
            client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
        )
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    page = client.get(report.get_absolute_url()).content.decode()
    assert "could not be produced (RuntimeError)" in page
    assert f"/en/reports/{report.uid}/retry/" in page

    client.force_login(turin_officer)  # may see the public guideline, did not ask
    assert (
        f"/en/reports/{report.uid}/retry/"
        not in client.get(report.get_absolute_url()).content.decode()
    )
    assert client.post(f"/en/reports/{report.uid}/retry/").status_code == 404

    client.force_login(braga_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/reports/{report.uid}/retry/")
    assert response.status_code == 303
    report.refresh_from_db()
    assert report.status == Report.Status.READY and report.error == ""
    assert report.attempts == 2
    assert guideline.title in pdf_text(download(client, report))


def test_report_of_a_meeting_unpublished_before_rendering_fails_with_a_reason(braga):
    meeting = MeetingFactory(host_city=braga, draft=True)
    report = Report.objects.create(kind="meeting_agenda", object_id=meeting.pk, language="en")
    tasks.report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "not published" in report.error


# --- A worker that dies -----------------------------------------------------------------


def test_redelivered_task_completes_a_report_left_running_by_a_dead_worker(guideline):
    long_ago = timezone.now() - timedelta(hours=1)
    report = Report.objects.create(
        kind="guideline", object_id=guideline.pk, language="en", status=Report.Status.RUNNING
    )
    Report.objects.filter(pk=report.pk).update(started_at=long_ago, created_at=long_ago, attempts=1)
    tasks.report_render.apply(args=[report.pk])  # what the broker re-delivers (acks_late)
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert report.attempts == 2
    assert default_storage.exists(report.file.name)


def test_scheduled_sweep_queues_again_reports_lost_by_their_worker(
    guideline, eager_tasks, django_capture_on_commit_callbacks
):
    long_ago = timezone.now() - timedelta(hours=1)
    lost = Report.objects.create(kind="guideline", object_id=guideline.pk, language="en")
    Report.objects.filter(pk=lost.pk).update(
        status=Report.Status.RUNNING, started_at=long_ago, created_at=long_ago
    )
    fresh = Report.objects.create(kind="guideline", object_id=guideline.pk, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.reports_stale_requeue.apply().get() == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == Report.Status.READY
    assert fresh.status == Report.Status.QUEUED  # a young row is left to its worker


def test_task_declares_late_acknowledgement_and_limits():
    task = tasks.report_render
    assert task.acks_late and task.reject_on_worker_lost
    assert task.time_limit and task.soft_time_limit < task.time_limit


# --- Expiry -----------------------------------------------------------------------------


def test_expired_reports_and_their_files_are_deleted(
    client, guideline, staff, eager_tasks, django_capture_on_commit_callbacks
):
    old = request_report(
        client, django_capture_on_commit_callbacks, kind="guideline", object_id=guideline.pk
    )
    old.refresh_from_db()
    path = Path(settings.MEDIA_ROOT) / old.file.name
    assert path.exists()
    Report.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert tasks.reports_expired_delete.apply().get() == 1
    assert not Report.objects.filter(pk=old.pk).exists()
    assert not path.exists()


# --- WeasyPrint fetches nothing from the network -----------------------------------------


def test_renderer_fetches_only_the_portal_static_files():
    fetcher = StaticOnlyFetcher()
    font = fetcher.fetch("https://portal.invalid/static/fonts/DejaVuSans.ttf")
    assert font.read(4) == b"\x00\x01\x00\x00"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    for url in [
        "https://example.org/static/fonts/DejaVuSans.ttf",
        "http://portal.invalid/static/fonts/DejaVuSans.ttf",
        "https://portal.invalid/static/../../etc/passwd",
        "https://portal.invalid/media/reports/x.pdf",
        "file:///etc/passwd",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5


def test_guideline_with_a_remote_image_renders_without_fetching_it(guideline, eager_tasks):
    GuidelineSection.objects.filter(guideline=guideline, order=1).update(
        body='<p>Look: <img src="https://tracker.example.org/pixel.png" alt="pixel"></p>'
    )
    report = Report.objects.create(kind="guideline", object_id=guideline.pk, language="en")
    with mock.patch("urllib.request.OpenerDirector.open", side_effect=AssertionError) as net:
        tasks.report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert not net.called


# --- Every kind -------------------------------------------------------------------------


def test_every_kind_renders_with_its_content(
    client, braga, staff, private_plan, guideline, eager_tasks, django_capture_on_commit_callbacks
):
    work_plan = WorkPlanFactory(year=2021, is_published=True)
    ObjectiveFactory(work_plan=work_plan, number=1, title="Fewer children leave school early")
    WorkPlanContact.objects.create(
        work_plan=work_plan, role="Coordinator", organisation="Eurocities"
    )
    achievement = AchievementFactory(year=2020, number=1, title="Thirty officers trained")
    commitment = Commitment.objects.create(framework="Pillar", title="Principle 3")
    for city in CityFactory.create_batch(12):
        Pledge.objects.create(city=city, commitment=commitment, year=2020)
    FigureFactory(achievement=achievement, key="pledged", label="cities pledged",
                  commitment=commitment)  # fmt: skip
    meeting = MeetingFactory(host_city=braga, title="Braga working group meeting")
    AgendaItemFactory(meeting=meeting, title="Welcome by the mayor")

    client.force_login(staff)
    cases = {
        "guideline": ({"object_id": guideline.pk}, ["Case study 1"]),
        "plan_progress": ({"object_id": private_plan.pk}, ["Children at school"]),
        "work_plan": (
            {"year": 2021},
            ["Fewer children leave school early", "Thirty officers trained", "12", "Coordinator"],
        ),
        "meeting_agenda": ({"object_id": meeting.pk}, ["Welcome by the mayor", "Day 1"]),
    }
    keep = os.environ.get("REPORTS_KEEP_PDFS")
    for kind, (data, expected) in cases.items():
        report = request_report(client, django_capture_on_commit_callbacks, kind=kind, **data)
        report.refresh_from_db()
        assert report.status == Report.Status.READY, (kind, report.error)
        pdf = download(client, report)
        text = pdf_text(pdf)
        for snippet in expected:
            assert snippet in text, (kind, snippet)
        assert "Contents" in text and 3 <= pdf_pages(pdf) <= 20
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"{kind}.pdf").write_bytes(pdf)
            print(kind, f"{report.render_seconds:.2f}s", pdf_pages(pdf), "pages")


def test_report_is_produced_in_the_language_it_was_asked_in(
    client, guideline, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/reports/request/", {"kind": "guideline", "object_id": guideline.pk}
        )
    report = Report.objects.get()
    assert report.language == "fr"
    assert response["Location"].startswith("/fr/reports/")


# --- With a real worker -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_report_is_produced_by_the_worker_after_commit(client, celery_worker_if_broker, braga):
    guideline = one_section_guideline("Worker guideline", "worker-guideline")
    report = report_made_by_the_worker(client, guideline, polling=True)
    assert report.status == Report.Status.READY, report.error
    assert "Only section" in pdf_text(download(client, report))


def test_one_visitor_may_ask_for_a_limited_number_of_reports(client, guideline, settings):
    settings.REPORT_REQUESTS_PER_ADDRESS = 3
    data = {"kind": "guideline", "object_id": guideline.pk}
    for _ in range(3):
        assert client.post("/en/reports/request/", data).status_code == 303
    refused = client.post("/en/reports/request/", data)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert b"try again in" in refused.content
    assert Report.objects.count() <= 3

    other_visitor = client.post("/en/reports/request/", data, REMOTE_ADDR="192.0.2.7")
    assert other_visitor.status_code == 303


def test_status_page_brings_the_file_once_ready_when_reached_from_the_button(
    client, guideline, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/reports/request/", {"kind": "guideline", "object_id": guideline.pk}
        )
    assert response["Location"].endswith("?download=1")
    report = Report.objects.get()
    followed = client.get(response["Location"]).content.decode()
    download_url = f"/en/reports/{report.uid}/download/"
    assert f'<meta http-equiv="refresh" content="0;url={download_url}">' in followed
    assert "the download starts by itself" in followed
    # Opened again later (a bookmark, the history), the page does not download by itself.
    assert "http-equiv" not in client.get(f"/en/reports/{report.uid}/").content.decode()


def test_plan_page_says_how_long_and_large_the_progress_report_is(
    client, private_plan, braga_officer, eager_tasks, django_capture_on_commit_callbacks
):
    client.force_login(braga_officer)
    plan_page = f"/en/workspace/plans/{private_plan.pk}/"
    assert (
        "pages" not in client.get(plan_page).content.decode().split("Progress report (PDF)")[1][:80]
    )
    report = request_report(
        client, django_capture_on_commit_callbacks, kind="plan_progress", object_id=private_plan.pk
    )
    report.refresh_from_db()
    html = client.get(plan_page).content.decode()
    label = html.split("Progress report (PDF)")[1][:120]
    assert f"{report.page_count} page" in label
    assert "KB" in label


def test_anonymous_button_needs_no_token_but_refuses_another_site(guideline):
    """A public page is one cached copy for every anonymous visitor: its PDF button carries no
    token; a request a browser says comes from another site is refused."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/en/guidelines/{guideline.slug}/").content.decode()
    form = page[page.index('class="report-request"') :]
    assert "csrfmiddlewaretoken" not in form[: form.index("</form>")]
    data = {"kind": "guideline", "object_id": guideline.pk}
    assert (
        client.post("/en/reports/request/", data, HTTP_SEC_FETCH_SITE="same-origin").status_code
        == 303
    )
    assert (
        client.post("/en/reports/request/", data, HTTP_ORIGIN="http://testserver").status_code
        == 303
    )
    assert client.post("/en/reports/request/", data).status_code == 303  # neither header
    assert (
        client.post("/en/reports/request/", data, HTTP_SEC_FETCH_SITE="cross-site").status_code
        == 403
    )
    assert (
        client.post("/en/reports/request/", data, HTTP_ORIGIN="https://evil.example").status_code
        == 403
    )


def test_signed_in_button_carries_a_token_and_needs_it(guideline, braga_officer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(braga_officer)
    page = client.get(f"/en/guidelines/{guideline.slug}/").content.decode()
    form = page[page.index('class="report-request"') :]
    token = (
        form[: form.index("</form>")].split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    )
    data = {"kind": "guideline", "object_id": guideline.pk}
    same_site = {"HTTP_SEC_FETCH_SITE": "same-origin"}
    assert client.post("/en/reports/request/", data, **same_site).status_code == 403
    sent = client.post("/en/reports/request/", {**data, "csrfmiddlewaretoken": token}, **same_site)
    assert sent.status_code == 303
