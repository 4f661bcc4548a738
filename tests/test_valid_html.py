"""Every page of the demo is valid HTML, in English and French, for each kind of person: checked
by the Nu HTML checker (vnu.jar from the npm registry, run with the machine's Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .pages import every_page
from .url_world import build_world

pytestmark = pytest.mark.slow

VNU = (
    Path(__file__).resolve().parent.parent
    / "tools/htmlcheck/node_modules/vnu-jar/build/dist/vnu.jar"
)


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
    for page in every_page(world):
        name = f"{len(where):04d}.html"
        (folder / name).write_text(page.html)
        where[name] = f"{page.who} {page.url}"
    print(f"{len(where)} pages checked")
    assert len(where) > 300  # the check ran over the portal, not over nothing

    errors = [
        f"{where[Path(m['url']).name]}:{m.get('lastLine')}: {m['message']}"
        for m in _vnu(folder)
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:60]) + f"\n({len(errors)} errors)"
