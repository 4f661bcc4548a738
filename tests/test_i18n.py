from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
INTERFACE = ["en", "fr", "pt", "it", "de"]
OTHERS = [code for code in INTERFACE if code != "en"]


def test_the_interface_speaks_five_languages(settings):
    assert [code for code, _name in settings.LANGUAGES] == INTERFACE


def _msgattrib(option: str, po: Path) -> str:
    return subprocess.run(
        ["msgattrib", option, "--no-wrap", str(po)], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def extracted_catalogues(tmp_path_factory) -> Path:
    """The catalogues as makemessages leaves them after reading today's code and templates:
    a string added without its translations shows up here as an empty entry. (Its work files
    are written beside the real sources: in parallel runs the tests using it go to one worker,
    conftest.SAME_WORKER.)"""
    import os
    import shutil

    from django.core.management import call_command
    from django.test import override_settings

    # The project seen through links, but for a copy of its catalogues, which makemessages
    # updates instead of the real ones.
    root = tmp_path_factory.mktemp("project")
    for entry in LOCALE.parent.iterdir():
        if entry.name not in ("locale", ".venv", "var", "tools", "node_modules", ".git"):
            (root / entry.name).symlink_to(entry)
    copy = root / "locale"
    shutil.copytree(LOCALE, copy)
    here = Path.cwd()
    os.chdir(root)
    try:
        with override_settings(LOCALE_PATHS=[copy]):
            call_command(
                "makemessages",
                *[f"--locale={code}" for code in OTHERS],
                "--symlinks",
                "--no-obsolete",
                verbosity=0,
            )
    finally:
        os.chdir(here)
    return copy


@pytest.mark.parametrize("language", OTHERS)
def test_every_catalogue_is_complete(extracted_catalogues, language):
    po = extracted_catalogues / language / "LC_MESSAGES" / "django.po"
    assert _msgattrib("--untranslated", po) == "", f"untranslated strings in {language}"
    assert _msgattrib("--only-fuzzy", po) == "", f"fuzzy strings in {language}"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "french"),
    [
        ("/fr/", "Nos objectifs pour 2020"),
        ("/fr/work-plans/2020/", "Plan de travail 2020"),
        ("/fr/achievements/2019/", "Réalisations"),
        ("/fr/cities/", "Villes membres"),
        ("/fr/accounts/login/", "Connexion"),
    ],
)
def test_pages_are_in_french_under_fr(client, demo, path, french):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert french in html


@pytest.mark.django_db
def test_dates_and_seasons_are_localised(client, demo):
    html = client.get("/fr/achievements/2019/").content.decode()
    assert "24–26 septembre 2019" in html
    html = client.get("/fr/work-plans/2020/").content.decode()
    assert "Printemps 2020" in html


LANGUAGE_LINK = re.compile(
    r'<a href="([^"]*)" hreflang="(en|fr|pt|it|de)" lang="(en|fr|pt|it|de)"( aria-current="page")?'
)


def _language_links(html: str) -> dict[str, tuple[str, bool]]:
    """The header's language switch: language -> (address, whether it is the current one)."""
    found = {}
    for href, hreflang, lang, current in LANGUAGE_LINK.findall(html):
        assert hreflang == lang
        found.setdefault(hreflang, (unescape(href), bool(current)))
    return found


# (how the visitor arrives, the request's extra headers or cookie, the address they land on).
ENTRY_POINTS = [
    ("prefix", {}, "/en/work-plans/2020/"),
    ("prefix, French", {}, "/fr/work-plans/2020/"),
    ("cookie", {"cookie": "fr"}, "/"),
    ("cookie, other language in the address", {"cookie": "fr"}, "/en/cities/"),
    ("Accept-Language", {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}, "/"),
    ("Accept-Language, other language in the address", {"HTTP_ACCEPT_LANGUAGE": "fr"}, "/en/"),
    ("query string", {}, "/en/practices/?theme=housing&q=housing+camps&page=1"),
    ("a page with a slug", {}, "/fr/practices/toulouse-from-camps-to-housing/"),
    ("an error page", {}, "/en/no-such-page/"),
    ("cookie in Portuguese, German address", {"cookie": "pt"}, "/de/meetings/?year=2020"),
    ("Accept-Language Italian", {"HTTP_ACCEPT_LANGUAGE": "it-IT,it;q=0.9,en;q=0.5"}, "/"),
    ("cookie in French, English city page", {"cookie": "fr"}, "/en/cities/braga/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entry", "sent", "address"), ENTRY_POINTS, ids=[e[0] for e in ENTRY_POINTS]
)
def test_language_switch_lands_on_the_same_page_in_the_other_language(
    client, demo, entry, sent, address
):
    headers = {k: v for k, v in sent.items() if k != "cookie"}
    if "cookie" in sent:
        client.cookies["django_language"] = sent["cookie"]
    response = client.get(address, follow=True, **headers)
    html = response.content.decode()
    here = re.search(r'<html lang="(en|fr|pt|it|de)">', html)[1]
    path = response.request["PATH_INFO"]
    query = response.request.get("QUERY_STRING", "")
    address = path + (f"?{query}" if query else "")
    links = _language_links(html)
    assert set(links) == set(INTERFACE)
    assert links[here] == (address, True)  # aria-current

    for other in INTERFACE:
        if other == here:
            continue
        target, current = links[other]
        assert not current
        assert target.startswith(f"/{other}/")
        # The same page, the query string kept.
        assert target.removeprefix(f"/{other}/") == address.removeprefix(f"/{here}/")
        landed = client.get(target, **headers)  # the same cookie and Accept-Language as before
        assert landed.status_code == response.status_code
        assert f'<html lang="{other}">' in landed.content.decode()
        assert _language_links(landed.content.decode())[here][0] == address


@pytest.mark.django_db
def test_language_switch_is_links_without_a_form_or_a_token(client, demo):
    html = client.get("/en/work-plans/2020/").content.decode()
    switch = html[html.index('class="language-switcher"') :]
    switch = switch[: switch.index("</p>")]
    assert "<form" not in switch and "csrfmiddlewaretoken" not in switch
    assert '<a href="/fr/work-plans/2020/" hreflang="fr" lang="fr">' in switch
    assert '<a href="/en/work-plans/2020/" hreflang="en" lang="en" aria-current="page"' in switch


@pytest.mark.django_db
def test_signed_in_persons_language_is_remembered_once_per_change(client, demo):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = get_user_model().objects.get(email="braga@example.org")
    person.language = "en"
    person.save(update_fields=["language"])
    client.force_login(person)

    def language_writes(path: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return sum(
            1
            for q in queries.captured_queries
            if q["sql"].startswith("UPDATE") and '"language"' in q["sql"]
        )

    assert language_writes("/en/workspace/") == 0
    assert language_writes("/fr/workspace/") == 1  # switched: remembered
    person.refresh_from_db()
    assert person.language == "fr"
    assert language_writes("/fr/cities/") == 0  # already remembered
    assert language_writes("/en/") == 1
    person.refresh_from_db()
    assert person.language == "en"
