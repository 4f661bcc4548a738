"""Reading a spreadsheet a person uploads: CSV (UTF-8 with or without a byte order mark, UTF-16,
Windows-1252; commas, semicolons or tabs) or XLSX, into rows of text cells by column name.

Whatever the file, the answer is the rows or a FileRefused with a reason in plain words: a file
that is not what its name says, too large, too many rows, a formula, an encoding we cannot read.
Parsing is tablib's (CSV) and openpyxl's (XLSX, read-only, formulas kept so that we can refuse
them); what is ours is recognising the file and saying what is wrong with it.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

import filetype
import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# An XLSX file is a zip of XML: one that unpacks to more than this is refused unread.
MAX_UNPACKED = 100 * 1024 * 1024
DELIMITERS = ",;\t"


class FileRefused(Exception):
    """The file cannot be read at all; ``message`` says why, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """The file's cells as text (dates from XLSX as datetime.date), row numbers as the person
    sees them in a spreadsheet program (the header is row 1)."""

    headers: list[str]
    rows: list[tuple[int, list]]  # (row number, cells)
    formulas: list[tuple[int, int, str]]  # (row number, column index, formula)


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def max_bytes() -> int:
    return settings.MAX_UPLOAD_SIZE


def read_upload(upload) -> Table:
    """The rows of an uploaded file (a Django UploadedFile), or FileRefused."""
    if upload.size > max_bytes():
        raise FileRefused(
            _("The file is %(size)s; an import takes files up to %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())}
        )
    data = upload.read(max_bytes() + 1)
    if not data:
        raise FileRefused(_("The file is empty."))
    name = (upload.name or "").lower()
    looks_like = _content_kind(data)
    if name.endswith(".xlsx"):
        if looks_like != "xlsx":
            raise FileRefused(_not_what_it_claims("XLSX", looks_like))
        return _read_xlsx(data)
    if name.endswith((".csv", ".txt", ".tsv")):
        if looks_like != "text":
            raise FileRefused(_not_what_it_claims("CSV", looks_like))
        return _read_csv(data)
    if name.endswith(".xls"):
        raise FileRefused(
            _("Old Excel files (.xls) are not read: save it as .xlsx or as CSV and try again.")
        )
    raise FileRefused(
        _("Upload a CSV file (.csv) or an Excel workbook (.xlsx); “%(name)s” is neither.")
        % {"name": (upload.name or "")[:80]}
    )


def _content_kind(data: bytes) -> str:
    """What the bytes are, whatever the name says: "xlsx", "text", or a description."""
    if data[:4] == b"PK\x03\x04":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return _("a damaged zip file")
        return "xlsx" if "xl/workbook.xml" in names else _("a zip file")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _("an old Excel (.xls) or Word file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "text"  # UTF-16, as Excel saves "Unicode text"
    kind = filetype.guess(data[:8192])
    if kind is not None:
        return _("a %(type)s file") % {"type": kind.extension.upper()}
    if b"\x00" in data[:8192]:
        return _("a binary file")
    return "text"


def _not_what_it_claims(claimed: str, found: str) -> str:
    if found == "xlsx":
        found = _("an Excel workbook (XLSX)")
    elif found == "text":
        found = _("a text file")
    return _(
        "The file is named as %(claimed)s but holds %(found)s: upload it with its own name."
    ) % {
        "claimed": claimed,
        "found": found,
    }


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused(
        _("The file's text is in an encoding we cannot read: save it as CSV UTF-8 and try again.")
    )


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        return max(DELIMITERS, key=header.count)


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    if "\x00" in text:
        raise FileRefused(_("The file holds characters a CSV file never has: is it a CSV file?"))
    lines = text.count("\n")
    if lines > max_rows() + 50:
        raise _too_many(lines)
    delimiter = _delimiter(text)
    try:
        dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter, headers=False)
    except (csv.Error, tablib.InvalidDimensions, ValueError) as error:
        raise FileRefused(
            _("The file could not be read as CSV: %(reason)s") % {"reason": str(error)[:200]}
        ) from None
    cells = [list(row) for row in dataset]
    if not cells:
        raise FileRefused(_("The file is empty."))
    headers = [str(h or "").strip() for h in cells[0]]
    rows = [(number, row) for number, row in enumerate(cells[1:], start=2)]
    formulas = [
        (number, index, str(value))
        for number, row in rows
        for index, value in enumerate(row)
        if isinstance(value, str) and value.strip().startswith("=")
    ]
    return _table(headers, rows, formulas)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
            raise FileRefused(_("The workbook unpacks to too much data to be read."))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged or foreign file
        raise FileRefused(
            _("The workbook could not be read: is it an Excel workbook (.xlsx)?")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        cells, formulas = [], []
        for number, row in enumerate(sheet.iter_rows(values_only=False), start=1):
            if number > max_rows() + 1:
                raise _too_many(sheet.max_row or number)
            values = []
            for index, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", "") == "f" or (
                    isinstance(value, str) and value.startswith("=")
                ):
                    formulas.append((number, index, str(value)))
                values.append(_xlsx_value(value))
            cells.append(values)
    finally:
        workbook.close()
    if not cells:
        raise FileRefused(_("The workbook's first sheet is empty."))
    headers = [str(h or "").strip() for h in cells[0]]
    rows = [(number, row) for number, row in enumerate(cells[1:], start=2)]
    return _table(headers, rows, formulas)


def _xlsx_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _too_many(count: int) -> FileRefused:
    return FileRefused(
        _("The file has about %(count)s rows; an import takes at most %(limit)s. Split it into "
          "several files.") % {"count": f"{count:,}", "limit": f"{max_rows():,}"}
    )  # fmt: skip


def _table(headers, rows, formulas) -> Table:
    # Rows with nothing in them (a spreadsheet's trailing lines) are not rows.
    kept = [(n, r) for n, r in rows if any(str(v).strip() for v in r)]
    if len(kept) > max_rows():
        raise _too_many(len(kept))
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise FileRefused(_("The first row must name the columns."))
    return Table(headers=headers, rows=kept, formulas=formulas)
