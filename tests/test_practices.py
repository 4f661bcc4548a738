from __future__ import annotations

import csv
import io
import json

import feedparser
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from practices.models import Practice, PracticeAttachment, PracticeEvent, Transfer

from .editing import changed, form_as_shown
from .factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db

NEW = "/en/workspace/practices/new/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def practice_form(city, **overrides):
    data = {
        "city": city.pk,
        "title": "Health mediators in the neighbourhoods",
        "summary": "Mediators accompany families to health services.",
        "description": "<p>Trained mediators.</p><script>alert(1)</script>",
        "themes": ["1"],  # replaced below by the real ids
        "start_year": "2016",
        "end_year": "",
        "links": "https://example.org/report Final report",
    }
    data.update(overrides)
    return data


@pytest.fixture
def theme_ids():
    from practices.models import Theme

    return {theme.code: str(theme.pk) for theme in Theme.objects.all()}


def test_officer_proposes_staff_asks_changes_then_publishes(
    client, braga, braga_officer, turin_officer, staff, theme_ids
):
    client.force_login(braga_officer)
    response = client.post(NEW, practice_form(braga, themes=[theme_ids["health"]]))
    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.status == "draft"
    assert "<script>" not in practice.description
    assert practice.links.get().url == "https://example.org/report"

    # A draft is invisible to the public and to another city's officer.
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404
    client.force_login(turin_officer)
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert client.get(f"/en/workspace/practices/{practice.pk}/").status_code == 404

    client.force_login(braga_officer)
    assert client.get(practice.get_absolute_url()).status_code == 200  # preview
    client.post(f"/en/workspace/practices/{practice.pk}/submit/")
    practice.refresh_from_db()
    assert practice.status == "submitted"
    # Once submitted it is the staff's: the officer can no longer change it.
    assert client.get(f"/en/workspace/practices/{practice.pk}/").status_code == 403

    client.force_login(staff)
    response = client.post(
        f"/en/workspace/practices/{practice.pk}/review/", {"decision": "changes"}
    )
    assert response.status_code == 400
    assert "Say what should change." in response.content.decode()
    client.post(
        f"/en/workspace/practices/{practice.pk}/review/",
        {"decision": "changes", "comment": "Add the results of 2019."},
    )
    practice.refresh_from_db()
    assert practice.status == "changes_requested"

    client.force_login(braga_officer)
    url = f"/en/workspace/practices/{practice.pk}/"
    form = changed(form_as_shown(client, url), results="300 families reached.")
    assert client.post(url, form).status_code == 302
    client.post(f"/en/workspace/practices/{practice.pk}/submit/")

    client.force_login(staff)
    client.post(f"/en/workspace/practices/{practice.pk}/review/", {"decision": "publish"})
    practice.refresh_from_db()
    assert practice.status == "published" and practice.published_at

    client.logout()
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "300 families reached." in html
    assert "<script>alert(1)</script>" not in html
    steps = list(
        PracticeEvent.objects.filter(practice=practice).values_list("to_status", "by__email")
    )
    assert steps == [
        ("draft", braga_officer.email),
        ("submitted", braga_officer.email),
        ("changes_requested", staff.email),
        ("submitted", braga_officer.email),
        ("published", staff.email),
    ]


def test_officer_cannot_propose_for_another_city(client, braga_officer, turin, theme_ids):
    client.force_login(braga_officer)
    response = client.post(NEW, practice_form(turin, themes=[theme_ids["health"]]))
    assert response.status_code == 400
    assert not Practice.objects.exists()


