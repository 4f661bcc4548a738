"""Translations of what people write: the editor, its refusals, and reading in a language."""

from __future__ import annotations

import re
from html import escape

import pytest
from django.core.exceptions import ValidationError

from practices.models import Guideline, GuidelineSection, Practice
from practices.services import guideline_save
from translations import services
from translations.models import Translation
from translations.signals import LocalizedCopy

from .editing import changed, form_as_shown
from .factories import CityFactory, PlanFactory, PracticeFactory

pytestmark = pytest.mark.django_db

FRENCH = {
    "title": "Médiation scolaire à Braga",
    "summary": "Des médiateurs accompagnent les familles vers l'école.",
    "description": "<p>Ce que la ville a fait, en détail.</p>",
}


@pytest.fixture
def practice(braga):
    return PracticeFactory(city=braga, title="School mediation in Braga", slug="school-mediation")


def _editor(practice, language="fr") -> str:
    return f"/en/workspace/translations/practices.practice/{practice.pk}/{language}/"


def _texts(data: dict, prefix: str = "part0") -> dict:
    return {f"{prefix}-{name}": [value] for name, value in data.items()}


def test_an_officer_translates_the_citys_practice_side_by_side(client, practice, braga_officer):
    client.force_login(braga_officer)
    page = client.get(_editor(practice))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<div class="prose" lang="en">' in html  # the original, marked as English
    assert 'name="part0-title"' in html and 'lang="fr"' in html  # the field, marked French

    data = {**form_as_shown(client, _editor(practice)), **_texts(FRENCH)}
    response = client.post(_editor(practice), data)
    assert response.status_code == 302
    saved = Translation.objects.get(object_id=practice.pk, language="fr")
    assert saved.texts["title"] == FRENCH["title"]
    assert saved.translated_by == braga_officer and saved.checked_at is None
    practice.refresh_from_db()
    assert practice.title == "School mediation in Braga"  # the original is untouched


def test_a_missing_field_a_too_long_text_and_an_unknown_language_are_refused(
    client, practice, braga_officer
):
    client.force_login(braga_officer)
    shown = form_as_shown(client, _editor(practice))
    response = client.post(_editor(practice), {**shown, **_texts({**FRENCH, "summary": ""})})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()

    too_long = {**FRENCH, "title": "x" * 201}
    response = client.post(_editor(practice), {**shown, **_texts(too_long)})
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()

    response = client.get(_editor(practice, "xx"))
    assert response.status_code == 400
    assert "not offered" in response.content.decode()
    response = client.get(_editor(practice, "en"))  # the original's language
    assert response.status_code == 400
    assert "change the original itself" in response.content.decode()
    assert not Translation.objects.exists()


def test_the_original_cannot_be_deleted_as_a_translation(client, practice, braga_officer):
    client.force_login(braga_officer)
    response = client.post(_editor(practice, "en") + "delete/")
    assert response.status_code == 400
    assert "original cannot be deleted" in response.content.decode()
    assert Practice.objects.filter(pk=practice.pk).exists()


def test_a_stale_translation_is_refused_with_both_versions(client, practice, braga_officer, staff):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    client.force_login(braga_officer)
    opened = form_as_shown(client, _editor(practice))
    services.translation_save(
        record=practice,
        language="fr",
        texts={**FRENCH, "title": "Médiation scolaire (Braga)"},
        by=staff,
        translation=services.translation_for(practice, "fr"),
    )
    response = client.post(
        _editor(practice), changed(opened, **{"part0-title": "Ma version du titre"})
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this" in html
    assert "Médiation scolaire (Braga)" in html and "Ma version du titre" in html
    assert services.translation_for(practice, "fr").texts["title"] == "Médiation scolaire (Braga)"


def test_two_new_translations_into_one_language_do_not_overwrite_each_other(
    client, practice, braga_officer, staff
):
    client.force_login(braga_officer)
    opened = form_as_shown(client, _editor(practice))  # no translation yet
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=staff)
    response = client.post(_editor(practice), {**opened, **_texts({**FRENCH, "title": "Autre"})})
    assert response.status_code == 400
    assert "while you were writing yours" in response.content.decode()
    assert services.translation_for(practice, "fr").texts["title"] == FRENCH["title"]


