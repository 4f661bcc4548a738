"""The demo data, loaded once per test run and put back in a fraction of a second.

Loading the demo through its services takes seconds (hundreds of records, their history, search
data); dozens of tests start from it. The first test that asks for it in a database as the
migrations left it loads it as ``make run`` does, then every table is copied as it stands; later
tests that start from such a database get the same rows back in their own transaction: every
table emptied and refilled, sequences moved past the ids, the content type cache forgotten.

A test whose fixtures wrote rows before the demo (a staff account, a city) would lose them that
way, so it gets the demo loaded through its services as before. Each test still runs alone (its
transaction is rolled back, or its tables flushed).

A flush (after each test on a live server, ``transactional_db``) empties every table, then
Django puts back its content types and permissions, but not the rows the migrations wrote (the EU
targets, the practice themes): a database with fewer rows than the migrations left, and none
more, has nothing a test wrote either, and gets the copy too (the migrations' rows with it).
"""

from __future__ import annotations

import io

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

SKIPPED = {"django_migrations"}

_snapshot: dict[str, object] | None = None
_baseline: dict[str, int] | None = None  # rows per table as the migrations left them


def _tables() -> list[str]:
    return [t for t in connection.introspection.table_names() if t not in SKIPPED]


def _take() -> dict[str, object]:
    quote = connection.ops.quote_name
    taken: dict[str, object] = {}
    with connection.cursor() as cursor:
        for table in _tables():
            if connection.vendor == "postgresql":
                buffer = io.BytesIO()
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    for chunk in copy:
                        buffer.write(chunk)
                taken[table] = buffer.getvalue()
            else:
                cursor.execute(f"SELECT * FROM {quote(table)}")
                columns = [c[0] for c in cursor.description]
                taken[table] = (columns, cursor.fetchall())
    return taken


def _put_back(taken: dict[str, object]) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, content in taken.items():
            if connection.vendor == "postgresql":
                if content:
                    with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                        copy.write(content)
            else:
                columns, rows = content
                if rows:
                    names = ", ".join(quote(c) for c in columns)
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows
                    )
        if connection.vendor == "postgresql":
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    ContentType.objects.clear_cache()


def _counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in _tables():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _nothing_added(counts: dict[str, int]) -> bool:
    """No table holds more rows than the migrations left in it: nothing was written since
    (a flush may have taken some away)."""
    return _baseline is not None and all(n <= _baseline.get(t, 0) for t, n in counts.items())


def remember_baseline() -> None:
    """Called once the test database is set up: what "as the migrations left it" means."""
    global _baseline
    _baseline = _counts()


def demo_in_place() -> None:
    """The demo data in the database, as demo_load() leaves it."""
    global _snapshot
    from demo.services import demo_load

    untouched = _nothing_added(_counts())
    if not untouched:
        demo_load()
    elif _snapshot is None:
        demo_load()
        _snapshot = _take()
    else:
        _put_back(_snapshot)
