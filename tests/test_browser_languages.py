"""The portal in five languages in a real browser: the switch from every kind of entry point,
and axe-core on the public pages in each language."""

from __future__ import annotations

from .browser import axe_violations

LANGUAGES = {
    "en": "English",
    "fr": "Français",
    "pt": "Português",
    "it": "Italiano",
    "de": "Deutsch",
}

PAGES = [
    "/",
    "/cities/braga/",
    "/work-plans/2020/",
    "/achievements/2019/",
    "/practices/?q=housing",
    "/practices/toulouse-from-camps-to-housing/",
    "/guidelines/moving-roma-out-of-camps-into-adequate-housing/",
    "/meetings/",
    "/network/",
]


def _switch_to(page, language: str) -> None:
    switch = page.locator(".header-tools-wrap .language-switcher")
    link = switch.get_by_role("link", name=LANGUAGES[language], exact=True)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.documentElement.lang === '{language}'")


def test_the_switch_lands_on_the_same_page_whatever_the_entry(browser, live_demo):
    entries = [
        # (how the visitor came: cookie, Accept-Language, address)
        ("fr", None, "/en/cities/braga/?from=mail"),
        (None, "de-DE,de;q=0.9", "/"),
        ("pt", "it", "/it/meetings/?year=2020"),
        (None, None, "/fr/practices/?q=housing&theme=housing"),
    ]
    for cookie, accept, address in entries:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900},
            extra_http_headers={"Accept-Language": accept} if accept else {},
        )
        if cookie:
            host = live_demo.url.split("//", 1)[1].split(":")[0]
            context.add_cookies(
                [{"name": "django_language", "value": cookie, "domain": host, "path": "/"}]
            )
        page = context.new_page()
        page.goto(live_demo.url + address)
        here = page.locator("html").get_attribute("lang")
        landed_path = page.url.removeprefix(live_demo.url).removeprefix(f"/{here}")
        for language in LANGUAGES:
            if language == here:
                continue
            _switch_to(page, language)
            assert page.url == f"{live_demo.url}/{language}{landed_path}", (address, language)
            _switch_to(page, here)
        context.close()


def test_public_pages_pass_axe_in_every_language(page, live_demo):
    failures = {}
    for language in LANGUAGES:
        for path in PAGES:
            page.goto(f"{live_demo.url}/{language}{path}")
            assert page.locator("html").get_attribute("lang") == language
            found = axe_violations(page)
            if found:
                failures[f"/{language}{path}"] = found
    assert failures == {}
