"""Hostile markup stored in the database never becomes live in a page or a PDF: no script,
no event handler, no javascript: URL, no embedded frame or style.

The rows are written with ``QuerySet.update()``, past the cleaning done when a form saves
them, as an old row or someone with access to the database would leave them. Rich text goes
through nh3 when shown (pages and PDFs); every other field is escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from actionplans.models import Action, ActionPlan, Indicator
from practices.models import Guideline, GuidelineSection, Practice
from reports.models import Report
from reports.rendering import report_html

from .factories import ActionFactory, IndicatorFactory, PlanFactory, PracticeFactory
from .reports_helpers import download, pdf_text, request_report

ATTACK = """<p>Safe words stay.</p>
<script>alert(1)</script>
<img src=x onerror=alert(1)>
<a href="javascript:alert(1)">first link</a>
<a href="JaVaScRiPt:alert(1)">second link</a>
<a href="&#106;avascript:alert(1)">third link</a>
<iframe src="javascript:alert(1)"></iframe>
<style>body { background: url("javascript:alert(1)") }</style>
<p onclick="alert(1)" onmouseover=alert(1)>Hover text</p>
<svg onload=alert(1)><circle r="5"/></svg>
<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">Go</button></form>
<a href="https://example.org/good">A good link</a>"""

LIVE_TAGS = {"script", "iframe", "frame", "img", "object", "embed", "svg", "style", "link", "meta"}


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser or WeasyPrint would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def live_markup(fragment: str, *, allow: frozenset[str] = frozenset()) -> list[str]:
    """What in this HTML could run or load something: tags, handlers, javascript: URLs.

    ``allow``: tags the portal itself draws there (the SVG of charts and icons)."""
    parser = Elements()
    parser.feed(fragment)
    problems = []
    for tag, attrs in parser.found:
        if tag in LIVE_TAGS - allow:
            problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag} {name}>")
            if re.sub(r"\s", "", value or "").lower().startswith("javascript:"):
                problems.append(f"<{tag} {name}={value}>")
    return problems


def body_of(document: str) -> str:
    return document.split("<body", 1)[1]


def main_of(page: str) -> str:
    return page.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def pdf_active_content(data: bytes) -> list[str]:
    """JavaScript, launch or form actions, and javascript: link targets anywhere in the PDF."""
    reader = PdfReader(BytesIO(data))
    problems: list[str] = []
    seen: set[int] = set()

    def walk(node, path: str) -> None:
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                return
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            for key in ("/JS", "/JavaScript", "/AA", "/OpenAction"):
                if key in node:
                    problems.append(f"{path}{key}")
            action = node.get("/S")
            if action in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData"):
                problems.append(f"{path}/S {action}")
            uri = node.get("/URI")
            if uri is not None and str(uri).strip().lower().startswith("javascript:"):
                problems.append(f"{path}/URI {uri}")
            for key, value in node.items():
                if key != "/Parent":
                    walk(value, f"{path}{key}")
        elif isinstance(node, ArrayObject):
            for item in node:
                walk(item, path)

    walk(reader.trailer, "")
    for page in reader.pages:  # link annotations, whichever way the tree reaches them
        for annotation in page.get("/Annots") or []:
            walk(annotation, "/Annots")
    return problems


def link_uris(data: bytes) -> list[str]:
    uris = []
    for page in PdfReader(BytesIO(data)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action.get_object():
                uris.append(str(action.get_object()["/URI"]))
    return uris


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def hostile_guideline(db, braga):
    guideline = Guideline.objects.create(
        title="Guideline with hostile markup",
        slug="hostile-guideline",
        topic="Education",
        status="published",
        published_at=timezone.now(),
    )
    section = GuidelineSection.objects.create(guideline=guideline, order=1, title="Section")
    practice = PracticeFactory(city=braga, slug="hostile-practice", title="Hostile practice")
    guideline.practices.add(practice)
    Guideline.objects.filter(pk=guideline.pk).update(introduction=ATTACK)
    GuidelineSection.objects.filter(pk=section.pk).update(body=ATTACK)
    Practice.objects.filter(pk=practice.pk).update(description=ATTACK)
    return guideline


@pytest.fixture
def hostile_plan(braga):
    plan = PlanFactory(city=braga, title="Plan with hostile markup")
    action = ActionFactory(plan=plan, title="Hostile action")
    indicator = IndicatorFactory(plan=plan, name="Hostile indicator")
    ActionPlan.objects.filter(pk=plan.pk).update(summary=ATTACK, baseline=ATTACK)
    Action.objects.filter(pk=action.pk).update(
        description=ATTACK, responsible_body='<img src=x onerror="alert(1)">'
    )
    Indicator.objects.filter(pk=indicator.pk).update(unit="<script>alert(1)</script>")
    return plan


def test_the_stored_rows_really_hold_the_hostile_markup(hostile_guideline, hostile_plan):
    # Otherwise the tests below would prove nothing.
    assert "<script>" in Guideline.objects.get(pk=hostile_guideline.pk).introduction
    assert "onerror" in GuidelineSection.objects.get(guideline=hostile_guideline).body
    assert "javascript:" in Action.objects.get(plan=hostile_plan).description
    assert live_markup(ATTACK)


def test_guideline_pdf_html_has_only_the_safe_subset_of_its_rich_text(hostile_guideline):
    report = Report.objects.create(
        kind=Report.Kind.GUIDELINE, object_id=hostile_guideline.pk, language="en", title="x"
    )
    _source, document = report_html(report=report)
    body = body_of(document)
    assert live_markup(body) == []
    assert "alert(1)" not in html.unescape(body)
    assert body.count("Safe words stay.") == 2  # introduction and section
    assert body.count("Hover text") == 2
    assert '<a href="https://example.org/good" rel="noopener noreferrer">A good link</a>' in body
    assert "<style" not in body


def test_guideline_pdf_has_no_script_action_or_javascript_link(
    client, hostile_guideline, eager_tasks, django_capture_on_commit_callbacks
):
    report = request_report(
        client,
        django_capture_on_commit_callbacks,
        kind="guideline",
        object_id=hostile_guideline.pk,
    )
    data = download(client, report)
    assert data.startswith(b"%PDF")
    assert pdf_active_content(data) == []
    # The good link of the introduction and of the section, kept, and nothing else.
    assert link_uris(data) == ["https://example.org/good"] * 2
    text = pdf_text(data)
    assert "Safe words stay." in text and "A good link" in text
    assert "alert(1)" not in text


def test_plan_progress_pdf_shows_hostile_plain_text_as_inert_text(
    client, braga_officer, hostile_plan, eager_tasks, django_capture_on_commit_callbacks
):
    client.force_login(braga_officer)
    report = request_report(
        client, django_capture_on_commit_callbacks, kind="plan_progress", object_id=hostile_plan.pk
    )
    _source, document = report_html(report=report)
    body = body_of(document)
    assert live_markup(body, allow=frozenset({"svg"})) == []  # the indicator's chart
    assert '<circle r="5"' not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # written down, not run

    data = download(client, report)
    assert pdf_active_content(data) == []
    assert link_uris(data) == []
    assert "Hostile action" in pdf_text(data)


def test_pages_show_the_same_rows_without_live_markup(client, hostile_guideline):
    for path in ["/en/guidelines/hostile-guideline/", "/en/practices/hostile-practice/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        main = main_of(response.content.decode())
        assert live_markup(main, allow=frozenset({"svg"})) == [], path
        assert '<circle r="5"' not in main, path
        assert "Safe words stay." in main and "A good link" in main, path
        assert "alert(1)" not in html.unescape(main), path