def test_proposal_form_explains_errors_and_keeps_input(client, braga, braga_officer, theme_ids):
    client.force_login(braga_officer)
    data = practice_form(braga, themes=[theme_ids["health"]], start_year="2018", end_year="2012")
    data["links"] = "not a link"
    response = client.post(NEW, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end year cannot be before the start year." in html
    assert "does not start with a web address" in html
    assert "Health mediators in the neighbourhoods" in html


def test_filters_combine_count_and_live_in_the_url(client):
    ghent = CityFactory(name="Ghent", slug="ghent", country="BE")
    lyon = CityFactory(name="Lyon", slug="lyon", country="FR")
    PracticeFactory(city=ghent, themes=["education"], title="School mediators")
    PracticeFactory(city=ghent, themes=["housing"], title="Housing first")
    PracticeFactory(
        city=lyon, themes=["education", "health"], title="Homework clubs", start_year=2019
    )
    PracticeFactory(city=lyon, themes=["education"], status="draft", title="Secret draft")

    html = client.get("/en/practices/?theme=education").content.decode()
    assert "School mediators" in html and "Homework clubs" in html
    assert "Housing first" not in html and "Secret draft" not in html
    assert "2 practices" in html

    html = client.get("/en/practices/?theme=education&country=FR").content.decode()
    assert "Homework clubs" in html and "School mediators" not in html

    html = client.get("/en/practices/?year=2017").content.decode()
    assert "Homework clubs" not in html and "School mediators" in html

    # Counts per option, under the other active filters.
    html = client.get("/en/practices/?country=BE").content.decode()
    assert 'Education <span class="count">(1)</span>' in html
    assert 'Belgium <span class="count">(2)</span>' in html
    assert 'France <span class="count">(1)</span>' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("theme=astrology", "Theme was ignored"),
        ("page=abc", "There is no page “abc”"),
        ("page=99999", "There is no page 99999"),
        ("year=twenty", "Active in year was ignored"),
        ("q=" + "x" * 10000, "Search was ignored"),
        ("sort=random", "Sort by was ignored"),
    ],
)
def test_bad_filter_values_answer_200_with_a_message(client, query, message):
    PracticeFactory(title="Something to list")
    response = client.get("/en/practices/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Something to list" in html


def test_empty_result_says_so_and_offers_to_clear(client):
    PracticeFactory(themes=["education"])
    html = client.get("/en/practices/?theme=health").content.decode()
    assert "No good practice matches these filters." in html
    assert 'href="/en/practices/"' in html


def test_search_finds_words_in_results_and_highlights_them(client):
    PracticeFactory(title="Mediators at school", summary="Mediators visit families.")
    other = PracticeFactory(title="Tenancy support", summary="Support for tenants.")
    other.results = "Evictions fell sharply in the pilot area."
    other.save()
    from practices.search import practices_search_index

    practices_search_index(practice_ids=[other.pk])
    html = client.get("/en/practices/?q=evictions").content.decode()
    assert "Tenancy support" in html and "Mediators at school" not in html

    html = client.get("/en/practices/?q=mediators").content.decode()
    assert "<mark>Mediators</mark> at school" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL full text")
def test_postgres_ranks_title_matches_first_and_stems_words(client):
    PracticeFactory(
        title="Homework clubs", summary="Support after school. Housing is not the topic."
    )
    PracticeFactory(title="Housing first for families", summary="Flats before anything else.")
    html = client.get("/en/practices/?q=house").content.decode()  # stemmed: house ~ housing
    assert html.index("Housing first for families") < html.index("Homework clubs")


def test_atom_feed_is_valid_with_absolute_links(client):
    PracticeFactory(title="Published one")
    PracticeFactory(title="Draft one", status="draft")
    response = client.get("/en/practices/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert any("Published one" in title for title in titles)
    assert not any("Draft one" in title for title in titles)
    assert feed.entries[0].link.startswith("http://testserver/en/practices/")
    assert feed.entries[0].updated_parsed


def test_exports_follow_the_filters_of_the_list(client):
    PracticeFactory(title="Education one", themes=["education"])
    PracticeFactory(title="Housing one", themes=["housing"])
    rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(
                    client.get("/en/practices/export.csv?theme=housing").streaming_content
                ).decode()
            )
        )
    )
    assert [row["title"] for row in rows] == ["Housing one"]
    assert rows[0]["themes"] == "housing"
    assert rows[0]["url"].startswith("http://testserver/en/practices/")

    payload = json.loads(client.get("/en/practices/export.json?theme=education").content)
    assert payload["count"] == 1
    assert payload["results"][0]["title"] == "Education one"
    assert set(payload["columns"]) == set(rows[0])


@pytest.mark.parametrize(
    "url",
    ["/en/practices/feed/", "/en/practices/export.csv", "/en/practices/export.json?theme=housing"],
)
def test_feed_and_exports_answer_conditional_requests(client, url):
    practice = PracticeFactory(themes=["housing"])
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    practice.title = "A new title"
    practice.save()
    after_change = client.get(url, headers={"if-none-match": first["ETag"]})
    assert after_change.status_code == 200
    assert after_change["ETag"] != first["ETag"]

    practice.status = "draft"
    practice.save()
    unpublished = client.get(url, headers={"if-none-match": after_change["ETag"]})
    assert unpublished.status_code == 200


def test_list_page_queries_do_not_grow_with_the_number_of_practices(
    client, django_assert_max_num_queries
):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    PracticeFactory.create_batch(10)
    client.get("/en/practices/")  # the process's own lookups (content types) made once
    cache.clear()  # measure the page as rendered, not its cached fragments
    with CaptureQueriesContext(conn) as at_10:
        client.get("/en/practices/?theme=education&sort=city")
    PracticeFactory.create_batch(190)
    cache.clear()
    with CaptureQueriesContext(conn) as at_200:
        client.get("/en/practices/?theme=education&sort=city")
    assert len(at_200.captured_queries) == len(at_10.captured_queries)


def test_practice_page_shows_adapted_by_and_related(client, braga, turin):
    practice = PracticeFactory(city=braga, themes=["housing"], title="Integrated plan")
    PracticeFactory(themes=["housing"], title="A related housing practice")
    Transfer.objects.create(
        practice=practice, city=turin, stage="adapt", adaptations="Smaller scale."
    )
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "Adapted by" in html and "Turin" in html and "Smaller scale." in html
    assert "A related housing practice" in html
    assert 'class="map-dot"' in html


