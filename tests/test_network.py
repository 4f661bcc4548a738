"""The network dashboard: figures per EU Roma framework target and per plan status counted as a
person would by hand, small counts of people hidden everywhere, private plans for staff only, the
filters, the CSV file, and a number of queries that does not grow with the network."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actionplans.models import EUTarget, Measurement, ProgressUpdate

from .factories import (
    CityFactory,
    IndicatorFactory,
    MembershipFactory,
    PlanFactory,
    StaffFactory,
    UserFactory,
)
from .sessions import sign_in_with_password_only

pytestmark = pytest.mark.django_db

TODAY = date(2021, 9, 15)
ECEC = "Cut by at least half the gap in participation in early childhood education and care"
HOUSING = "Cut by at least one third the gap in housing deprivation"
STATUSES = ["Drafting", "Adopted", "In implementation", "Completed", "Discontinued"]


class _Tables(HTMLParser):
    """Each table of a page by its caption: its rows as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._caption: str | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._caption, self._rows = "", []
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(re.sub(r"\s+", " ", "".join(self._cell)).strip())
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._caption.strip()] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def target_row(html: str, title: str) -> list[str]:
    """Cities, indicators, measured, on track, cities on track of one target."""
    rows = tables(html)["Indicators and cities per target"]
    return next(row[1:] for row in rows if row[0] == title)


def status_rows(html: str) -> dict[str, list[str]]:
    rows = tables(html)["Plans and cities per status"]
    return {row[0]: row[1:] for row in rows[1:]}


def csv_rows(response) -> list[dict]:
    text = response.content.decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def network(braga, turin):
    """Three cities, four plans (one private), indicators on two targets, higher and lower is
    better, and a count of people of 7."""
    ghent = CityFactory(name="Ghent", slug="ghent", country="BE")
    ecec = EUTarget.objects.get(code="edu-ecec")
    housing = EUTarget.objects.get(code="housing-deprivation")
    braga_plan = PlanFactory(
        city=braga, title="Braga schools", topic="education", status="implementation",
        is_public=True, start_date=date(2019, 1, 1),
    )  # fmt: skip
    turin_plan = PlanFactory(
        city=turin, title="Turin housing", topic="housing", status="adopted", is_public=True,
        start_date=date(2021, 6, 1),
    )  # fmt: skip
    ghent_plan = PlanFactory(
        city=ghent, title="=HYPERLINK(\"http://x\") Ghent plan", topic="education",
        status="drafting", is_public=True,
    )  # fmt: skip
    private_plan = PlanFactory(
        city=braga, title="Braga private housing", topic="housing", status="implementation",
        is_public=False, start_date=date(2018, 1, 1),
    )  # fmt: skip

    def indicator(plan, target, measured, **fields):
        made = IndicatorFactory(plan=plan, eu_target=target, **fields)
        for day, value in measured:
            Measurement.objects.create(indicator=made, date=day, value=value)
        return made

    # 60 months from January 2018 to December 2022; June 2020 is month 30, half the time.
    # 12 of 20 points of the way (0.6): on track.
    indicator(
        braga_plan, ecec, [(date(2019, 6, 30), 45), (date(2020, 6, 30), 52)],
        name="Children in preschool", unit="%", direction="higher", baseline_value=40,
        baseline_year=2018, target_value=60, target_year=2022,
    )  # fmt: skip
    # Lower is better: 50 to 30, at 45 after half the time is 5 of 20 points (0.25): behind.
    indicator(
        turin_plan, ecec, [(date(2020, 6, 30), 45)],
        name="Children out of preschool", unit="%", direction="lower", baseline_value=50,
        baseline_year=2018, target_value=30, target_year=2022,
    )  # fmt: skip
    # A count of people of 7, down from 20 when more is better: behind, and never shown.
    indicator(
        ghent_plan, housing, [(date(2020, 12, 31), 7)],
        name="Families rehoused", unit="families", direction="higher",
        is_count_of_people=True, baseline_value=20, baseline_year=2019, target_value=60,
        target_year=2023,
    )  # fmt: skip
    # Not measured yet.
    indicator(
        braga_plan, housing, [], name="People in renovated homes", unit="people",
        direction="higher", is_count_of_people=True, baseline_value=12, baseline_year=2019,
        target_value=40, target_year=2023,
    )  # fmt: skip
    # Private: 9 of 10 points in 42 of 60 months (0.9 >= 0.7): on track, for staff only.
    indicator(
        private_plan, ecec, [(date(2021, 6, 30), 19)],
        name="Private preschool places", unit="places", direction="higher",
        baseline_value=10, baseline_year=2018, target_value=20, target_year=2022,
    )  # fmt: skip
    # Not linked to any target: not counted.
    IndicatorFactory(plan=turin_plan, name="Unlinked")
    return {"braga": braga_plan, "turin": turin_plan, "ghent": ghent_plan, "private": private_plan}


