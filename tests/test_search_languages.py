"""The library's search in every language a practice exists in: its original and each of its
translations, whatever the page's language, accents and case aside. PostgreSQL stems each
language with its own configuration and ranks; SQLite matches every word in one version."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from practices.models import Practice
from practices.selectors import practice_library
from practices.services import practice_update
from translations.services import translation_save

from .factories import PracticeFactory, StaffFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming and ranking are PostgreSQL full text"
)

# One practice a language, each about school mediation in its own words.
WRITTEN = {
    "fr": (
        "Médiation scolaire dans les quartiers",
        "Des médiateurs accompagnent les élèves et leurs familles.",
    ),
    "pt": (
        "Mediação escolar nos bairros",
        "Mediadores acompanham os alunos e as suas famílias.",
    ),
    "en": (
        "School mediation in the neighbourhoods",
        "Mediators accompany pupils and their families.",
    ),
    "de": (
        "Schulmediation in den Stadtteilen",
        "Schulische Mediation: Mediatorinnen begleiten Schüler und ihre Familien.",
    ),
    "it": (
        "Mediazione scolastica nei quartieri",
        "I mediatori accompagnano gli alunni e le loro famiglie.",
    ),
}


@pytest.fixture
def written():
    """Slug of the practice written in each language, and one about something else."""
    slugs = {}
    for language, (title, summary) in WRITTEN.items():
        practice = PracticeFactory(
            title=title, summary=summary, original_language=language, slug=f"written-{language}"
        )
        slugs[language] = practice.slug
    PracticeFactory(title="Housing first", summary="Flats before anything else.", slug="housing")
    return slugs


def found(client, query: str, *, page_language: str = "en") -> set[str]:
    """The slugs of the practices the library lists for ``query``."""
    html = client.get(f"/{page_language}/practices/", {"q": query}).content.decode()
    return set(re.findall(rf'<h3[^>]*><a href="/{page_language}/practices/([\w-]+)/"', html))


@pytest.mark.parametrize(
    ("query", "language", "page_language"),
    [
        ("médiation scolaire", "fr", "fr"),
        ("médiation scolaire", "fr", "pt"),  # whatever the page's language
        ("mediação escolar", "pt", "pt"),
        ("mediação escolar", "pt", "en"),
        ("school mediation", "en", "en"),
        ("school mediation", "en", "fr"),
        ("Schulmediation", "de", "de"),
        ("schulische Mediation", "de", "en"),
        ("mediazione scolastica", "it", "it"),
    ],
)
def test_a_query_finds_the_practice_written_in_its_language(
    client, written, query, language, page_language
):
    assert found(client, query, page_language=page_language) == {written[language]}


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("mediacao escolar", "pt"),
        ("MEDIAÇÃO Escolar", "pt"),
        ("mediation scolaire", "fr"),
        ("MÉDIATION SCOLAIRE", "fr"),
        ("SCHOOL Mediation", "en"),
    ],
)
def test_accents_and_case_do_not_matter(client, written, query, language):
    assert found(client, query) == {written[language]}


def test_matched_words_are_highlighted_without_their_accents_too(client, written):
    html = client.get("/pt/practices/", {"q": "mediacao escolar"}).content.decode()
    assert "<mark>Mediação</mark> <mark>escolar</mark> nos bairros" in html


def test_a_translation_is_found_once_saved_and_no_longer_once_deleted(client, written):
    from translations.services import translation_delete

    practice = Practice.objects.get(slug="housing")
    staff = StaffFactory()
    assert found(client, "logement d'abord", page_language="fr") == set()

    translation_save(
        record=practice,
        language="fr",
        texts={"title": "Logement d'abord", "summary": "Un logement avant toute autre chose."},
        by=staff,
    )
    assert found(client, "logement d'abord", page_language="fr") == {"housing"}
    assert found(client, "housing first") == {"housing"}  # the original still

    translation_delete(record=practice, language="fr", by=staff)
    assert found(client, "logement d'abord", page_language="fr") == set()
    assert found(client, "housing first") == {"housing"}
    assert list(practice.search_texts.values_list("language", flat=True)) == ["en"]


def test_a_practice_matching_in_two_languages_is_listed_and_counted_once(client, written):
    practice = Practice.objects.get(slug=written["en"])
    translation_save(
        record=practice,
        language="fr",
        texts={"title": "Médiation scolaire à l'école", "summary": "Médiation scolaire."},
        by=StaffFactory(),
    )
    # "mediation" is a word of the English original and of its French translation.
    library = practice_library(params=QueryDict("q=mediation"))
    slugs = [p.slug for p in library.page.object_list]
    assert len(slugs) == len(set(slugs))
    assert written["en"] in slugs
    assert library.page.paginator.count == len(slugs)
    theme_counts = {option.value: option.count for option in library.facets[0].options}
    assert theme_counts == {"education": len(slugs)}


def test_a_changed_original_is_searched_in_its_new_words(client, written):
    practice = Practice.objects.get(slug="housing")
    practice_update(
        practice=practice,
        data={"title": "Casa primeiro", "original_language": "pt"},
        by=StaffFactory(),
    )
    assert found(client, "casa primeiro") == {"housing"}
    assert found(client, "housing first") == set()
    assert list(practice.search_texts.values_list("language", flat=True)) == ["pt"]


def test_the_searched_library_runs_the_same_number_of_queries_with_more_languages(client, written):
    def queries() -> int:
        cache.clear()  # the first visit after a change, not a cached copy
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/practices/", {"q": "médiation scolaire"}).status_code == 200
        return len(captured.captured_queries)

    before = queries()
    staff = StaffFactory()
    for n in range(6):
        practice = PracticeFactory(title=f"Homework club {n}", themes=["education", "housing"])
        for language, (title, summary) in WRITTEN.items():
            if language != "en":
                texts = {"title": title, "summary": summary}
                translation_save(record=practice, language=language, texts=texts, by=staff)
    assert found(client, "médiation scolaire", page_language="fr") >= {written["fr"]}
    assert queries() == before


@postgres_only
@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("médiations scolaires", "fr"),  # plural: stemmed as French
        ("mediator accompanies families", "en"),
        ("Schüler begleiten", "de"),
        ("mediatore scolastico", "it"),
    ],
)
def test_postgres_stems_each_version_with_its_language(client, written, query, language):
    assert found(client, query) == {written[language]}


@postgres_only
def test_postgres_ranks_a_title_match_in_any_language_above_a_summary_match(client):
    PracticeFactory(
        title="Parents at school", summary="Ateliers de médiation pour les parents d'élèves."
    )
    titled = PracticeFactory(title="Homework clubs", slug="homework")
    translation_save(
        record=titled,
        language="fr",
        texts={"title": "Médiation et aide aux devoirs", "summary": "Le soir, à l'école."},
        by=StaffFactory(),
    )
    html = client.get("/en/practices/", {"q": "médiation"}).content.decode()
    assert html.index('href="/en/practices/homework/"') < html.index("Parents at school")
