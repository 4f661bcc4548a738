"""The library's facet counts are kept until what they count changes: a practice's text edited
keeps them (no counting query), while publishing, a theme, a city or a period changed shows new
counts at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import Practice, Theme
from practices.search import practices_search_index

from .factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def _library(client, query: str = "") -> tuple[str, int]:
    """The page, and how many counting queries rendering it ran."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/en/practices/{query}").content.decode()
    counted = sum("WITH scope" in q["sql"] for q in queries.captured_queries)
    return html, counted


@pytest.fixture
def library(db):
    ghent = CityFactory(name="Ghent", slug="ghent", country="BE")
    lyon = CityFactory(name="Lyon", slug="lyon", country="FR")
    first = PracticeFactory(city=ghent, themes=["education"], title="School mediators")
    PracticeFactory(city=lyon, themes=["education", "health"], title="Homework clubs")
    return {"ghent": ghent, "lyon": lyon, "practice": first}


def test_a_text_edit_shows_at_once_and_keeps_the_counts(client, library):
    html, counted = _library(client)
    assert counted == 1 and 'Education <span class="count">(2)</span>' in html
    practice = library["practice"]
    practice.title = "School mediators, revised"
    practice.save()
    html, counted = _library(client)
    assert "School mediators, revised" in html  # the page itself is new
    assert counted == 0  # the counts were kept
    assert 'Education <span class="count">(2)</span>' in html


def test_a_theme_added_or_removed_counts_again(client, library):
    _library(client)
    library["practice"].themes.add(Theme.objects.get(code="health"))
    html, counted = _library(client)
    assert counted == 1 and 'Health <span class="count">(2)</span>' in html
    library["practice"].themes.remove(Theme.objects.get(code="education"))
    html, _counted = _library(client)
    assert 'Education <span class="count">(1)</span>' in html


def test_unpublishing_moving_or_dating_a_practice_counts_again(client, library):
    practice = library["practice"]
    _library(client, "?year=2016")
    practice.city = library["lyon"]
    practice.save()
    html, counted = _library(client, "?year=2016")
    assert counted == 1 and 'France <span class="count">(2)</span>' in html
    assert "Belgium" not in html

    practice.start_year = 2019
    practice.save()
    html, _counted = _library(client, "?year=2016")
    assert 'France <span class="count">(1)</span>' in html

    practice.status = "draft"
    practice.save()
    html, _counted = _library(client)
    assert 'Education <span class="count">(1)</span>' in html and "1 practice" in html


def test_a_new_or_deleted_practice_and_a_city_changing_country_count_again(client, library):
    _library(client)
    PracticeFactory(city=library["ghent"], themes=["housing"], title="Housing first")
    html, counted = _library(client)
    assert counted == 1 and 'Housing <span class="count">(1)</span>' in html

    library["practice"].delete()
    html, _counted = _library(client)
    assert 'Belgium <span class="count">(1)</span>' in html

    ghent = library["ghent"]
    ghent.country = "NL"
    ghent.save()
    html, _counted = _library(client)
    assert 'Netherlands <span class="count">(1)</span>' in html and "Belgium" not in html


def test_a_text_search_counts_again_after_a_text_edit(client, library):
    html, counted = _library(client, "?q=mediators")
    assert counted == 1 and "1 practice" in html
    practice = library["practice"]
    practice.title = "School helpers"
    practice.summary = "Helpers at school."
    practice.save()
    practices_search_index(practice_ids=[practice.pk])  # as the services do after a save
    html, counted = _library(client, "?q=mediators")
    assert counted == 1 and "No good practice matches these filters." in html


def test_related_practices_follow_themes_and_publication_not_text_edits(client, library):
    practice = library["practice"]
    other = PracticeFactory(city=library["lyon"], themes=["housing"], title="Housing first")
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Homework clubs" in html and "Housing first" not in html

    other.themes.add(Theme.objects.get(code="education"))
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Housing first" in html

    other.status = "draft"
    other.save()
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Housing first" not in html

    # A text edit: the ranking is kept (no ranking query) and the new title shows.
    homework = Practice.objects.get(title="Homework clubs")
    homework.title = "Homework clubs, revised"
    homework.save()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(practice.get_absolute_url()).content.decode()
    assert "Homework clubs, revised" in html
    assert not any("COUNT" in q["sql"] and "theme_id" in q["sql"] for q in queries)