def test_officer_records_their_city_adopted_a_practice(client, braga, turin_officer):
    practice = PracticeFactory(city=braga)
    client.force_login(turin_officer)
    response = client.post(
        f"/en/workspace/practices/{practice.pk}/transfers/new/",
        {
            "city": turin_officer.city_memberships.get().city_id,
            "stage": "understand",
            "adaptations": "Study visit.",
        },
    )
    assert response.status_code == 302
    assert Transfer.objects.get().city.slug == "turin"


class TestUploads:
    @pytest.fixture
    def draft(self, braga, braga_officer, client, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        client.force_login(braga_officer)
        return PracticeFactory(city=braga, status="draft")

    def _upload(self, client, practice, name, content):
        return client.post(
            f"/en/workspace/practices/{practice.pk}/files/",
            {"title": "Report", "file": SimpleUploadedFile(name, content)},
        )

    def test_a_pdf_is_stored_under_a_random_name_and_served_as_a_download(self, client, draft):
        assert self._upload(client, draft, "report.pdf", PDF).status_code == 302
        attachment = PracticeAttachment.objects.get()
        assert "report" not in attachment.file.name
        assert attachment.content_type == "application/pdf"
        response = client.get(attachment.get_absolute_url())
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="report.pdf"')
        assert response["Content-Type"] == "application/pdf"

    def test_a_renamed_executable_is_refused(self, client, draft):
        response = self._upload(client, draft, "report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
        assert response.status_code == 400
        assert "This kind of file is not accepted" in response.content.decode()
        assert not PracticeAttachment.objects.exists()

    def test_content_that_does_not_match_the_name_is_refused(self, client, draft):
        response = self._upload(client, draft, "photo.png", PDF)
        assert response.status_code == 400
        assert "its content is PDF" in response.content.decode()

    def test_an_oversized_file_is_refused(self, client, draft, settings):
        settings.MAX_UPLOAD_SIZE = 1024
        response = self._upload(client, draft, "big.pdf", PDF + b"0" * 2048)
        assert response.status_code == 400
        assert "the limit is 1.0" in response.content.decode()

    def test_attachments_of_a_draft_are_not_public(self, client, draft):
        self._upload(client, draft, "report.pdf", PDF)
        attachment = PracticeAttachment.objects.get()
        client.logout()
        assert client.get(attachment.get_absolute_url()).status_code == 404


def test_staff_write_and_publish_a_guideline(client, staff, braga):
    practice = PracticeFactory(city=braga, title="Drawn-on practice")
    client.force_login(staff)
    data = {
        "title": "Integrated city plans",
        "topic": "Integrated plans",
        "introduction": "<p>Why integrated plans.</p>",
        "practices": [practice.pk],
        "sections-TOTAL_FORMS": "2",
        "sections-INITIAL_FORMS": "0",
        "sections-0-title": "Start from the neighbourhood",
        "sections-0-body": "<p>Map needs first.</p>",
        "sections-0-recommendations": "Map the needs\nInvolve residents",
        "sections-1-title": "",
        "authors-TOTAL_FORMS": "1",
        "authors-INITIAL_FORMS": "0",
        "authors-0-role": "Social policy officer",
        "authors-0-city": braga.pk,
    }
    response = client.post("/en/workspace/guidelines/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    from practices.models import Guideline

    guideline = Guideline.objects.get()
    client.logout()
    assert client.get(guideline.get_absolute_url()).status_code == 404
    client.force_login(staff)
    client.post(f"/en/workspace/guidelines/{guideline.pk}/publish/", {"publish": "1"})
    client.logout()
    html = client.get(guideline.get_absolute_url()).content.decode()
    assert "Start from the neighbourhood" in html
    assert "<li>Involve residents</li>" in html
    assert "Drawn-on practice" in html
    assert "Social policy officer" in html
    assert "Integrated city plans" in client.get("/en/guidelines/").content.decode()


def test_practice_page_queries_do_not_grow_with_related_practices(client):
    from django.test.utils import CaptureQueriesContext

    practice = PracticeFactory(themes=["housing", "health"])
    PracticeFactory(themes=["housing"])
    cache.clear()  # measure the page as rendered, not its cached parts
    with CaptureQueriesContext(connection) as with_one:
        client.get(practice.get_absolute_url())
    PracticeFactory.create_batch(5, themes=["housing", "health"])
    cache.clear()
    with CaptureQueriesContext(connection) as with_more:
        client.get(practice.get_absolute_url())
    assert len(with_more.captured_queries) == len(with_one.captured_queries)


def test_long_facets_fold_the_rarer_options_but_never_a_selected_one(client):
    for n in range(12):
        city = CityFactory(name=f"City {n:02d}", slug=f"city-{n:02d}")
        PracticeFactory.create_batch(12 - n, city=city)
    html = client.get("/en/practices/?city=city-11").content.decode()
    visible, folded = html.split('<details class="facet-more">', 1)
    folded = folded.split("</details>", 1)[0]
    assert 'value="city-00"' in visible  # the most frequent
    assert 'value="city-11" id="f-city-city-11" checked' in visible  # selected, though rarest
    assert 'value="city-10"' in folded and 'value="city-00"' not in folded
    assert "3 more" in folded
