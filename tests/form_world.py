"""What the form fuzz needs: the POST forms of a page as a browser sees them, a submission a
browser would send, the bad variants of it, and a cheap check that nothing was written."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.client import encode_multipart

CSRF = "csrfmiddlewaretoken"
TEXT_KINDS = {"text", "textarea", "email", "url", "search", "tel", "password"}
NUMBER_KINDS = {"number", "range"}
DATE_KINDS = {"date", "datetime-local", "time", "month", "week"}
CHOICE_KINDS = {"select", "radio", "checkbox"}
BUTTON_KINDS = {"submit", "button", "reset", "image"}


@dataclass
class Field:
    name: str
    kind: str  # an <input> type, or "select" / "textarea"
    value: str = ""
    checked: bool = False
    required: bool = False
    multiple: bool = False
    attrs: dict = field(default_factory=dict)
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return self.kind == "hidden"


@dataclass
class Form:
    action: str
    enctype: str
    fields: list[Field] = field(default_factory=list)

    @property
    def multipart(self) -> bool:
        return self.enctype == "multipart/form-data"

    def named(self, kinds) -> list[Field]:
        return [f for f in self.fields if f.kind in kinds]

    def choice_groups(self) -> dict[str, list[Field]]:
        """Fields sharing a name: a group of radios or checkboxes is one choice."""
        groups: dict[str, list[Field]] = {}
        for f in self.fields:
            if f.kind in CHOICE_KINDS:
                groups.setdefault(f.name, []).append(f)
        return groups


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._option: tuple[str | None, bool, list[str]] | None = None
        self._textarea: tuple[Field, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = Form(action=a.get("action", ""), enctype=a.get("enctype", ""))
                self.forms.append(self._form)
            else:
                self._form = None
            return
        if self._form is None:
            return
        if tag in ("input", "button") and a.get("name"):
            kind = a.get("type", "text" if tag == "input" else "submit").lower()
            self._form.fields.append(
                Field(
                    name=a["name"], kind=kind, value=a.get("value", ""),
                    checked="checked" in a, required="required" in a, attrs=a,
                )
            )  # fmt: skip
        elif tag == "select" and a.get("name"):
            self._select = Field(
                name=a["name"], kind="select", required="required" in a,
                multiple="multiple" in a, attrs=a,
            )  # fmt: skip
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value"), "selected" in a, [])
        elif tag == "textarea" and a.get("name"):
            textarea = Field(name=a["name"], kind="textarea", required="required" in a, attrs=a)
            self._form.fields.append(textarea)
            self._textarea = (textarea, [])

    def handle_data(self, data):
        if self._option is not None:
            self._option[2].append(data)
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None:
            value, selected, text = self._option
            value = "".join(text).strip() if value is None else value
            self._select.options.append(value)
            if selected:
                self._select.selected.append(value)
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            textarea, text = self._textarea
            # A browser drops the one newline that follows <textarea>.
            textarea.value = "".join(text).removeprefix("\n")
            self._textarea = None
        elif tag == "form":
            self._form = None


def post_forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


# --- What a browser would send ---------------------------------------------------------------


def _credentials() -> dict[str, str]:
    """Braga's officer signs in; staff give the code of the demo authenticator."""
    from demo.seed import DEMO_TOTP_SECRET

    from .browser import totp_code

    return {
        "login": "braga@example.org",
        "password": settings.DEMO_PASSWORD,
        "oldpassword": settings.DEMO_PASSWORD,
        "code": totp_code(DEMO_TOTP_SECRET),
    }


