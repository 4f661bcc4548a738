"""Backups restore: every table's rows and every file come back, even when taken while people
keep writing (`manage.py backup` and `manage.py restore`, run as an operator runs them)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = connection.vendor == "postgresql"
PG_TOOLS = bool(shutil.which("pg_dump") and shutil.which("pg_restore"))
if POSTGRES and not PG_TOOLS and os.environ.get("REQUIRE_SERVICES"):
    raise RuntimeError("pg_dump is missing: .ci/run installs postgresql-client")
needs_postgres = pytest.mark.skipif(
    not (POSTGRES and PG_TOOLS),
    reason="needs the suite on PostgreSQL and pg_dump (Debian: postgresql-client); CI has both",
)


def _manage(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    dropped = ("DATABASE_URL", "REDIS_URL", "S3_", "MEDIA_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    clean.update({"LOG_LEVEL": "WARNING", **env})
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _postgres_url(name: str) -> str:
    given = connection.settings_dict
    auth = given["USER"] + (f":{given['PASSWORD']}" if given.get("PASSWORD") else "")
    return f"postgres://{auth}@{given['HOST'] or '127.0.0.1'}:{given['PORT'] or 5432}/{name}"


@pytest.fixture
def empty_postgres_database():
    """A database of this test's own, dropped afterwards."""
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restore"
    admin = _postgres_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _postgres_url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _bucket_checksums(store, bucket: str) -> dict[str, str]:
    s3 = store.client()
    return {
        key: hashlib.sha256(s3.get_object(Bucket=bucket, Key=key)["Body"].read()).hexdigest()
        for key in store.keys(bucket)
    }


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _pdf(label: str) -> bytes:
    return PDF + f"% {label}\n".encode() * 50


def _officers_files() -> None:
    """Leaflets of three practices and an action's attendance sheet, as officers upload them.
    Also run inside `manage.py shell` on the SQLite portal of the test below."""
    from actionplans.models import Action
    from actionplans.services import evidence_add
    from practices.models import Practice
    from practices.services import attachment_add

    for number, practice in enumerate(Practice.objects.order_by("pk")[:3]):
        attachment_add(
            practice=practice,
            upload=SimpleUploadedFile(f"leaflet-{number}.pdf", _pdf(f"practice {number}")),
            title=f"Leaflet {number}",
            by=None,
        )
    evidence_add(
        action=Action.objects.order_by("pk").first(),
        upload=SimpleUploadedFile("sheet.pdf", _pdf("evidence")),
        title="Attendance sheet",
        by=None,
    )


