"""Files in an S3-compatible object store (moto in server mode, a real HTTP server).

Uploads and generated reports land in the bucket under random names, stay private (no public
object, downloads pass the access helpers) and come back byte for byte; an unreachable store
answers "try again later" (503) and saves nothing half-way.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplans.models import ActionEvidence
from meetings.models import MeetingDocument
from practices.models import PracticeAttachment
from reports.models import Report

from .factories import ActionFactory, PlanFactory, PracticeFactory
from .objectstore import ObjectStore
from .reports_helpers import one_section_guideline, report_made_by_the_worker

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" + (
    b"% padding so the file is not tiny\n" * 200
)


def _upload(client, practice, *, title="Evaluation report", name="evaluation.pdf", content=PDF):
    return client.post(
        f"/en/workspace/practices/{practice.pk}/files/",
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


@pytest.fixture
def action_of_braga(braga):
    return ActionFactory(plan=PlanFactory(city=braga, title="Braga plan"), title="Mediators")


@pytest.fixture
def draft(braga, braga_officer, client):
    client.force_login(braga_officer)
    return PracticeFactory(city=braga, status="draft")


def test_an_upload_is_stored_in_the_bucket_under_a_random_private_name(
    client, draft, s3_storage, object_store
):
    assert _upload(client, draft).status_code == 302
    attachment = PracticeAttachment.objects.get()
    assert object_store.keys(s3_storage) == [attachment.file.name]
    assert attachment.file.name.startswith("attachments/")
    assert "evaluation" not in attachment.file.name

    s3 = object_store.client()
    stored = s3.get_object(Bucket=s3_storage, Key=attachment.file.name)["Body"].read()
    assert stored == PDF
    grants = s3.get_object_acl(Bucket=s3_storage, Key=attachment.file.name)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI", "").endswith("AllUsers")]
    # The object's address without a signature answers nothing.
    plain = f"{object_store.endpoint_url}/{s3_storage}/{attachment.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(plain, timeout=5)
    assert refused.value.code == 403


def test_downloads_pass_the_access_helpers_and_stream_from_the_store(
    client, draft, s3_storage, turin_officer
):
    _upload(client, draft)
    attachment = PracticeAttachment.objects.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="evaluation.pdf"')
    assert b"".join(response.streaming_content) == PDF

    client.force_login(turin_officer)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_signed_url_downloads_are_short_lived_and_only_after_the_access_check(
    client, draft, s3_storage, settings, turin_officer
):
    settings.FILE_DOWNLOADS = "signed-url"
    settings.S3_SIGNED_URL_SECONDS = 30
    _upload(client, draft)
    attachment = PracticeAttachment.objects.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 302
    location = response["Location"]
    assert "X-Amz-Signature=" in location and "X-Amz-Expires=30" in location
    assert "no-store" in response["Cache-Control"]
    with urllib.request.urlopen(location, timeout=5) as signed:
        assert signed.read() == PDF
        assert "evaluation.pdf" in signed.headers["Content-Disposition"]

    client.force_login(turin_officer)
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_meeting_documents_with_the_same_title_do_not_replace_each_other(s3_storage, staff):
    from .meetings_factories import MeetingFactory

    meeting = MeetingFactory(slug="braga-2019")
    first = MeetingDocument(meeting=meeting, title="Programme", content_type="application/pdf")
    first.file.save("programme.pdf", ContentFile(PDF))
    second = MeetingDocument(meeting=meeting, title="Programme", content_type="application/pdf")
    second.file.save("programme.pdf", ContentFile(PDF + b"second"))
    assert first.file.name != second.file.name
    assert first.file.read() == PDF


def test_a_missing_file_is_404(client, draft, s3_storage, object_store):
    _upload(client, draft)
    attachment = PracticeAttachment.objects.get()
    object_store.client().delete_object(Bucket=s3_storage, Key=attachment.file.name)
    assert client.get(attachment.get_absolute_url()).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_report_rendered_by_the_worker_is_stored_in_the_bucket_and_downloaded(
    client, s3_storage, object_store, celery_worker_if_broker
):
    guideline = one_section_guideline("Stored guideline", "stored-guideline")
    report = report_made_by_the_worker(client, guideline)
    assert report.status == Report.Status.READY, report.error
    assert object_store.keys(s3_storage) == [report.file.name]
    assert report.file.name.startswith("reports/") and "guideline" not in report.file.name
    download = client.get(f"/en/reports/{report.uid}/download/")
    assert download.status_code == 200
    body = b"".join(download.streaming_content)
    assert body.startswith(b"%PDF")
    stored = object_store.client().get_object(Bucket=s3_storage, Key=report.file.name)
    assert hashlib.sha256(stored["Body"].read()).digest() == hashlib.sha256(body).digest()


# --- The store stopped ------------------------------------------------------------------


@pytest.fixture
def stoppable_store(settings):
    """An object store of this test's own, which the test stops."""
    store = ObjectStore().start()
    bucket = store.new_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": store.storage_setting(bucket)}
    settings.S3_CONNECT_TIMEOUT = 1
    yield store
    store.stop()


def test_an_unreachable_store_answers_try_again_later_and_keeps_the_form(
    client, draft, stoppable_store
):
    stoppable_store.stop()
    response = _upload(client, draft, title="Kept title")
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "The file store is not answering" in html
    assert 'value="Kept title"' in html
    assert not PracticeAttachment.objects.exists()


