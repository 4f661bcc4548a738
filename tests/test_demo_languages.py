"""The demo in several languages: the work plan and achievements in French, practices written in
their city's language with an English translation, the housing guideline in French and the
cities' names in the interface's languages."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.contrib.contenttypes.models import ContentType

from cities.models import City
from demo.languages import CITY_NAMES
from demo.practices_originals import ORIGINALS
from demo.translations_fr import HOUSING_GUIDELINE_SLUG
from objectives.models import Achievement
from practices.models import Guideline, GuidelineSection, Practice, PracticeStatus, Recommendation
from translations.models import Translation
from translations.registry import registered

pytestmark = pytest.mark.django_db

BRAGA = "braga-neighbourhood-employment-desk"
BRAGA_ENGLISH = "Neighbourhood employment desks in social housing estates"
BRAGA_PORTUGUESE = "Gabinetes de emprego de proximidade nos bairros sociais"
PLACEHOLDER = re.compile(r"\{\w+\}")


def _translations(model, language: str) -> dict[int, Translation]:
    return {
        t.object_id: t
        for t in Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(model), language=language
        )
    }


def test_every_objectives_text_of_the_demo_has_a_french_translation(demo):
    specs = [s for s in registered() if s.model._meta.app_label == "objectives"]
    assert len(specs) == 8
    for spec in specs:
        written = {
            record.pk: spec.texts_of(record)
            for record in spec.model.objects.all()
            if any(text.strip() for text in spec.texts_of(record).values())
        }
        french = _translations(spec.model, "fr")
        assert written, spec.key
        assert set(french) == set(written), spec.key
        for pk, texts in written.items():
            for name, english in texts.items():
                translated = french[pk].texts[name]
                assert bool(translated.strip()) == bool(english.strip()), (spec.key, pk, name)
                assert translated != english or not english, (spec.key, pk, name)


def test_french_narratives_keep_every_placeholder(demo):
    french = _translations(Achievement, "fr")
    for achievement in Achievement.objects.all():
        english = sorted(PLACEHOLDER.findall(achievement.narrative))
        assert english
        assert sorted(PLACEHOLDER.findall(french[achievement.pk].texts["narrative"])) == english


def test_french_texts_follow_french_typography(demo):
    toulouse = Practice.objects.get(slug="toulouse-school-access-camps-squats")
    texts = [text for t in Translation.objects.filter(language="fr") for text in t.texts.values()]
    texts += [getattr(toulouse, name) for name in ORIGINALS[toulouse.slug] if name != "language"]
    for text in texts:
        text = unescape(re.sub(r"<[^>]+>", "", text))
        assert not re.search(r"[^\u00a0][:;?!»]", text), text
        assert "«" not in text or "«\u00a0" in text, text


def test_the_translations_are_the_demo_staffs(demo):
    translations = Translation.objects.select_related("translated_by")
    assert {t.translated_by.email for t in translations} == {"staff@example.org"}
    # The demo has one staff account: nobody else to check them.
    assert not translations.filter(checked_at__isnull=False).exists()


def test_practices_written_in_their_citys_language_with_an_english_translation(demo):
    others = Practice.objects.filter(status=PracticeStatus.PUBLISHED).exclude(
        original_language="en"
    )
    assert others.count() >= 8
    assert len({p.original_language for p in others}) >= 5
    english = _translations(Practice, "en")
    for practice in others:
        assert practice.title == ORIGINALS[practice.slug]["title"]
        assert english[practice.pk].texts["title"], practice.slug
        assert english[practice.pk].texts["title"] != practice.title
    languages = dict(others.values_list("city__slug", "original_language").distinct())
    assert languages["braga"] == "pt"
    assert languages["turin"] == "it"
    assert languages["berlin"] == "de"
    assert languages["toulouse"] == "fr"
    assert languages["madrid"] == "es"
    assert languages["bucharest"] == "ro"


def test_a_practice_reads_in_english_with_a_link_to_its_portuguese_original(client, demo):
    html = client.get(f"/en/practices/{BRAGA}/").content.decode()
    assert BRAGA_ENGLISH in html
    assert BRAGA_PORTUGUESE not in html
    assert 'class="language-notice"' in html
    assert "language=pt" in html and 'hreflang="pt"' in html

    html = client.get(f"/pt/practices/{BRAGA}/").content.decode()
    assert BRAGA_PORTUGUESE in html
    assert BRAGA_ENGLISH not in html


def test_the_housing_guideline_has_a_french_translation_of_every_part(client, demo):
    guideline = Guideline.objects.get(slug=HOUSING_GUIDELINE_SLUG)
    sections = list(GuidelineSection.objects.filter(guideline=guideline))
    recommendations = list(Recommendation.objects.filter(section__guideline=guideline))
    assert len(sections) == 5 and len(recommendations) == 16
    assert guideline.pk in _translations(Guideline, "fr")
    french_sections = _translations(GuidelineSection, "fr")
    assert all(french_sections[s.pk].texts["title"] for s in sections)
    assert all(french_sections[s.pk].texts["body"].startswith("<p>") for s in sections)
    french_recommendations = _translations(Recommendation, "fr")
    assert all(french_recommendations[r.pk].texts["text"] for r in recommendations)

    html = client.get(f"/fr/guidelines/{HOUSING_GUIDELINE_SLUG}/").content.decode()
    assert "Accompagner les Roms des campements vers un logement décent" in html
    assert "Travailler ménage par ménage" in html
    assert "Work household by household" not in html


def test_city_names_in_the_interfaces_languages(client, demo):
    assert "Varsovie" in client.get("/fr/cities/").content.decode()
    assert "Warschau" in client.get("/de/cities/").content.decode()
    assert "Torino" in client.get("/it/cities/").content.decode()
    assert "Atenas" in client.get("/pt/cities/").content.decode()
    for city in City.objects.all():
        assert city.names == CITY_NAMES.get(city.slug, {})
        assert set(city.names) <= {"fr", "pt", "it", "de"}
        assert city.name not in city.names.values(), city.slug


def test_loading_again_keeps_one_translation_of_each_record(demo):
    from demo.services import demo_load

    before = sorted(Translation.objects.values_list("content_type", "language"))
    demo_load()
    assert sorted(Translation.objects.values_list("content_type", "language")) == before
    for translation in Translation.objects.all():
        assert translation.record is not None, translation
