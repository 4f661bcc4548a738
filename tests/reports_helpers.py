"""Reading produced PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts) or pypdf."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

HAVE_POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))


def _run(tool: str, data: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        Path(handle.name).write_bytes(data)
        return subprocess.run(
            [tool, *args, handle.name, *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def pdf_text(data: bytes) -> str:
    if HAVE_POPPLER:
        return _run("pdftotext", data, "-enc", "UTF-8")
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(BytesIO(data)).pages)


def pdf_info(data: bytes) -> dict[str, str]:
    info = {}
    for line in _run("pdfinfo", data).splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_fonts(data: bytes) -> list[tuple[str, bool]]:
    """(name, embedded) of every font; pdffonts prints two header lines."""
    fonts = []
    for line in _run("pdffonts", data).splitlines()[2:]:
        parts = line.split()
        # name, type…, encoding, emb, sub, uni, object, id: "emb" is the 5th field from the end.
        fonts.append((parts[0], parts[-5] == "yes"))
    return fonts


def download(client, report) -> bytes:
    response = client.get(f"/en/reports/{report.uid}/download/")
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


def request_report(client, capture, **data):
    """Ask for a report through its button; the report row it led to (its status page, or the
    download of the same document already ready)."""
    from urllib.parse import urlsplit

    from reports.models import Report

    with capture(execute=True):
        response = client.post("/en/reports/request/", data)
    assert response.status_code == 303, response.status_code
    path = urlsplit(response["Location"]).path.removesuffix("download/")
    return Report.objects.get(uid=path.rstrip("/").rsplit("/", 1)[-1])


def one_section_guideline(title: str, slug: str):
    """A published guideline of one short section: its PDF is made in a moment."""
    from django.utils import timezone

    from practices.models import Guideline, GuidelineSection

    guideline = Guideline.objects.create(
        title=title, slug=slug, topic="Housing", status="published", published_at=timezone.now()
    )
    GuidelineSection.objects.create(guideline=guideline, title="Only section", body="<p>Hi</p>")
    return guideline


def report_made_by_the_worker(client, guideline, *, polling: bool = False):
    """The PDF of ``guideline`` asked for as a visitor asks (303 to its status page), once the
    worker has made it or failed (a minute at most); ``polling``: the status page read
    meanwhile, as the browser reads it."""
    from reports.models import Report

    response = client.post("/en/reports/request/", {"kind": "guideline", "object_id": guideline.pk})
    assert response.status_code == 303
    report = Report.objects.get()
    deadline = time.monotonic() + 60
    while report.is_pending and time.monotonic() < deadline:
        if polling:
            assert client.get(response["Location"]).status_code == 200
        time.sleep(0.2)
        report.refresh_from_db()
    return report