def test_a_translation_is_checked_by_a_second_person(client, practice, braga_officer, staff):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    client.force_login(braga_officer)
    response = client.post(_editor(practice) + "check/")
    assert response.status_code == 400
    assert services.translation_for(practice, "fr").checked_at is None
    client.force_login(staff)
    assert client.post(_editor(practice) + "check/").status_code == 302
    translation = services.translation_for(practice, "fr")
    assert translation.checked_by == staff
    # Changing the text makes it unchecked again.
    services.translation_save(
        record=practice,
        language="fr",
        texts={**FRENCH, "summary": "Autre résumé."},
        by=staff,
        translation=translation,
    )
    assert services.translation_for(practice, "fr").checked_at is None


def test_other_cities_and_visitors_cannot_translate(client, practice, turin_officer):
    client.force_login(turin_officer)
    assert client.get(_editor(practice)).status_code == 404
    assert (
        client.get(f"/en/workspace/translations/practices.practice/{practice.pk}/").status_code
        == 404
    )
    assert client.get("/en/workspace/translations/auth.user/1/").status_code == 404
    client.logout()
    assert client.get(_editor(practice)).status_code == 302  # to sign in


def test_reading_in_the_visitors_language_with_lang_and_a_notice(client, practice, braga_officer):
    html = client.get("/fr/practices/school-mediation/").content.decode()
    assert '<h1 lang="en">School mediation in Braga</h1>' in html
    assert "language-notice" in html

    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    html = client.get("/fr/practices/school-mediation/").content.decode()  # at once
    assert "<h1>Médiation scolaire à Braga</h1>" in html
    assert "?language=en" in html  # a link to the original
    html = client.get("/en/practices/school-mediation/").content.decode()
    assert "<h1>School mediation in Braga</h1>" in html
    html = client.get("/fr/practices/school-mediation/?language=en").content.decode()
    assert '<h1 lang="en">School mediation in Braga</h1>' in html
    # In the library, the card is French too.
    html = client.get("/fr/practices/").content.decode()
    assert "Médiation scolaire à Braga" in html


def test_an_outdated_translation_says_so(client, practice, braga_officer):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    Practice.objects.filter(pk=practice.pk).update(summary="A new summary.")
    client.force_login(braga_officer)
    html = client.get(
        f"/en/workspace/translations/practices.practice/{practice.pk}/"
    ).content.decode()
    assert "Out of date" in html
    html = client.get("/fr/practices/school-mediation/").content.decode()
    assert "L&#x27;original a été modifié depuis." in html or "original a été modifié" in html


def test_a_localized_copy_cannot_be_saved_over_the_original(practice, braga_officer):
    from translations.reading import localized

    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    copy = localized(Practice.objects.get(pk=practice.pk), "fr")
    assert copy.title == FRENCH["title"]
    with pytest.raises(LocalizedCopy):
        copy.save()
    assert Practice.objects.get(pk=practice.pk).title == "School mediation in Braga"


def test_deleting_a_record_deletes_its_translations(practice, braga_officer):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    practice.delete()
    assert not Translation.objects.exists()


