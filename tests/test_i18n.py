from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_french_catalogue_is_complete():
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-wrap", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert untranslated == ""
    assert fuzzy == ""
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(PO)], check=True)


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
    r'<a href="([^"]*)" hreflang="(en|fr)" lang="(en|fr)"( aria-current="page")?'
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
    here = re.search(r'<html lang="(en|fr)">', html)[1]
    path = response.request["PATH_INFO"]
    query = response.request.get("QUERY_STRING", "")
    links = _language_links(html)
    assert set(links) == {"en", "fr"}
    assert links[here] == (path + (f"?{query}" if query else ""), True)  # aria-current

    other = "fr" if here == "en" else "en"
    target, current = links[other]
    assert not current
    assert target.startswith(f"/{other}/")
    assert target.removeprefix(f"/{other}/") == (
        path + (f"?{query}" if query else "")
    ).removeprefix(f"/{here}/")  # the same page, the query string kept
    landed = client.get(target, **headers)  # the same cookie and Accept-Language as before
    assert landed.status_code == response.status_code
    assert f'<html lang="{other}">' in landed.content.decode()
    assert _language_links(landed.content.decode())[here][0] == path + (
        f"?{query}" if query else ""
    )


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
