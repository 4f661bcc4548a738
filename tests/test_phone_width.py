"""No page scrolls sideways on a 320 px phone: every page of the demo, for each kind of person,
in a real browser (English, and French where the matrix opens it; French words are longer)."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from .pages import WHO, page_paths
from .test_url_matrix import EXPECTED, STAFF
from .url_world import build_world

pytestmark = pytest.mark.slow

PHONE = {"width": 320, "height": 640}
# The check ran over the portal, not over nothing: about this many pages each (250 in all).
PAGES_AT_LEAST = {"anonymous": 80, "officer": 60, "staff": 110}


def _session_cookie(email: str | None, live_server_url: str) -> list[dict]:
    if email is None:
        return []
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    value = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return [{"name": django_settings.SESSION_COOKIE_NAME, "value": value, "url": live_server_url}]


def _too_wide(page) -> str | None:
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return None
    culprits = page.evaluate(
        """(w) => [...document.querySelectorAll('main *, header *')]
             .filter(e => e.getBoundingClientRect().right > w + 1)
             .slice(-3)
             .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""",
        PHONE["width"],
    )
    return f"{width} px wide ({', '.join(culprits)})"


# Each kind of person is a test of its own, so that parallel workers share the pages out.
@pytest.mark.parametrize("who", ["anonymous", "officer", "staff"])
def test_no_page_scrolls_sideways_on_a_320_px_phone(who, browser, live_demo, settings):
    world = build_world(settings)
    matrix_count = sum(
        1
        for name, statuses in EXPECTED.items()
        if statuses[STAFF] == 200 and not name.startswith("admin:")
    )
    problems, seen = [], 0
    paths = page_paths(world)[who]
    email = next((e for e, w in WHO.items() if w == who), None)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(_session_cookie(email, live_demo.url))
    page = context.new_page()
    for index, path in enumerate(dict.fromkeys(paths)):
        # French for the pages of the matrix; the per-record demo pages in English.
        languages = ("en", "fr") if index < matrix_count else ("en",)
        for language in languages:
            url = path.replace("/en/", f"/{language}/", 1)
            try:
                response = page.goto(live_demo.url + url)
            except PlaywrightError:  # a download (calendar, export, file): not a page
                continue
            if response is None or response.status != 200:
                continue
            if "text/html" not in (response.headers.get("content-type") or ""):
                continue
            seen += 1
            if wide := _too_wide(page):
                problems.append(f"{who} {url}: {wide}")
    context.close()
    print(f"{seen} pages at 320 px for {who}")
    assert seen > PAGES_AT_LEAST[who]
    assert problems == [], "\n".join(problems)