def test_public_figures_match_the_ones_counted_by_hand(client, network):
    response = client.get("/en/network/")
    assert response.status_code == 200
    html = response.content.decode()
    # Cities, indicators, measured, on track, cities on track.
    assert target_row(html, ECEC) == ["2", "2", "2", "1", "1"]
    assert target_row(html, HOUSING) == ["2", "2", "1", "0", "0"]
    assert target_row(html, "Cut by at least half the employment gap") == ["0"] * 5
    assert "1 on track, 1 behind, 0 not measured yet" in html
    assert "0 on track, 1 behind, 1 not measured yet" in html
    # Plans per status, by their labels, and in how many cities.
    assert status_rows(html) == {
        "Drafting": ["1", "1"], "Adopted": ["1", "1"], "In implementation": ["1", "1"],
        "Completed": ["0", "0"], "Discontinued": ["0", "0"], "All plans": ["3", "3"],
    }  # fmt: skip
    # How "on track" is decided is said in words.
    assert "How the figures are worked out" in html
    assert "covered at least as large a share of the way as the share of the time" in html


def test_target_page_lists_each_indicator_against_its_baseline_and_target(client, network):
    html = client.get("/en/network/targets/edu-ecec/").content.decode()
    rows = tables(html)["Indicators 1 to 2 of 2, by city"]
    assert rows[1] == [
        "Children in preschool (%) Higher is better", "Braga Braga schools",
        "40 2018", "52 June 2020", "60 2022", "60%", "50%", "on track",
    ]  # fmt: skip
    assert rows[2] == [
        "Children out of preschool (%) Lower is better", "Turin Turin housing",
        "50 2018", "45 June 2020", "30 2022", "25%", "50%", "behind",
    ]  # fmt: skip
    assert "Private preschool places" not in html
    assert client.get("/en/network/targets/no-such-target/").status_code == 404


def test_a_count_of_people_under_10_never_appears_in_the_page_or_the_file(client, network):
    html = client.get("/en/network/targets/housing-deprivation/").content.decode()
    rows = {row[0]: row for row in tables(html)["Indicators 1 to 2 of 2, by city"][1:]}
    rehoused = rows["Families rehoused (families) Higher is better"]
    assert rehoused[2:5] == ["20 2019", "fewer than 10 December 2020", "60 2023"]
    # The share of the way would give the value away with the baseline and the target.
    assert rehoused[5:] == ["—", "40%", "behind"]  # 24 of 60 months
    assert rows["People in renovated homes (people) Higher is better"][2] == "12 2019"
    assert not re.search(r">\s*7(\.0+)?\s*<|\b7 families\b", html)

    rows = csv_rows(client.get("/en/network/data.csv"))
    ghent = next(row for row in rows if row["indicator"] == "Families rehoused")
    assert ghent["latest_value"] == "fewer than 10"
    assert ghent["share_of_way"] == ""
    assert ghent["is_on_track"] == "no"
    cells = {value for row in rows for value in row.values()}
    assert not cells & {"7", "7.00", "-0.33", "-0.32"}


def test_private_plans_are_counted_for_staff_only(client, staff_client, braga_officer, network):
    anonymous = client.get("/en/network/").content.decode()
    officer = client
    officer.force_login(braga_officer)
    for html in (anonymous, officer.get("/en/network/").content.decode()):
        assert target_row(html, ECEC) == ["2", "2", "2", "1", "1"]
        assert status_rows(html)["All plans"] == ["3", "3"]
        assert "Progress updates that are late" not in html
    officer_csv = csv_rows(officer.get("/en/network/data.csv"))
    assert "Private preschool places" not in {row["indicator"] for row in officer_csv}
    target = officer.get("/en/network/targets/edu-ecec/").content.decode()
    assert "Private preschool places" not in target

    html = staff_client.get("/en/network/").content.decode()
    # Braga's two indicators are both on track: it still counts once.
    assert target_row(html, ECEC) == ["2", "3", "3", "2", "1"]
    assert status_rows(html)["In implementation"] == ["2", "1"]
    assert status_rows(html)["All plans"] == ["4", "3"]
    staff_csv = csv_rows(staff_client.get("/en/network/data.csv"))
    assert "Private preschool places" in {row["indicator"] for row in staff_csv}
    target = staff_client.get("/en/network/targets/edu-ecec/").content.decode()
    assert "Private preschool places" in target