def test_a_guideline_is_translated_with_its_sections_on_one_page(client, staff):
    guideline = guideline_save(
        guideline=None,
        data={"title": "Housing", "topic": "Housing", "introduction": "<p>Intro.</p>"},
        sections=[
            {"title": "Eviction", "body": "<p>Prevent it.</p>", "recommendations": ["Talk first"]},
            {"title": "Camps", "body": "", "recommendations": []},
        ],
        authors=[],
        by=staff,
    )
    client.force_login(staff)
    url = f"/en/workspace/translations/practices.guideline/{guideline.pk}/fr/"
    shown = form_as_shown(client, url)
    fields = sorted(name for name in shown if re.match(r"part\d+-", name) and "token" not in name)
    assert len(fields) == 3 + 2 + 1 + 2  # guideline, section, recommendation, section
    data = dict(shown)
    data.update(
        {
            "part0-title": ["Logement"],
            "part0-topic": ["Logement"],
            "part0-introduction": ["<p>Introduction.</p>"],
            "part1-title": ["Expulsions"],
            "part1-body": ["<p>Les prévenir.</p>"],
            "part2-text": ["Parler d'abord"],
            "part3-title": ["Campements"],
        }
    )
    assert client.post(url, data).status_code == 302
    assert Translation.objects.filter(language="fr").count() == 4
    # Editing the guideline keeps its sections, and so their translations.
    section_ids = set(GuidelineSection.objects.values_list("pk", flat=True))
    guideline_save(
        guideline=Guideline.objects.get(pk=guideline.pk),
        data={"title": "Housing", "topic": "Housing", "introduction": "<p>Intro.</p>"},
        sections=[
            {"title": "Evictions", "body": "<p>Prevent it.</p>", "recommendations": ["Talk first"]},
            {"title": "Camps", "body": "", "recommendations": []},
        ],
        authors=[],
        by=staff,
    )
    assert set(GuidelineSection.objects.values_list("pk", flat=True)) == section_ids
    assert Translation.objects.filter(language="fr").count() == 4


def test_city_names_in_the_pages_language(client):
    CityFactory(name="Warsaw", slug="warsaw", names={"fr": "Varsovie", "it": "Varsavia"})
    assert "Varsovie" in client.get("/fr/cities/").content.decode()
    assert "Varsavia" in client.get("/it/cities/").content.decode()
    assert "Warsaw" in client.get("/de/cities/").content.decode()


def test_the_service_refuses_the_originals_language(practice, braga_officer):
    with pytest.raises(ValidationError):
        services.translation_save(record=practice, language="en", texts=FRENCH, by=braga_officer)
    with pytest.raises(ValidationError):
        services.translation_save(record=practice, language="tlh", texts=FRENCH, by=braga_officer)


def test_an_officer_writes_a_practice_in_their_own_language(client, braga, braga_officer):
    client.force_login(braga_officer)
    html = client.get("/pt/workspace/practices/new/").content.decode()
    assert re.search(r'<option value="pt" selected>', html)


def test_the_original_cannot_take_the_language_of_one_of_its_translations(
    client, practice, braga_officer, staff
):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    client.force_login(staff)
    url = f"/en/workspace/practices/{practice.pk}/"
    response = client.post(url, changed(form_as_shown(client, url), original_language=["fr"]))
    assert response.status_code == 400
    assert "There is a translation into French already" in response.content.decode()
    practice.refresh_from_db()
    assert practice.original_language == "en"


def test_a_plan_keeps_its_language_while_it_has_a_translation_into_the_new_one(
    client, braga, braga_officer, staff
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plan = PlanFactory(city=braga)
    services.translation_save(
        record=plan, language="fr", texts={"title": "Plan d'action"}, by=staff
    )
    client.force_login(braga_officer)
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    response = client.post(url, changed(form_as_shown(client, url), original_language=["fr"]))
    assert response.status_code == 400
    assert "There is a translation into French" in response.content.decode()
    plan.refresh_from_db()
    assert plan.original_language == "en"

    # An ordinary save asks nothing of the translations.
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, changed(form_as_shown(client, url), title=["Renamed"]))
    assert response.status_code == 302
    assert not [q for q in queries.captured_queries if "translations_translation" in q["sql"]]
    plan.refresh_from_db()
    assert (plan.title, plan.original_language) == ("Renamed", "en")


