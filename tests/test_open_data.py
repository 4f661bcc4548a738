"""Licensed open data: the /data/ page lists every download, the files hold only what is public
(CSV cells never formulas, small counts of people hidden), the practice exports carry the
licence, and the nightly zip file is built by Celery beat and shown with its date and size."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from django.conf import settings
from django.test import Client

from actionplans.models import Measurement
from opendata.models import DataBundle
from opendata.services import bundle_build
from opendata.tasks import open_data_bundle_build

from .factories import CityFactory, IndicatorFactory, PlanFactory, PracticeFactory
from .meetings_factories import MeetingFactory

pytestmark = pytest.mark.django_db

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
FILES = ["cities", "meetings", "plans", "indicators"]


@pytest.fixture
def data(braga, turin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    braga.contact_role = '=HYPERLINK("http://evil.example","click")'
    braga.save()
    public = PlanFactory(city=braga, title="+Braga school plan", is_public=True)
    PlanFactory(city=braga, title="Private Braga plan", is_public=False)
    people = IndicatorFactory(plan=public, name="Children in clubs", is_count_of_people=True,
                              baseline_value=4, target_value=40)  # fmt: skip
    Measurement.objects.create(indicator=people, date=date(2020, 1, 31), value=7)
    Measurement.objects.create(indicator=people, date=date(2020, 6, 30), value=25)
    PracticeFactory(city=braga, title="@SUM(1) practice", slug="formula-practice")
    PracticeFactory(city=braga, title="Draft practice", slug="draft", status="draft",
                    published_at=None)  # fmt: skip
    MeetingFactory(slug="public-meeting", title="Public meeting", host_city=braga)
    MeetingFactory(slug="draft-meeting", title="Draft meeting", host_city=turin, draft=True)
    return {"public": public, "people": people}


def _rows(response) -> list[dict]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_data_page_lists_every_download_and_says_no_zip_yet(data):
    response = Client().get("/en/data/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in FILES:
        for suffix in ("csv", "json"):
            assert f'href="/en/data/{name}.{suffix}"' in html
    assert 'href="/en/practices/export.csv"' in html and 'href="/en/practices/export.json"' in html
    assert "has not been built yet" in html
    assert f'href="{LICENSE_URL}" rel="license"' in html
    assert 'href="/api/v1/"' in html
    assert Client().get("/data/").status_code == 302  # to the language's address
    assert Client().get("/en/data/roma-wg-open-data.zip").status_code == 404


@pytest.mark.parametrize("name", FILES)
def test_each_file_in_csv_and_json_with_the_licence(data, name):
    client = Client()
    as_csv = client.get(f"/en/data/{name}.csv")
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    assert as_csv["Link"] == f'<{LICENSE_URL}>; rel="license"'
    as_json = client.get(f"/en/data/{name}.json")
    document = json.loads(as_json.content)
    assert document["license"]["url"] == LICENSE_URL
    assert document["count"] == len(document["results"]) == len(_rows(as_csv))
    assert list(document["columns"]) == list(_rows(as_csv)[0]) if document["count"] else True


def test_files_hold_only_public_records_and_hide_small_counts(data):
    client = Client()
    plans = _rows(client.get("/en/data/plans.csv"))
    assert [row["title"] for row in plans] == ["'+Braga school plan"]
    meetings = _rows(client.get("/en/data/meetings.csv"))
    assert [row["slug"] for row in meetings] == ["public-meeting"]
    indicators = _rows(client.get("/en/data/indicators.csv"))
    assert indicators[0]["baseline_value"] == "fewer than 10"
    assert indicators[0]["measurements"] == "2020-01-31=fewer than 10; 2020-06-30=25"
    assert "Private Braga plan" not in client.get("/en/data/plans.json").content.decode()


def test_csv_text_cells_never_start_a_formula(data):
    client = Client()
    cities = {row["slug"]: row for row in _rows(client.get("/en/data/cities.csv"))}
    assert cities["braga"]["contact"].startswith("'=HYPERLINK")
    practices = _rows(client.get("/en/practices/export.csv"))
    assert [row["title"] for row in practices] == ["'@SUM(1) practice"]
    # JSON keeps the text as it is: no spreadsheet reads it.
    document = json.loads(client.get("/en/data/cities.json").content)
    braga = next(c for c in document["results"] if c["slug"] == "braga")
    assert braga["contact"].startswith("=HYPERLINK")


def test_the_practice_exports_carry_the_licence(data):
    client = Client()
    exported = client.get("/en/practices/export.json")
    assert json.loads(exported.content)["license"]["url"] == LICENSE_URL
    assert exported["Link"] == f'<{LICENSE_URL}>; rel="license"'
    assert client.get("/en/practices/export.csv")["Link"] == f'<{LICENSE_URL}>; rel="license"'
    library = client.get("/en/practices/").content.decode()
    assert f'href="{LICENSE_URL}" rel="license"' in library


def test_files_answer_conditional_requests(data):
    client = Client()
    first = client.get("/en/data/plans.csv")
    etag = first["ETag"]
    assert client.get("/en/data/plans.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    since = first["Last-Modified"]
    assert client.get("/en/data/plans.csv", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    data["public"].title = "Braga school plan"
    data["public"].save()
    changed = client.get("/en/data/plans.csv", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and "'+Braga" not in changed.content.decode()
    assert client.get("/en/data/secrets.csv").status_code == 404
    assert client.get("/en/data/plans.xml").status_code == 404
    assert client.post("/en/data/plans.csv").status_code == 405


def test_the_nightly_zip_holds_every_file_and_the_page_shows_it(data, eager_tasks):
    assert "opendata-bundle-build" in settings.CELERY_BEAT_SCHEDULE
    schedule = settings.CELERY_BEAT_SCHEDULE["opendata-bundle-build"]
    assert schedule["task"] == "opendata.tasks.open_data_bundle_build"
    open_data_bundle_build.delay()
    bundle = DataBundle.objects.get()
    archive = zipfile.ZipFile(bundle.file.open("rb"))
    names = set(archive.namelist())
    assert names == {f"{n}.{s}" for n in ["practices", *FILES] for s in ("csv", "json")} | {
        "LICENSE.txt"
    }
    assert LICENSE_URL in archive.read("LICENSE.txt").decode()
    assert "Private Braga plan" not in archive.read("plans.csv").decode()
    assert bundle.contents["plans.csv"] == 1 and bundle.size == bundle.file.size
    html = Client().get("/en/data/").content.decode()
    assert "has not been built yet" not in html
    assert bundle.built_at.strftime("%Y") in html and "KB" in html
    download = Client().get("/en/data/roma-wg-open-data.zip")
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_building_again_keeps_the_two_newest_files(data):
    built = [bundle_build() for _n in range(3)]
    kept = list(DataBundle.objects.order_by("-built_at", "-id"))
    assert kept == [built[2], built[1]]
    assert not built[0].file.storage.exists(built[0].file.name)


def test_a_city_without_anything_still_appears(data):
    CityFactory(name="Zagreb", slug="zagreb", country="HR")
    document = json.loads(Client().get("/en/data/cities.json").content)
    assert "zagreb" in [c["slug"] for c in document["results"]]