@time_machine.travel(TODAY, tick=False)
def test_staff_see_late_progress_updates_per_city(client, staff_client, network):
    # Braga's private plan started in 2018 and never reported; its public plan reported for
    # the first half of 2021. Turin's plan started in June 2021: nothing due yet.
    ProgressUpdate.objects.create(
        plan=network["braga"], period_label="2021 H1", period_start=date(2021, 1, 1),
        period_end=date(2021, 6, 30), narrative="N", submitted_at="2021-07-05T10:00Z",
    )  # fmt: skip
    html = staff_client.get("/en/network/").content.decode()
    late = tables(html)[
        "Cities with plans late with their progress update, the most late plans first"
    ]
    # Due half a year after the plan started, as on the staff dashboard.
    assert late[1:] == [["Braga", "Portugal", "1", "3 July 2018"]]
    workspace = staff_client.get("/en/workspace/").content.decode()
    assert "1 plan of the network is late with its progress update" in workspace

    assert "Progress updates that are late" not in client.get("/en/network/").content.decode()


def test_a_staff_session_without_the_second_factor_never_sees_the_staff_view(client, network):
    staff = StaffFactory()
    sign_in_with_password_only(client, staff)
    response = client.get("/en/network/", follow=True)
    assert "Progress updates that are late" not in response.content.decode()
    assert "Private preschool places" not in client.get("/en/network/data.csv").content.decode()


def test_filters_change_the_figures(client, network):
    portugal = client.get("/en/network/?country=PT").content.decode()
    assert target_row(portugal, ECEC) == ["1", "1", "1", "1", "1"]
    assert target_row(portugal, HOUSING) == ["1", "1", "0", "0", "0"]
    assert status_rows(portugal)["All plans"] == ["1", "1"]
    assert '<option value="PT" selected>Portugal</option>' in portugal

    housing = client.get("/en/network/?theme=housing").content.decode()
    assert target_row(housing, ECEC) == ["1", "1", "1", "0", "0"]
    assert target_row(housing, HOUSING) == ["0"] * 5
    assert status_rows(housing)["All plans"] == ["1", "1"]

    both = client.get("/en/network/?country=PT&theme=housing").content.decode()
    assert status_rows(both)["All plans"] == ["0", "0"]
    # The filters follow to the targets' pages and the file.
    assert "/en/network/targets/edu-ecec/?country=PT&amp;theme=housing" in both
    assert "/en/network/data.csv?country=PT&amp;theme=housing" in both

    rows = csv_rows(client.get("/en/network/data.csv?country=IT"))
    assert [row["indicator"] for row in rows] == ["Children out of preschool"]
    rows = csv_rows(client.get("/en/network/data.csv?theme=education&target=housing-deprivation"))
    assert [row["city"] for row in rows] == ["Braga", "Ghent"]


@pytest.mark.parametrize(
    "query",
    [
        "?country=ZZ", "?country=portugal", "?theme=<script>", "?theme=housing%00",
        "?country=PT&country=XX", "?country=" + "A" * 5000, "?page=abc", "?page=-3",
        "?page=99999999999999999999", "?theme[]=housing", "?country=%ff%fe",
    ],
)  # fmt: skip
def test_bad_filter_values_are_left_out_not_an_error(client, network, query):
    response = client.get("/en/network/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main")[1]
    target = client.get("/en/network/targets/edu-ecec/" + query)
    assert target.status_code == 200
    assert client.get("/en/network/data.csv" + query).status_code in (200, 400)


def test_a_bad_filter_is_named_on_the_page_and_refused_by_the_file(client, network):
    html = client.get("/en/network/?country=ZZ&theme=housing").content.decode()
    assert "“ZZ” is not one of the choices for country: it was left out." in html
    # The valid filter still applies.
    assert status_rows(html)["All plans"] == ["1", "1"]
    response = client.get("/en/network/data.csv?country=ZZ")
    assert response.status_code == 400
    assert "“ZZ” is not one of the choices for country" in response.content.decode()
    assert client.get("/en/network/data.csv?target=nope").status_code == 400
    # Pages to read: nothing is sent to them.
    assert client.post("/en/network/", {"country": "PT"}).status_code == 405