def test_a_translation_missing_a_field_the_original_filled_since_is_not_shown(
    client, practice, braga_officer
):
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    Practice.objects.filter(pk=practice.pk).update(results="Attendance rose by a third.")
    html = client.get("/fr/practices/school-mediation/").content.decode()
    assert '<h1 lang="en">School mediation in Braga</h1>' in html  # the original, whole
    assert "Médiation scolaire à Braga" not in html


def test_workspace_pages_mark_the_originals_language(client, demo):
    from django.contrib.auth import get_user_model

    from actionplans.models import ActionPlan

    client.force_login(get_user_model().objects.get(email="braga@example.org"))
    plan = ActionPlan.objects.filter(city__slug="braga").first()
    html = client.get("/fr/workspace/").content.decode()
    assert f'<span lang="en">{escape(plan.title)}</span>' in html
    html = client.get("/en/workspace/").content.decode()
    assert f"<span>{escape(plan.title)}</span>" in html  # same language: nothing to say


def test_a_translation_cannot_carry_a_script(client, practice, braga_officer):
    texts = {**FRENCH, "description": '<p>Texte.</p><script>alert("x")</script>'}
    services.translation_save(record=practice, language="fr", texts=texts, by=braga_officer)
    html = client.get("/fr/practices/school-mediation/").content.decode()
    assert "<p>Texte.</p>" in html and 'alert("x")' not in html


def test_two_first_translations_at_the_same_moment_do_not_fail(
    practice, braga_officer, monkeypatch
):
    """PostgreSQL locks no row that does not exist yet: the second first translation meets the
    unique constraint, and is refused in words, not with an error page."""
    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    # As if the other person's row were not there yet when this save looked for it.
    monkeypatch.setattr(type(Translation.objects), "select_for_update", lambda self: self.none())
    with pytest.raises(ValidationError, match="while you were writing yours"):
        services.translation_save(
            record=practice, language="fr", texts={**FRENCH, "title": "Autre"}, by=braga_officer
        )
    monkeypatch.undo()
    assert services.translation_for(practice, "fr").texts["title"] == FRENCH["title"]


def test_an_ordinary_save_of_a_record_asks_nothing_of_the_translations(practice, braga_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.translation_save(record=practice, language="fr", texts=FRENCH, by=braga_officer)
    saved = Practice.objects.get(pk=practice.pk)
    saved.summary = "A changed summary."
    with CaptureQueriesContext(connection) as queries:
        saved.save()
    assert not [q for q in queries if "translations_translation" in q["sql"]]
    saved.original_language = "fr"  # a change of language is still checked
    with pytest.raises(ValidationError):
        saved.save()


def test_the_guideline_editor_reads_its_parts_translations_in_fixed_queries(client, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def guideline_with(sections: int) -> int:
        return guideline_save(
            guideline=None,
            data={"title": f"Guide {sections}", "topic": "T", "introduction": ""},
            sections=[
                {"title": f"S{n}", "body": "", "recommendations": ["R1", "R2"]}
                for n in range(sections)
            ],
            authors=[],
            by=staff,
        ).pk

    client.force_login(staff)
    counts = []
    for sections in (1, 6):
        url = f"/en/workspace/translations/practices.guideline/{guideline_with(sections)}/fr/"
        client.get(url)  # caches filled once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_notice_does_not_say_only_when_other_versions_exist(client, practice, braga_officer):
    practice.original_language = "pt"
    practice.save()
    html = client.get("/de/practices/school-mediation/").content.decode()
    assert "Nur auf Portugiesisch verfügbar." in html  # no other version
    services.translation_save(record=practice, language="en", texts=FRENCH, by=braga_officer)
    html = client.get("/fr/practices/school-mediation/").content.decode()
    assert (
        "Pas disponible en français\u00a0: affiché dans la version originale, en portugais." in html
    )
    assert "uniquement" not in html and 'hreflang="en">anglais</a>' in html