def _files_beside_the_demo() -> None:
    """Attachments, evidence, a meeting document and a rendered report: every kind of file."""
    from meetings.models import Meeting, MeetingDocument
    from reports.models import Report
    from reports.rendering import report_render

    _officers_files()
    document = MeetingDocument(
        meeting=Meeting.objects.order_by("pk").first(),
        title="Programme",
        content_type="application/pdf",
    )
    document.file.save("programme.pdf", ContentFile(_pdf("programme")))
    year = Report.Kind.WORK_PLAN
    from objectives.models import WorkPlan

    report = Report.objects.create(
        kind=year, year=WorkPlan.objects.order_by("year").first().year, language="en"
    )
    assert report_render(report_id=report.pk).status == Report.Status.READY


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_the_demo_backup_restores_every_row_and_file(
    object_store, s3_storage, empty_postgres_database, tmp_path
):
    from .demo_snapshot import demo_in_place

    demo_in_place()
    _files_beside_the_demo()
    source_files = _bucket_checksums(object_store, s3_storage)
    assert len(source_files) >= 6
    archive = tmp_path / "portal.tar"

    backup = _manage(
        "backup",
        "--output",
        str(archive),
        env={
            "DATABASE_URL": _postgres_url(connection.settings_dict["NAME"]),
            **object_store.environment(s3_storage),
        },
    )
    assert "Backup written" in backup.stdout
    with tarfile.open(archive) as members:
        names = members.getnames()
    assert "database.pgdump" in names and "manifest.json" in names

    target_bucket = object_store.new_bucket("restored")
    restore = _manage(
        "restore",
        str(archive),
        env={"DATABASE_URL": empty_postgres_database, **object_store.environment(target_bucket)},
    )
    assert "Row counts and checksums match" in restore.stdout

    source_counts = _postgres_counts(_postgres_url(connection.settings_dict["NAME"]))
    restored_counts = _postgres_counts(empty_postgres_database)
    assert restored_counts == source_counts
    assert sum(restored_counts.values()) > 1000
    assert _bucket_checksums(object_store, target_bucket) == source_files


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(object_store, s3_storage, tmp_path):
    archive = tmp_path / "portal.tar"
    env = {
        "DATABASE_URL": _postgres_url(connection.settings_dict["NAME"]),
        **object_store.environment(s3_storage),
    }
    _manage("backup", "--output", str(archive), env=env)
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env={**os.environ, **env, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Restore into an empty database" in result.stderr


def test_a_sqlite_portal_is_backed_up_with_the_sqlite_backup_api(tmp_path):
    """The embedded default: a SQLite file and files under MEDIA_ROOT."""
    import sqlite3

    source = {"DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}", "REDIS_URL": ""}
    source["MEDIA_ROOT"] = str(tmp_path / "media")
    # The portal set up as `make run` does (migrate, load_demo), with files: one process.
    _manage(
        "shell",
        "-c",
        "from django.core.management import call_command; "
        "call_command('migrate', '--no-input', verbosity=0); call_command('load_demo'); "
        "from tests.test_backup import _officers_files; _officers_files()",
        env=source,
    )
    archive = tmp_path / "portal.tar"
    _manage("backup", "--output", str(archive), env=source)
    with tarfile.open(archive) as members:
        assert "database.sqlite3" in members.getnames()

    target = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    _manage("restore", str(archive), env=target)

    def counts(path: Path) -> dict[str, int]:
        with sqlite3.connect(path) as db:
            tables = [
                r[0]
                for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

    assert counts(tmp_path / "restored.sqlite3") == counts(tmp_path / "portal.sqlite3")

    def checksums(root: Path) -> dict[str, str]:
        return {
            str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in root.rglob("*")
            if path.is_file()
        }

    restored = checksums(tmp_path / "restored-media")
    assert restored == checksums(tmp_path / "media")
    assert len(restored) == 4


# --- Writing while the backup runs ---------------------------------------------------------


class Writer(threading.Thread):
    """Keeps adding practices with three attachments each (one transaction) and removing all
    the attachments of older ones (one transaction), until stopped."""

    def __init__(self, city) -> None:
        super().__init__(daemon=True)
        self.city = city
        self.stop = threading.Event()
        self.writes: list[tuple[float, str]] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        from practices.models import Practice
        from practices.services import attachment_add, attachment_delete

        from .factories import PracticeFactory

        number = 0
        try:
            while not self.stop.is_set():
                number += 1
                with transaction.atomic():
                    practice = PracticeFactory(city=self.city, title=f"Written {number}")
                    for part in range(3):
                        attachment_add(
                            practice=practice,
                            upload=SimpleUploadedFile(
                                "part.pdf", _pdf(f"Written {number} part {part}")
                            ),
                            title=f"Part {part}",
                            by=None,
                        )
                self.writes.append((time.monotonic(), "added"))
                older = (
                    Practice.objects.filter(title__startswith="Written ", attachments__isnull=False)
                    .order_by("pk")
                    .first()
                )
                if older is not None and number % 2 == 0:
                    with transaction.atomic():
                        for attachment in older.attachments.all():
                            attachment_delete(attachment=attachment, by=None)
                    self.writes.append((time.monotonic(), "deleted"))
        except BaseException as error:  # reported by the test
            self.error = error
        finally:
            connection.close()


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_while_people_write_restores_a_consistent_state(
    object_store, s3_storage, empty_postgres_database, braga, tmp_path
):
    from core.models import PendingFileDeletion
    from practices.models import PracticeAttachment
    from practices.services import attachment_add

    from .factories import PracticeFactory

    # Enough files that copying them takes a while after the snapshot.
    for number in range(40):
        practice = PracticeFactory(city=braga, title=f"Before {number}")
        for part in range(3):
            attachment_add(
                practice=practice,
                upload=SimpleUploadedFile("part.pdf", _pdf(f"Before {number} part {part}")),
                title=f"Part {part}",
                by=None,
            )
    writer = Writer(braga)
    writer.start()
    time.sleep(0.5)
    archive = tmp_path / "portal.tar"
    started = time.monotonic()
    _manage(
        "backup",
        "--output",
        str(archive),
        env={
            "DATABASE_URL": _postgres_url(connection.settings_dict["NAME"]),
            **object_store.environment(s3_storage),
        },
    )
    finished = time.monotonic()
    time.sleep(0.3)
    writer.stop.set()
    writer.join(timeout=30)
    assert writer.error is None, writer.error
    during = [kind for at, kind in writer.writes if started <= at <= finished]
    assert "added" in during and "deleted" in during, writer.writes[-5:]
    # Deletions that waited for the backup were carried out when it ended.
    assert not PendingFileDeletion.objects.exists()
    live = set(PracticeAttachment.objects.values_list("file", flat=True))
    assert set(object_store.keys(s3_storage)) >= live

    target_bucket = object_store.new_bucket("restored")
    _manage(
        "restore",
        str(archive),
        env={"DATABASE_URL": empty_postgres_database, **object_store.environment(target_bucket)},
    )

    import psycopg

    with psycopg.connect(empty_postgres_database) as restored:
        rows = restored.execute(
            "SELECT p.title, a.title, a.file FROM practices_practiceattachment a "
            "JOIN practices_practice p ON p.id = a.practice_id"
        ).fetchall()
        per_practice = restored.execute(
            "SELECT p.title, COUNT(a.id) FROM practices_practice p "
            "LEFT JOIN practices_practiceattachment a ON a.practice_id = p.id "
            "WHERE p.title LIKE 'Written %%' OR p.title LIKE 'Before %%' GROUP BY p.title"
        ).fetchall()
    assert rows
    # No torn write: a practice has its three attachments or none.
    assert {count for _title, count in per_practice} <= {0, 3}
    # Every attachment the restored database names is in the restored bucket, with its bytes.
    s3 = object_store.client()
    for practice_title, part_title, key in rows:
        body = s3.get_object(Bucket=target_bucket, Key=key)["Body"].read()
        part = part_title.removeprefix("Part ")
        assert body == _pdf(f"{practice_title} part {part}"), key