def test_csv_holds_the_indicators_with_text_cells_that_are_never_formulas(client, network):
    response = client.get("/en/network/data.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) == 4
    preschool = next(row for row in rows if row["indicator"] == "Children in preschool")
    assert preschool == {
        "eu_target": "edu-ecec", "eu_target_title": ECEC, "country": "PT", "city": "Braga",
        "plan_id": str(network["braga"].pk), "plan": "Braga schools",
        "plan_status": "implementation", "theme": "education",
        "indicator": "Children in preschool", "unit": "%", "direction": "higher",
        "baseline_year": "2018", "baseline_value": "40", "target_year": "2022",
        "target_value": "60", "latest_date": "2020-06-30", "latest_value": "52",
        "share_of_way": "0.60", "share_of_time": "0.50", "is_on_track": "yes",
    }  # fmt: skip
    lower = next(row for row in rows if row["indicator"] == "Children out of preschool")
    assert (lower["share_of_way"], lower["is_on_track"]) == ("0.25", "no")
    unmeasured = next(row for row in rows if row["indicator"] == "People in renovated homes")
    assert (unmeasured["latest_value"], unmeasured["is_on_track"]) == ("", "")
    ghent = next(row for row in rows if row["city"] == "Ghent")
    assert ghent["plan"] == '\'=HYPERLINK("http://x") Ghent plan'


def test_the_dashboard_is_linked_from_the_navigation_and_reads_in_french(client, network):
    home = client.get("/en/").content.decode()
    assert home.count('href="/en/network/"') >= 2  # the menu and the footer
    html = client.get("/fr/network/").content.decode()
    assert '<html lang="fr">' in html
    assert "En cours de mise en œuvre" in html  # the plans' status labels, in French
    assert "In implementation" not in html


def _queries(client, url: str) -> int:
    cache.clear()  # the first visit after a change: nothing cached
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def _grow(step: int) -> None:
    """More cities in more countries, plans, indicators on every target, measurements, late
    plans."""
    targets = list(EUTarget.objects.all())
    for n in range(4):
        city = CityFactory(slug=f"grown-{step}-{n}", country=["PT", "IT", "RO", "HU"][n])
        MembershipFactory(city=city, user=UserFactory())
        for m in range(3):
            plan = PlanFactory(
                city=city, topic=["education", "housing", "health"][m], is_public=m != 2,
                status=["implementation", "adopted", "drafting"][m], start_date=date(2018, 1, 1),
            )  # fmt: skip
            for k, target in enumerate(targets[:5]):
                made = IndicatorFactory(
                    plan=plan,
                    eu_target=target,
                    is_count_of_people=k % 2 == 0,
                    direction="lower" if k % 3 == 0 else "higher",
                )
                for year in range(2019, 2019 + k % 3):
                    Measurement.objects.create(indicator=made, date=date(year, 6, 1), value=k + 3)


@time_machine.travel(TODAY, tick=False)
def test_queries_do_not_grow_with_the_network(client, network, staff_client):
    anonymous = Client()
    staff_client.get("/en/network/")  # the session's first page stamps it (a write, once)
    pages = [
        "/en/network/", "/en/network/?country=PT&theme=education",
        "/en/network/targets/edu-ecec/", "/en/network/targets/edu-ecec/?page=2",
        "/en/network/data.csv",
    ]  # fmt: skip
    before = {
        (who, url): _queries(c, url)
        for who, c in (("anonymous", anonymous), ("staff", staff_client))
        for url in pages
    }
    for step in range(3):
        _grow(step)
    after = {
        (who, url): _queries(c, url)
        for who, c in (("anonymous", anonymous), ("staff", staff_client))
        for url in pages
    }
    assert after == before
    # A handful: the figures are counted in the database, not row by row (the countries, the
    # targets and their translations, their figures, the statuses, the totals; and the menu's
    # two years).
    assert before[("anonymous", "/en/network/")] <= 8
    # With the cache warm, the public page reads nothing from the database at all.
    anonymous.get("/en/network/")
    with CaptureQueriesContext(connection) as queries:
        anonymous.get("/en/network/")
    assert len(queries.captured_queries) == 0