def test_downloads_answer_503_not_500_while_the_store_is_down(
    client, draft, stoppable_store, braga_officer, action_of_braga
):
    _upload(client, draft)
    attachment = PracticeAttachment.objects.get()
    evidence_url = f"/en/workspace/actions/{action_of_braga.pk}/evidence/"
    client.post(evidence_url, {"title": "Sheet", "file": SimpleUploadedFile("s.pdf", PDF)})
    evidence = ActionEvidence.objects.get()
    stoppable_store.stop()

    for url in [attachment.get_absolute_url(), evidence.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 503, url
        assert "Please try again in a few minutes" in response.content.decode()

    before = ActionEvidence.objects.count()
    refused = client.post(
        evidence_url, {"title": "Second sheet", "file": SimpleUploadedFile("t.pdf", PDF)}
    )
    assert refused.status_code == 503
    assert 'value="Second sheet"' in refused.content.decode()
    assert ActionEvidence.objects.count() == before


def test_a_meeting_document_upload_while_the_store_is_down_saves_nothing(
    client, staff, stoppable_store
):
    from .meetings_factories import MeetingFactory

    meeting = MeetingFactory(slug="turin-2020")
    client.force_login(staff)
    stoppable_store.stop()
    response = client.post(
        f"/en/workspace/meetings/{meeting.slug}/documents/",
        {"title": "Agenda draft", "file": SimpleUploadedFile("agenda.pdf", PDF)},
    )
    assert response.status_code == 503
    assert 'value="Agenda draft"' in response.content.decode()
    assert not MeetingDocument.objects.exists()


# --- Two web hosts and a worker host ---------------------------------------------------


def test_two_web_hosts_behave_as_one(two_hosts, object_store, s3_storage):
    import requests

    from actionplans.models import ActionPlan
    from reports.models import Report

    from .hosts import form_with, sign_in, wait_until

    web_a, web_b, _worker = two_hosts
    plan = ActionPlan.objects.filter(city__slug="braga", is_public=True).first()
    action = plan.actions.order_by("pk").first()
    browser = requests.Session()

    # Signed in on A, the same session works on B.
    sign_in(browser, web_a, "braga@example.org", django_settings.DEMO_PASSWORD)
    on_b = browser.get(f"{web_b.url}/en/workspace/", allow_redirects=False)
    assert on_b.status_code == 200
    assert "Sign out" in on_b.text

    # B caches the public plan page; a change saved on A shows on B at once.
    public = f"{web_b.url}/en/plans/{plan.pk}/"
    assert action.title in browser.get(public).text
    edit_url = f"{web_a.url}/en/workspace/actions/{action.pk}/"
    fields = form_with(browser.get(edit_url).text, "title")
    fields["title"] = "Mediators in every school (renamed on host A)"
    saved = browser.post(
        edit_url, data=fields, headers={"Referer": edit_url}, allow_redirects=False
    )
    assert saved.status_code == 302, saved.text[:2000]
    assert "renamed on host A" in browser.get(public).text

    # Uploaded through A, downloaded through B.
    upload_url = f"{web_a.url}/en/workspace/actions/{action.pk}/evidence/"
    fields = form_with(browser.get(upload_url).text, "csrfmiddlewaretoken")
    fields["title"] = "Attendance sheet"
    uploaded = browser.post(
        upload_url,
        data=fields,
        files={"file": ("sheet.pdf", PDF, "application/pdf")},
        headers={"Referer": upload_url},
        allow_redirects=False,
    )
    assert uploaded.status_code == 302
    evidence = ActionEvidence.objects.get(action=action)
    downloaded = browser.get(f"{web_b.url}{evidence.get_absolute_url()}")
    assert downloaded.status_code == 200
    assert downloaded.content == PDF

    # A report asked for on B, rendered by the worker host, downloaded through A.
    token = browser.cookies.get("csrftoken")
    asked = browser.post(
        f"{web_b.url}/en/reports/request/",
        data={"kind": "plan_progress", "object_id": plan.pk, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{web_b.url}/en/plans/{plan.pk}/"},
        allow_redirects=False,
    )
    assert asked.status_code == 303
    report = Report.objects.latest("created_at")
    wait_until(lambda: not Report.objects.get(pk=report.pk).is_pending, timeout=90)
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error
    assert report.file.name in object_store.keys(s3_storage)
    pdf = browser.get(f"{web_a.url}/en/reports/{report.uid}/download/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    # Signed out on B: A no longer knows the session either.
    token = browser.cookies.get("csrftoken")
    browser.post(
        f"{web_b.url}/en/accounts/logout/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{web_b.url}/en/workspace/"},
    )
    after = browser.get(f"{web_a.url}/en/workspace/", allow_redirects=False)
    assert after.status_code == 302


def test_a_report_rendered_while_the_store_is_down_fails_with_a_reason(stoppable_store):
    from reports.rendering import report_render

    guideline = one_section_guideline("Unstored guideline", "unstored-guideline")
    report = Report.objects.create(kind="guideline", object_id=guideline.pk, language="en")
    stoppable_store.stop()
    report = report_render(report_id=report.pk)
    assert report.status == Report.Status.FAILED
    assert "file store" in report.error
    assert not report.file
