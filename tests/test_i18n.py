from __future__ import annotations

import subprocess
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


@pytest.mark.django_db
def test_language_switcher_keeps_the_page(client, demo):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/work-plans/2020/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/work-plans/2020/"
