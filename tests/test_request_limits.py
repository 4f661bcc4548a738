"""Bodies larger than an address accepts are refused (413) before anything reads them; every
answer carries a Permissions-Policy; nothing signed-in is kept by a cache."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile

from actionplans.models import ActionEvidence

from .factories import ActionFactory, PlanFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        raise AssertionError("the body was read")


def _post_large(client, path: str, size: int):
    return client.generic(
        "POST",
        path,
        **{
            "wsgi.input": UnreadableBody(),
            "CONTENT_LENGTH": str(size),
            "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        },
    )


def test_an_anonymous_50_mb_post_is_refused_unread(client):
    response = _post_large(client, "/en/practices/", 50 * MB)
    assert response.status_code == 413
    assert "Too large to send" in response.content.decode()


def test_a_large_post_to_a_form_without_files_is_refused(client, braga_officer, braga):
    plan = PlanFactory(city=braga)
    client.force_login(braga_officer)
    assert _post_large(client, f"/fr/workspace/plans/{plan.pk}/edit/", 3 * MB).status_code == 413


def test_an_upload_form_takes_files_up_to_its_limit_and_refuses_more(
    client, braga_officer, braga, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_SIZE = 4 * MB
    action = ActionFactory(plan=PlanFactory(city=braga))
    client.force_login(braga_officer)
    url = f"/en/workspace/actions/{action.pk}/evidence/"
    assert _post_large(client, url, 6 * MB).status_code == 413

    pdf = ContentFile(b"%PDF-1.4\n" + b"0" * (3 * MB) + b"\n%%EOF\n", name="report.pdf")
    response = client.post(url, {"title": "Attendance records", "file": pdf})
    assert response.status_code == 302
    assert ActionEvidence.objects.filter(action=action).count() == 1


def test_meeting_documents_take_bodies_up_to_their_own_setting(client, staff, braga, settings):
    from django.urls import resolve

    from core.middleware import UPLOAD_FORM_ALLOWANCE, body_limit

    from .meetings_factories import MeetingFactory

    settings.MEETING_DOCUMENT_MAX_SIZE = 2 * MB
    MeetingFactory(slug="m", host_city=braga)
    client.force_login(staff)
    url = "/en/workspace/meetings/m/documents/"
    assert _post_large(client, url, 4 * MB).status_code == 413
    settings.MEETING_DOCUMENT_MAX_SIZE = 8 * MB
    assert body_limit(resolve(url).func) == 8 * MB + UPLOAD_FORM_ALLOWANCE


def test_every_answer_says_which_browser_features_pages_may_use(client, braga_officer):
    for path in ["/en/", "/en/practices/", "/healthz"]:
        policy = client.get(path)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy, path


def test_signed_in_pages_and_private_downloads_are_not_cached(
    client, braga_officer, braga, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    action = ActionFactory(plan=PlanFactory(city=braga, is_public=False))
    evidence = ActionEvidence.objects.create(
        action=action, title="E", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="e.pdf"),
        original_name="e.pdf", content_type="application/pdf", size=15,
    )  # fmt: skip
    client.force_login(braga_officer)
    for path in ["/en/workspace/", "/en/", f"/en/workspace/evidence/{evidence.pk}/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, path
        assert "public" not in directives, path