# A plausible value for an empty required field, by name first, then by kind.
FILL_BY_NAME = {
    "starts_at": "2031-03-03T09:00",
    "ends_at": "2031-03-04T17:00",
    "registration_deadline": "2031-02-20T12:00",
    "email": "fuzz.person@example.org",
    "password1": "Fuzz-Passw0rd-Long!",
    "password2": "Fuzz-Passw0rd-Long!",
    "new_password1": "Fuzz-Passw0rd-Long!",
    "new_password2": "Fuzz-Passw0rd-Long!",
    "start_year": "2021",
    "end_year": "2022",
    "baseline_year": "2020",
    "target_year": "2030",
}
FILL_BY_KIND = {
    "email": "fuzz.person@example.org",
    "url": "https://example.org/fuzz",
    "number": "1",
    "range": "1",
    "date": "2030-06-01",
    "datetime-local": "2031-03-03T09:00",
    "time": "10:00",
    "month": "2030-06",
    "week": "2030-W23",
    "password": "Fuzz-Passw0rd-Long!",
}


# Choices that are optional in the form but needed by the service behind it.
CHOOSE_FIRST = {"host_city", "peers", "themes"}


def _below_min(f: Field) -> bool:
    try:
        return float(f.value) < float(f.attrs["min"])
    except (KeyError, ValueError):
        return False


def _fill(f: Field) -> str:
    if f.name in ("login", "password", "oldpassword", "code"):
        return _credentials()[f.name]
    if f.attrs.get("min") and f.kind in NUMBER_KINDS | {"date"}:
        return f.attrs["min"]
    return FILL_BY_NAME.get(f.name) or FILL_BY_KIND.get(f.kind) or "Fuzz value"


def browser_data(form: Form) -> dict[str, list[str]]:
    """The submission of the form as shown, with empty required fields given a plausible value,
    the first named submit button as the one clicked."""
    data: dict[str, list[str]] = {}
    clicked = False
    groups = form.choice_groups()
    for f in form.fields:
        if f.kind in BUTTON_KINDS:
            if not clicked and f.kind == "submit":
                data.setdefault(f.name, []).append(f.value)
                clicked = True
        elif f.kind == "file":
            continue
        elif f.kind == "select":
            chosen = f.selected or ([] if f.multiple else f.options[:1])
            if (f.required or f.name in CHOOSE_FIRST) and not [v for v in chosen if v]:
                chosen = [v for v in f.options if v][:1]
            data[f.name] = list(chosen)
        elif f.kind in ("radio", "checkbox"):
            if f.checked:
                data.setdefault(f.name, []).append(f.value or "on")
        elif f.hidden:
            data.setdefault(f.name, []).append(f.value)
        elif f.kind in NUMBER_KINDS and f.name in FILL_BY_NAME and f.value in ("", "0"):
            data[f.name] = [FILL_BY_NAME[f.name]]  # a year of 0: the model's default
        elif f.kind in NUMBER_KINDS and _below_min(f):
            data[f.name] = [f.attrs["min"]]
        else:
            data[f.name] = [f.value if f.value or not f.required else _fill(f)]
    # A required group of radios or checkboxes with nothing chosen: take the first.
    for name, members in groups.items():
        needed = name in CHOOSE_FIRST or any(m.required for m in members)
        if members[0].kind != "select" and name not in data and needed:
            data[name] = [members[0].value or "on"]
    return data


# --- Did anything change? --------------------------------------------------------------------

# Written on every request and not the data anyone saved: sessions; also the framework's own.
NOT_DATA = {"django_session", "django_migrations", "django_content_type", "auth_permission"}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


def tables_written(queries) -> set[str]:
    tables = set()
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and match.group(1) not in NOT_DATA:
            tables.add(match.group(1))
    return tables


def data_tables() -> list[str]:
    names = {model._meta.db_table for model in apps.get_models()}
    return sorted(names & set(connection.introspection.table_names()) - NOT_DATA)


def table_fingerprint(table: str) -> tuple[int, str]:
    """Count and hash of every row of a table, in primary key order."""
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # noqa: S608 - a model's table
        rows = cursor.fetchall()
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return len(rows), digest


def database_fingerprint() -> dict[str, tuple[int, str]]:
    return {table: table_fingerprint(table) for table in data_tables()}


# --- The bad variants of a submission --------------------------------------------------------

