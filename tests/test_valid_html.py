"""Every page of the demo is valid HTML, in English and French, for each kind of person, and the
public pages in Portuguese, Italian and German too: checked by the Nu HTML checker (vnu.jar from
the npm registry, run with the machine's Java), which also says when a page's text reads as
another language than its ``lang`` declares (WCAG 3.1.1/3.1.2)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

VNU = (
    Path(__file__).resolve().parent.parent
    / "tools/htmlcheck/node_modules/vnu-jar/build/dist/vnu.jar"
)


def _vnu(folder: Path) -> list[dict]:
    # Java's quick compiler only (TieredStopAtLevel=1): the same messages for half the time of
    # a run this short, which the optimising compiler spends more on compiling than it gains.
    done = subprocess.run(
        ["java", "-Xss8m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU), "--format", "json",
         "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return json.loads(done.stderr or '{"messages": []}')["messages"]


WRONG_LANGUAGE = "appears to be written in"


def _check(pages, tmp_path) -> tuple[list[str], int]:
    """Nu's errors and wrong-language warnings on these pages, and how many pages it read."""
    folder = tmp_path / "pages"
    folder.mkdir()
    where: dict[str, str] = {}
    for page in pages:
        name = f"{len(where):04d}.html"
        (folder / name).write_text(page.html)
        where[name] = f"{page.who} {page.url}"
    problems = [
        f"{where[Path(m['url']).name]}:{m.get('lastLine')}: {m['message']}"
        for m in _vnu(folder)
        if m.get("type") == "error" or WRONG_LANGUAGE in m.get("message", "")
    ]
    return problems, len(where)


@pytest.mark.django_db
def test_public_pages_in_portuguese_italian_and_german_are_valid_and_say_their_language(
    demo_pages, tmp_path
):
    assert VNU.exists(), "the Nu HTML checker is installed by `make test` (tools/htmlcheck)"
    pages = demo_pages(("pt", "it", "de"), who="anonymous")
    assert {p.who for p in pages} == {"anonymous"}
    problems, checked = _check(pages, tmp_path)
    print(f"{checked} pages checked")
    assert checked > 100
    assert problems == [], "\n".join(problems[:60]) + f"\n({len(problems)} problems)"


@pytest.mark.django_db
def test_every_page_of_the_demo_is_valid_html(demo_pages, tmp_path):
    assert VNU.exists(), "the Nu HTML checker is installed by `make test` (tools/htmlcheck)"
    assert shutil.which("java"), "the Nu HTML checker needs Java (Debian's default-jre-headless)"
    problems, checked = _check(demo_pages(("en", "fr")), tmp_path)
    print(f"{checked} pages checked")
    assert checked > 300  # the check ran over the portal, not over nothing
    assert problems == [], "\n".join(problems[:60]) + f"\n({len(problems)} problems)"
