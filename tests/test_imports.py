"""Spreadsheet imports for officers: an indicator's measurements and a plan's actions and
milestones from CSV or XLSX. A preview first; errors by row in plain words; nothing written
unless the whole file is valid; one change in the history by its author; a plan changed
meanwhile refuses the confirmation; only the city's officers and staff; bad files answered with
a clear error, never a 500."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from actionplans.models import Action, Measurement, Milestone
from imports.models import DataImport

from .factories import ActionFactory, IndicatorFactory, MembershipFactory, PlanFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan(braga):
    return PlanFactory(city=braga, title="Braga school plan", is_public=True)


@pytest.fixture
def indicator(plan):
    found = IndicatorFactory(plan=plan, name="Children in clubs", unit="children")
    Measurement.objects.create(indicator=found, date=date(2020, 1, 31), value=12, note="start")
    Measurement.objects.create(indicator=found, date=date(2020, 3, 31), value=15)
    return found


@pytest.fixture
def officer(braga_officer):
    client = Client()
    client.force_login(braga_officer)
    return client


def csv_bytes(rows, *, delimiter=",", encoding="utf-8", bom=False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, url, content: bytes, name: str):
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def measurements_url(indicator) -> str:
    return f"/en/workspace/indicators/{indicator.pk}/import/"


def plan_url(plan, kind: str) -> str:
    return f"/en/workspace/plans/{plan.pk}/import/{kind}/"


def prepared(response) -> DataImport:
    assert response.status_code == 302, _errors(response)
    uid = re.search(r"/imports/([0-9a-f-]+)/", response["Location"])[1]
    return DataImport.objects.get(uid=uid)


def _errors(response) -> list[str]:
    html = response.content.decode()
    found = re.search(r'<ul class="error-summary-list errorlist">(.*?)</ul>', html, re.S)
    items = re.findall(r"<li>(.*?)</li>", found[1], re.S) if found else []
    return [re.sub(r"<[^>]+>", "", item).strip().replace("&#x27;", "'") for item in items]


def measurements_of(indicator) -> dict[str, tuple[Decimal, str]]:
    return {m.date.isoformat(): (m.value, m.note) for m in indicator.measurements.order_by("date")}


# --- The round trip -------------------------------------------------------------------------------


def test_measurements_preview_shows_new_changed_and_unchanged_then_imports(officer, indicator):
    rows = [["date", "value", "note"], ["2020-01-31", "12", "start"], ["31/03/2020", "16", ""],
            ["2020-06-30", "21.5", "spring count"]]  # fmt: skip
    data_import = prepared(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    assert (data_import.count("new"), data_import.count("changed"),
            data_import.count("unchanged")) == (1, 1, 1)  # fmt: skip
    page = officer.get(f"/en/workspace/imports/{data_import.uid}/")
    html = page.content.decode()
    assert page.status_code == 200 and "Preview of" in html and "15 → 16" in html
    # Nothing is written before the confirmation.
    assert measurements_of(indicator)["2020-03-31"][0] == Decimal(15)
    done = officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert done.status_code == 302
    assert measurements_of(indicator) == {
        "2020-01-31": (Decimal(12), "start"),
        "2020-03-31": (Decimal(16), ""),
        "2020-06-30": (Decimal("21.5"), "spring count"),
    }
    # Confirming twice writes nothing more.
    again = officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert again.status_code == 400


def test_the_import_is_one_change_of_the_history_by_its_author(
    officer, indicator, braga_officer, plan
):
    rows = [["date", "value"], ["2020-03-31", "16"], ["2020-06-30", "20"], ["2020-09-30", "24"]]
    data_import = prepared(upload(officer, measurements_url(indicator), csv_bytes(rows), "q.csv"))
    officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    for measurement in indicator.measurements.filter(date__gte=date(2020, 3, 1)):
        record = measurement.history.latest()
        assert record.history_user == braga_officer
        assert record.history_change_reason.startswith("import:")
    html = officer.get(f"/en/workspace/plans/{plan.pk}/history/").content.decode()
    entries = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    imported = [e for e in entries if "imported:" in e]
    assert len(imported) == 1
    assert "Import of “q.csv”" in imported[0] and braga_officer.display_name in imported[0]
    assert "2020-06-30" in imported[0] or "30 June 2020" in imported[0] or "20" in imported[0]


def test_actions_and_milestones_are_added_and_changed(officer, plan):
    existing = ActionFactory(plan=plan, title="Homework clubs", progress=20)
    rows = [
        ["title", "responsible_body", "budget", "status", "progress", "start_date", "end_date",
         "funding_source"],
        ["Homework clubs", "Education department", "12000", "on_track", "40", "2020-09-01",
         "2021-06-30", "municipal"],
        ["Mediators in schools", "", "1 500,50", "Not started", "0", "", "", ""],
    ]  # fmt: skip
    data_import = prepared(upload(officer, plan_url(plan, "actions"), xlsx_bytes(rows), "a.xlsx"))
    assert (data_import.count("new"), data_import.count("changed")) == (1, 1)
    assert officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/").status_code == 302
    existing.refresh_from_db()
    assert (existing.progress, existing.status, existing.budget) == (40, "on_track", Decimal(12000))
    assert existing.funding_source.code == "municipal"
    added = Action.objects.get(plan=plan, title="Mediators in schools")
    assert added.budget == Decimal("1500.50") and added.status == "not_started"
    rows = [["action", "title", "due_date", "done_date"],
            ["homework clubs", "First club opens", "15/10/2020", ""],
            ["Mediators in schools", "Mediators hired", "2021-01-31", "2021-01-20"]]  # fmt: skip
    data_import = prepared(upload(officer, plan_url(plan, "milestones"), csv_bytes(rows), "m.csv"))
    officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert set(Milestone.objects.values_list("action__title", "title", "due_date")) == {
        ("Homework clubs", "First club opens", date(2020, 10, 15)),
        ("Mediators in schools", "Mediators hired", date(2021, 1, 31)),
    }


def test_the_template_holds_the_current_rows_and_comes_back_unchanged(officer, indicator, plan):
    ActionFactory(plan=plan, title='=HYPERLINK("http://x")', progress=10)
    for fmt in ("csv", "xlsx"):
        response = officer.get(f"/en/workspace/indicators/{indicator.pk}/import/template.{fmt}")
        assert response.status_code == 200
        data_import = prepared(upload(officer, measurements_url(indicator), response.content,
                                      f"t.{fmt}"))  # fmt: skip
        assert data_import.count("unchanged") == 2 and data_import.count("new") == 0
    template = officer.get(f"/en/workspace/plans/{plan.pk}/import/actions/template.csv")
    text = template.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("title,description,responsible_body")
    assert "'=HYPERLINK" in text  # a cell that would be a formula is written as text
    xlsx = officer.get(f"/en/workspace/plans/{plan.pk}/import/milestones/template.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]] == ["action", "title", "due_date", "done_date"]


# --- Errors in plain words, nothing written -------------------------------------------------------


def _refused(response) -> list[str]:
    assert response.status_code == 400, response.status_code
    assert not DataImport.objects.exists()
    return _errors(response)


def test_row_errors_name_their_rows_and_nothing_is_written(officer, indicator):
    before = measurements_of(indicator)
    rows = [["date", "value", "note"], ["2020-04-30", "18", ""], ["2020-05-31", "19", ""],
            ["2020-06-30", "20", ""], ["2020-07-31", "21", ""], ["2020-08-31", "22", ""],
            ["31/02/2020", "23", ""], ["2020-09-30", "lots", ""], ["2020-04-30", "24", ""],
            ["", "25", ""], ["2020-10-31", "1.234", "x" * 300]]  # fmt: skip
    errors = _refused(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    assert "row 7: the date 31/02/2020 does not exist" in errors
    assert "row 8: “lots” is not a number" in errors
    assert "row 9: the same date as row 2" in errors
    assert "row 10: the date is missing" in errors
    assert "row 11: 1.234 has more than 2 decimals" in errors
    assert any(e.startswith("row 11: the text is 300 characters long") for e in errors)
    assert measurements_of(indicator) == before


def test_unknown_and_missing_columns(officer, indicator, plan):
    errors = _refused(
        upload(
            officer,
            measurements_url(indicator),
            csv_bytes([["when", "value"], ["2020-01-01", "1"]]),
            "m.csv",
        )
    )
    assert errors[0].startswith("The column “when” is unknown; the columns are: date, value, note")
    assert "The column “date” is missing." in errors
    errors = _refused(
        upload(
            officer,
            plan_url(plan, "milestones"),
            csv_bytes([["action", "title", "due_date"], ["Nothing like it", "M", "2020-01-01"]]),
            "m.csv",
        )
    )
    assert errors == ["row 2: the plan has no action “Nothing like it”"]


def test_formulas_are_refused_in_csv_and_xlsx(officer, indicator):
    rows = [["date", "value"], ["2020-04-30", "=1+1"]]
    errors = _refused(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    assert errors == [
        "row 2, column value: the cell holds a formula (=1+1); write its value instead"
    ]
    rows = [["date", "value"], [date(2020, 4, 30), "=SUM(B3:B4)"], ["2020-05-31", 3]]
    errors = _refused(upload(officer, measurements_url(indicator), xlsx_bytes(rows), "m.xlsx"))
    assert errors[0].startswith("row 2, column value: the cell holds a formula (=SUM(B3:B4))")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (PDF, "measurements.csv", "The file is named as CSV but holds a PDF file"),
        (PDF, "measurements.xlsx", "The file is named as XLSX but holds a PDF file"),
        ("XLSX", "measurements.csv", "The file is named as CSV but holds an Excel workbook"),
        (b"date,value\n2020-01-01,1\n", "measurements.xlsx", "named as XLSX but holds a text"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "m.csv", "The file is named as CSV but holds a PNG"),
        (b"PK\x03\x04broken", "m.xlsx", "damaged zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "m.xls", "Old Excel files"),
        (b"date,value\n", "m.pdf", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)"),
        (b"date,value\n", "m.csv", "The file has no row to import under its header."),
        (b"\x00\x01\x02 binary", "m.csv", "holds a binary file"),
        (b"date,value\n2020-01-01,\x81\x8d\x8f\n", "m.csv", "encoding we cannot read"),
    ],
)
def test_files_that_are_not_what_they_claim_get_a_clear_error(
    officer, indicator, content, name, message
):
    if content == "XLSX":
        content = xlsx_bytes([["date", "value"], ["2020-04-30", 1]])
    errors = _refused(upload(officer, measurements_url(indicator), content, name))
    assert any(message in error for error in errors), errors


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [("utf-8", False, ","), ("utf-8", True, ";"), ("cp1252", False, ";"), ("utf-16", False, "\t")],
)
def test_encodings_and_separators_are_read(officer, indicator, encoding, bom, delimiter):
    rows = [["date", "value", "note"], ["30/04/2020", "18,5", "compté à l’école"]]
    content = csv_bytes(rows, delimiter=delimiter, encoding=encoding, bom=bom)
    data_import = prepared(upload(officer, measurements_url(indicator), content, "m.csv"))
    officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert measurements_of(indicator)["2020-04-30"] == (Decimal("18.5"), "compté à l’école")


def test_a_file_larger_than_the_upload_limit_is_refused(officer, indicator, settings):
    settings.MAX_UPLOAD_SIZE = 1000
    rows = [["date", "value"]] + [[f"2020-01-{d:02d}", str(d)] for d in range(1, 29)] * 3
    errors = _refused(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    assert errors[0].startswith("The file is ") and "an import takes files up to 1000" in errors[0]


def test_a_body_beyond_the_upload_limit_is_refused_before_it_is_read(officer, indicator, settings):
    settings.MAX_UPLOAD_SIZE = 1000
    response = officer.post(
        measurements_url(indicator), data=b"x", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(3 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 413


def test_100000_rows_get_a_clear_error_and_no_write(officer, indicator):
    lines = ["date,value"] + [f"2020-01-01,{n}" for n in range(100_000)]
    content = "\n".join(lines).encode()
    errors = _refused(upload(officer, measurements_url(indicator), content, "big.csv"))
    assert errors[0].startswith("The file has about 100,000 rows; an import takes at most 5,000")
    workbook = xlsx_bytes([["date", "value"]] + [[date(2020, 1, 1), n] for n in range(6000)])
    errors = _refused(upload(officer, measurements_url(indicator), workbook, "big.xlsx"))
    assert "an import takes at most 5,000" in errors[0]


def test_the_largest_file_allowed_is_imported_in_full(officer, plan, settings):
    settings.IMPORT_MAX_ROWS = 5000
    indicator = IndicatorFactory(plan=plan, name="Daily count")
    start = date(2000, 1, 1).toordinal()
    rows = [["date", "value"]] + [
        [date.fromordinal(start + n).isoformat(), str(n)] for n in range(5000)
    ]
    data_import = prepared(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    assert data_import.count("new") == 5000
    officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert indicator.measurements.count() == 5000


# --- The plan changed meanwhile, and who may import -----------------------------------------------


def test_an_import_prepared_before_someone_changed_the_plan_is_refused(officer, plan):
    action = ActionFactory(plan=plan, title="Homework clubs", progress=20)
    rows = [["title", "progress"], ["Homework clubs", "50"], ["New action", "0"]]
    data_import = prepared(upload(officer, plan_url(plan, "actions"), csv_bytes(rows), "a.csv"))
    # A colleague saves the action through its form meanwhile.
    from actionplans.services import action_save

    colleague = MembershipFactory(city=plan.city).user
    action_save(plan=plan, action=action, data={"progress": 30}, by=colleague)
    response = officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert response.status_code == 409
    assert "Someone changed the plan since this file was read" in response.content.decode()
    action.refresh_from_db()
    assert action.progress == 30 and not Action.objects.filter(title="New action").exists()
    assert DataImport.objects.get().status == "prepared"


def test_a_new_measurement_meanwhile_refuses_the_indicator_import(officer, indicator):
    rows = [["date", "value"], ["2020-06-30", "20"]]
    data_import = prepared(upload(officer, measurements_url(indicator), csv_bytes(rows), "m.csv"))
    Measurement.objects.create(indicator=indicator, date=date(2020, 5, 31), value=19)
    response = officer.post(f"/en/workspace/imports/{data_import.uid}/confirm/")
    assert response.status_code == 409
    assert not indicator.measurements.filter(date=date(2020, 6, 30)).exists()


def test_only_the_citys_officers_and_staff_import(indicator, plan, turin_officer, staff):
    rows = csv_bytes([["date", "value"], ["2020-06-30", "20"]])
    outsider = Client()
    outsider.force_login(turin_officer)
    assert upload(outsider, measurements_url(indicator), rows, "m.csv").status_code == 404
    assert outsider.get(plan_url(plan, "actions")).status_code == 404
    anonymous = Client()
    assert upload(anonymous, measurements_url(indicator), rows, "m.csv").status_code == 302
    no_city = Client()
    no_city.force_login(UserFactory())
    assert no_city.get(measurements_url(indicator)).status_code == 404
    assert no_city.get(plan_url(plan, "budgets")).status_code == 404
    network = Client()
    network.force_login(staff)
    data_import = prepared(upload(network, measurements_url(indicator), rows, "m.csv"))
    # The preview is its author's: another officer of the city does not confirm it.
    colleague = Client()
    colleague.force_login(MembershipFactory(city=plan.city).user)
    assert colleague.post(f"/en/workspace/imports/{data_import.uid}/confirm/").status_code == 404
    assert network.post(f"/en/workspace/imports/{data_import.uid}/confirm/").status_code == 302
    assert indicator.measurements.filter(date=date(2020, 6, 30)).exists()


def test_a_row_the_service_refuses_stops_the_whole_import(officer, plan):
    rows = [["title", "start_date", "end_date"], ["One", "2020-01-01", "2020-02-01"],
            ["Two", "2020-05-01", "2020-03-01"]]  # fmt: skip
    errors = _refused(upload(officer, plan_url(plan, "actions"), csv_bytes(rows), "a.csv"))
    assert errors == ["row 3: the end date is before the start date"]
    assert not Action.objects.exists()