OVERLONG = "x" * 100_000
SCRIPT = "<script>alert(1)</script>"
HOSTILE = {
    "script": SCRIPT,
    "attribute": '" onerror="x',
    "sql": "'; DROP TABLE x; --",
    "nul": "before\x00after",
    "javascript-url": "javascript:alert(1)",
}
# What must never reach a page unescaped (lower case).
RAW_MARKERS = [SCRIPT, 'onerror="x', 'href="javascript:', 'src="javascript:']
NUMBERS = {"-1": "-1", "-2**63": str(-(2**63)), "10**30": str(10**30)}
NUMBERS_REFUSED = {"10**30"}
DATES = {
    "date": ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01"],
    "datetime-local": [
        "0000-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59", "10000-01-01T00:00",
    ],
    "time": ["24:00", "25:61", "-1:00"],
}  # fmt: skip
# Values no form may accept (year 0, year 10000, hours beyond the day).
DATES_REFUSED = {"0000-01-01", "10000-01-01", "0000-01-01T00:00", "10000-01-01T00:00"} | set(
    DATES["time"]
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# (label, file name, content, must it be refused?)
FILES = [
    ("traversal", "../../etc/passwd", PDF, False),
    ("backslash-traversal", "..\\..\\x.pdf", PDF, False),
    ("nul-in-name", "evil\x00.pdf", PDF, False),
    ("overlong-name", "n" * 1000 + ".pdf", PDF, False),
    ("script-name", SCRIPT + ".pdf", PDF, False),
    ("empty-file", "empty.pdf", b"", True),
    ("html-as-pdf", "page.pdf", b"<html><script>alert(1)</script></html>", True),
    # The content decides the type: a form may refuse the wrong name or store the file under
    # the type it found; either way nothing breaks.
    ("pdf-as-png", "picture.png", PDF, False),
]


# Submissions that carry no file even where the form has a file field.
NO_FILE = {"only the token", "all empty", "no file"}
BOUNDARY = "FuzzBoundary"


@dataclass
class Submission:
    label: str
    data: dict[str, list[str]] | None = None
    files: dict = field(default_factory=dict)
    body: bytes | None = None
    content_type: str = ""
    # Bad input that must not be saved: the answer may redirect, but nothing may change.
    must_fail: bool = False
    hostile: bool = False


def _with(base: dict, changes: dict) -> dict:
    data = {name: list(values) for name, values in base.items()}
    data.update({name: list(values) for name, values in changes.items()})
    return data


def variants(form: Form, foreign: dict[str, str]) -> list[Submission]:
    """Every bad submission of a form. ``foreign`` maps a choice field to an id that exists
    but is not offered (another city's object)."""
    base = browser_data(form)
    visible = [f for f in form.fields if not f.hidden and f.kind not in BUTTON_KINDS]
    texts = sorted({f.name for f in visible if f.kind in TEXT_KINDS})
    numbers = sorted({f.name for f in visible if f.kind in NUMBER_KINDS})
    dated = {kind: sorted({f.name for f in visible if f.kind == kind}) for kind in DATES}
    choices = sorted(
        name
        for name, members in form.choice_groups().items()
        if members[0].kind in ("select", "radio") or len(members) > 1 or name in foreign
    )
    hidden = sorted({f.name for f in form.fields if f.hidden and f.name != CSRF})
    files = sorted({f.name for f in form.fields if f.kind == "file"})
    csrf = {CSRF: base[CSRF]} if CSRF in base else {}

    def pdf() -> dict:
        """A good file in each file field (a fresh one: posting reads it)."""
        return {name: SimpleUploadedFile("fuzz.pdf", PDF, "application/pdf") for name in files}

    empty = {**csrf, **{f.name: [""] for f in visible}, **{n: base[n] for n in hidden}}
    subs = [
        Submission("valid-looking", base),
        Submission("only the token", dict(csrf)),
        Submission("all empty", empty),
    ]
    if texts:
        subs.append(Submission("overlong", _with(base, {n: [_overlong(form, n)] for n in texts})))
        for label, value in HOSTILE.items():
            subs.append(
                Submission(f"hostile {label}", _with(base, {n: [value] for n in texts}),
                           hostile=True)
            )  # fmt: skip
    typed = numbers + [n for names in dated.values() for n in names]
    if typed:
        subs.append(
            Submission("letters in typed fields", _with(base, {n: ["abc"] for n in typed}),
                       must_fail=True)
        )  # fmt: skip
    if numbers:
        subs.append(Submission("NaN", _with(base, {n: ["NaN"] for n in numbers}), must_fail=True))
    for value in ["999999999", "-1", str(10**30)]:  # the last one beyond any integer column
        if choices:
            subs.append(
                Submission(f"choice {value}", _with(base, {n: [value] for n in choices}),
                           must_fail=True)
            )  # fmt: skip
    for name in choices:
        if name in foreign:
            subs.append(
                Submission(f"foreign id in {name}", _with(base, {name: [foreign[name]]}),
                           must_fail=True)
            )  # fmt: skip
    for label, value in NUMBERS.items():
        groups = [[n] for n in numbers] + ([numbers] if len(numbers) > 1 else [])
        for names in groups:
            subs.append(
                Submission(f"{label} in {'+'.join(names)}",
                           _with(base, {n: [value] for n in names}),
                           must_fail=label in NUMBERS_REFUSED)
            )  # fmt: skip
    for kind, values in DATES.items():
        names = dated[kind]
        groups = [[n] for n in names] + ([names] if len(names) > 1 else [])
        for value in values:
            for group in groups:
                subs.append(
                    Submission(f"{value} in {'+'.join(group)}",
                               _with(base, {n: [value] for n in group}),
                               must_fail=value in DATES_REFUSED)
                )  # fmt: skip
    for value in ["abc", "-1", str(10**30), OVERLONG, SCRIPT, "before\x00after"]:
        if hidden:
            subs.append(
                Submission(f"hidden fields = {value[:20]!r}",
                           _with(base, {n: [value] for n in hidden}),
                           hostile=value == SCRIPT)
            )  # fmt: skip
    subs += _encodings(form, base, texts, pdf)
    for name in files:
        for label, filename, content, refused in FILES:
            upload = SimpleUploadedFile(filename, content, content_type="application/pdf")
            subs.append(
                Submission(f"file {label}", base, files={name: upload}, must_fail=refused,
                           hostile=SCRIPT in filename)
            )  # fmt: skip
    if files:
        subs.append(Submission("no file", base, must_fail=True))
        for sub in subs:
            if sub.data and not sub.files and sub.label not in NO_FILE:
                sub.files = pdf()
    return subs


def _overlong(form: Form, name: str) -> str:
    kind = next(f.kind for f in form.fields if f.name == name)
    return OVERLONG + "@example.org" if kind == "email" else OVERLONG


def _encodings(form: Form, base: dict, texts: list[str], pdf) -> list[Submission]:
    """Bodies a browser would not send: bytes that are not UTF-8, a charset that does not
    exist."""
    target = texts[0] if texts else next((n for n in base if n != CSRF), "field")
    if form.multipart:
        good = encode_multipart(BOUNDARY, {**base, **pdf()})
        marked = {**_with(base, {target: ["MARK"]}), **pdf()}
        bad = encode_multipart(BOUNDARY, marked).replace(b"MARK", b"\xff\xfe\xc3(")
        kind = f"multipart/form-data; boundary={BOUNDARY}"
        return [
            Submission("invalid UTF-8", body=bad, content_type=kind),
            Submission("unknown charset", body=good, content_type=kind + "; charset=x-no-such"),
        ]
    good = urlencode(base, doseq=True).encode()
    marked = urlencode(_with(base, {target: ["MARK"]}), doseq=True).encode()
    kind = "application/x-www-form-urlencoded"
    return [
        Submission("invalid UTF-8 (raw)", body=marked.replace(b"MARK", b"\xff\xfe\xc3("),
                   content_type=kind),
        Submission("invalid UTF-8 (escaped)", body=marked.replace(b"MARK", b"%FF%FE%C3%28"),
                   content_type=kind),
        Submission("unknown charset", body=good, content_type=kind + "; charset=x-no-such"),
    ]  # fmt: skip
