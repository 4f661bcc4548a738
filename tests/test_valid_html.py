"""Every page of the demo is valid HTML, in English and French, for each kind of person: checked
by the Nu HTML checker (vnu.jar from the npm registry, run with the machine's Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from actionplans.models import ActionPlan
from cities.models import City
from meetings.models import Meeting
from objectives.models import WorkPlan
from practices.models import Guideline, Practice

from .test_url_matrix import EXPECTED, PEOPLE, _path
from .url_world import build_world

VNU = (
    Path(__file__).resolve().parent.parent
    / "tools/htmlcheck/node_modules/vnu-jar/build/dist/vnu.jar"
)
WHO = {"staff@example.org": "staff", "braga@example.org": "officer", None: "anonymous"}
ALLAUTH_PAGES = ["/en/accounts/login/", "/en/accounts/password/reset/"]


def _demo_pages() -> list[str]:
    """The public pages of every record of the demo."""
    pages = [city.get_absolute_url() for city in City.objects.all()]
    published = Practice.objects.filter(status="published").values_list("slug", flat=True)
    pages += [f"/en/practices/{slug}/" for slug in published]
    pages += [f"/en/guidelines/{g.slug}/" for g in Guideline.objects.filter(status="published")]
    pages += [f"/en/meetings/{m.slug}/" for m in Meeting.objects.filter(published_at__isnull=False)]
    public_plans = ActionPlan.objects.filter(is_public=True).values_list("pk", flat=True)
    pages += [f"/en/plans/{pk}/" for pk in public_plans]
    for year in WorkPlan.objects.values_list("year", flat=True):
        pages += [f"/en/work-plans/{year}/", f"/en/achievements/{year}/"]  # 404 without any
    return pages


def _html_pages(world) -> dict[str, list[str]]:
    """Per person, the pages of the URL matrix they may open, and the demo's public pages."""
    pages: dict[str, list[str]] = {}
    for index, email in enumerate(PEOPLE):
        if email not in WHO:
            continue
        pages[WHO[email]] = [
            _path(name, world) for name, expected in EXPECTED.items() if expected[index] == 200
        ]
    pages["anonymous"] += ALLAUTH_PAGES + _demo_pages()
    return pages


def _vnu(folder: Path) -> list[dict]:
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--format", "json", "--errors-only",
         "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return json.loads(done.stderr or '{"messages": []}')["messages"]


@pytest.mark.django_db
def test_every_page_of_the_demo_is_valid_html(demo, settings, tmp_path):
    assert VNU.exists(), "the Nu HTML checker is installed by `make test` (tools/htmlcheck)"
    assert shutil.which("java"), "the Nu HTML checker needs Java (Debian's default-jre-headless)"
    settings.MEDIA_ROOT = tmp_path / "media"
    world = build_world(settings)
    folder = tmp_path / "pages"
    folder.mkdir()
    where: dict[str, str] = {}
    for who, paths in _html_pages(world).items():
        client = Client()
        email = next((e for e, w in WHO.items() if w == who), None)
        if email:
            client.force_login(get_user_model().objects.get(email=email))
        for path in dict.fromkeys(paths):
            for language in ("en", "fr"):
                url = path.replace("/en/", f"/{language}/", 1)
                response = client.get(url)
                if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                    continue
                name = f"{len(where):04d}.html"
                (folder / name).write_bytes(response.content)
                where[name] = f"{who} {url}"
    print(f"{len(where)} pages checked")
    assert len(where) > 300  # the check ran over the portal, not over nothing

    errors = [
        f"{where[Path(m['url']).name]}:{m.get('lastLine')}: {m['message']}"
        for m in _vnu(folder)
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:60]) + f"\n({len(errors)} errors)"
