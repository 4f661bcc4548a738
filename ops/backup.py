"""Backups of a running portal, and their restore into an empty database and file store.

A backup is one tar file: the database at one instant, the stored files that instant names, and
a manifest (every table's row count, every file's size and sha256).

- PostgreSQL: a REPEATABLE READ transaction exports its snapshot; pg_dump dumps exactly that
  snapshot (--snapshot), and the row counts and file names are read in the same transaction.
- SQLite (the embedded default): the SQLite backup API copies the file consistently while
  people keep writing; counts and names are read from the copy.

Files are copied after the snapshot. A file added since is simply not named by it; a file
deleted since would be missing, so while a backup runs deletions wait (core/storage.py: a
StorageHold, PendingFileDeletion), and the backup ends by carrying them out.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections, models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from core.models import StorageHold
from core.storage import pending_deletions_run

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP_MEMBER = "database.pgdump"
SQLITE_MEMBER = "database.sqlite3"
FILES_PREFIX = "files/"
CHUNK = 1024 * 1024
HOLD_TABLE = StorageHold._meta.db_table


class BackupError(Exception):
    """Said to the operator as it is: what went wrong and what to do."""


@dataclass
class BackupResult:
    path: Path
    engine: str
    tables: dict[str, int]
    files: int
    file_bytes: int
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class RestoreResult:
    engine: str
    tables: int
    rows: int
    files: int
    file_bytes: int
    seconds: float = 0.0


# --- What the database names ---------------------------------------------------------------


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every file field, historical copies included."""
    columns = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field_ in model._meta.concrete_fields:
            if isinstance(field_, models.FileField):
                columns.add((model._meta.db_table, field_.column))
    return sorted(columns)


def _snapshot_facts(cursor, *, tables: list[str], quote) -> tuple[dict[str, int], list[str]]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[table] = cursor.fetchone()[0]
    names = set()
    for table, column in file_columns():
        if table not in counts:
            continue
        cursor.execute(
            f"SELECT DISTINCT {quote(column)} FROM {quote(table)} "
            f"WHERE {quote(column)} IS NOT NULL AND {quote(column)} <> ''"
        )
        names.update(row[0] for row in cursor.fetchall())
    return counts, sorted(names)


def _pg_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables: the password never appears on a command line."""
    env = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        value = settings_dict.get(key)
        if value:
            env[variable] = str(value)
        else:
            env.pop(variable, None)
    return env


def _client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed. Install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client), of the server's version or newer."
        )
    return path


# --- Backup --------------------------------------------------------------------------------


def backup_create(*, output: Path, using: str = "default", storage=None) -> BackupResult:
    """Write a backup of the running portal to ``output`` (a .tar file)."""
    storage = storage or default_storage
    started = time.monotonic()
    db = connections[using]
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    hold = StorageHold.objects.using(using).create(reason=f"backup {output.name}")
    try:
        with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
            work_dir = Path(work)
            if db.vendor == "postgresql":
                member, tables, names = _pg_snapshot(db, work_dir)
            elif db.vendor == "sqlite":
                member, tables, names = _sqlite_snapshot(db, work_dir)
            else:
                raise BackupError(f"Backups support PostgreSQL and SQLite, not {db.vendor}.")
            partial = output.with_name(output.name + ".partial")
            with tarfile.open(partial, "w") as archive:
                archive.add(work_dir / member, arcname=member)
                files, missing = _copy_files(archive, names, storage)
                manifest = {
                    "format": FORMAT,
                    "created_at": timezone.now().isoformat(),
                    "engine": db.vendor,
                    "database_member": member,
                    "migrations": _latest_migrations(db),
                    "tables": tables,
                    "files": files,
                    "missing_files": missing,
                }
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            partial.replace(output)
    finally:
        hold.delete()
    pending_deletions_run(storage=storage)
    return BackupResult(
        path=output,
        engine=db.vendor,
        tables=tables,
        files=len(files),
        file_bytes=sum(item["size"] for item in files),
        missing=missing,
        seconds=time.monotonic() - started,
    )


def _pg_snapshot(db, work_dir: Path) -> tuple[str, dict[str, int], list[str]]:
    import psycopg

    pg_dump = _client_tool("pg_dump")
    given = db.settings_dict
    params = {
        "dbname": given["NAME"],
        "host": given.get("HOST") or None,
        "port": given.get("PORT") or None,
        "user": given.get("USER") or None,
        "password": given.get("PASSWORD") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}) as snapshot_conn:
        with snapshot_conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            target = work_dir / PG_DUMP_MEMBER
            dump = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    # The backup's own hold is not part of what it saves.
                    f"--exclude-table-data={HOLD_TABLE}",
                    f"--file={target}",
                ],
                env=_pg_environment(db.settings_dict),
                capture_output=True,
                text=True,
            )
            if dump.returncode != 0:
                raise BackupError(f"pg_dump failed: {dump.stderr.strip()}")
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                "ORDER BY table_name"
            )
            tables = [row[0] for row in cursor.fetchall()]
            counts, names = _snapshot_facts(cursor, tables=tables, quote=_pg_quote)
            counts[HOLD_TABLE] = 0
        snapshot_conn.rollback()
    return PG_DUMP_MEMBER, counts, names


def _sqlite_snapshot(db, work_dir: Path) -> tuple[str, dict[str, int], list[str]]:
    source_path = str(db.settings_dict["NAME"])
    if source_path == ":memory:" or source_path.startswith("file:"):
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    target = work_dir / SQLITE_MEMBER
    source = sqlite3.connect(source_path, timeout=60)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # one consistent copy, whoever writes meanwhile
    finally:
        source.close()
    try:
        copy.execute("PRAGMA journal_mode=DELETE")
        with copy:  # the backup's own hold is not part of what it saves
            copy.execute(f"DELETE FROM {_pg_quote(HOLD_TABLE)}")
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts, names = _snapshot_facts(copy.cursor(), tables=tables, quote=_pg_quote)
    finally:
        copy.close()
    return SQLITE_MEMBER, counts, names


def _latest_migrations(db) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(db).migration_qs.values_list("app", "name"):
        latest[app] = max(latest.get(app, ""), name)
    return latest


def _copy_files(archive: tarfile.TarFile, names: list[str], storage) -> tuple[list, list]:
    files, missing = [], []
    for name in names:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError:
            # A historical row may name a file deleted long ago: said, not fatal.
            missing.append(name)
            continue
        with handle, tempfile.TemporaryFile() as spool:
            digest, size = hashlib.sha256(), 0
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                spool.write(chunk)
            spool.seek(0)
            info = tarfile.TarInfo(FILES_PREFIX + name)
            info.size = size
            info.mtime = int(time.time())
            archive.addfile(info, spool)
        files.append({"name": name, "size": size, "sha256": digest.hexdigest()})
    return files, missing


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(data))


# --- Restore -------------------------------------------------------------------------------


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r") as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))
        except KeyError:
            raise BackupError(f"{archive_path} is not a portal backup (no manifest).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def backup_restore(
    *, archive_path: Path, replace: bool = False, using: str = "default", storage=None
) -> RestoreResult:
    """Restore a backup into this configuration's database and file store.

    Both must be empty (no table; none of the backup's files) unless ``replace``: then the
    database's tables are dropped first and the files overwritten.
    """
    storage = storage or default_storage
    started = time.monotonic()
    archive_path = Path(archive_path)
    manifest = read_manifest(archive_path)
    db = connections[using]
    if manifest["engine"] != db.vendor:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; the portal is configured "
            f"for {db.vendor}. Restore it into the same kind of database."
        )
    _check_empty_database(db, replace=replace)
    _check_empty_storage(manifest, storage, replace=replace)
    with tarfile.open(archive_path, "r") as archive, tempfile.TemporaryDirectory() as work:
        member = manifest["database_member"]
        archive.extract(member, path=work, filter="data")
        if db.vendor == "postgresql":
            _pg_restore(db, Path(work) / member, replace=replace)
        else:
            _sqlite_restore(db, Path(work) / member)
        restored = _restore_files(archive, manifest, storage, replace=replace)
    counts = _table_counts(db)
    wrong = {
        table: (expected, counts.get(table))
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    }
    if wrong:
        raise BackupError(f"Row counts differ after the restore (expected, found): {wrong}")
    return RestoreResult(
        engine=db.vendor,
        tables=len(counts),
        rows=sum(counts.values()),
        files=restored,
        file_bytes=sum(item["size"] for item in manifest["files"]),
        seconds=time.monotonic() - started,
    )


def _table_counts(db) -> dict[str, int]:
    db.close()
    counts = {}
    with db.cursor() as cursor:
        for table in db.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {_pg_quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _check_empty_database(db, *, replace: bool) -> None:
    with db.cursor() as cursor:
        tables = db.introspection.table_names(cursor)
    if tables and not replace:
        raise BackupError(
            f"The database already holds {len(tables)} tables. Restore into an empty database, "
            "or pass --replace to drop them first."
        )


def _check_empty_storage(manifest: dict, storage, *, replace: bool) -> None:
    if replace:
        return
    for item in manifest["files"][:1000]:
        if storage.exists(item["name"]):
            raise BackupError(
                f"The file store already holds {item['name']}. Restore into an empty bucket or "
                "directory, or pass --replace to overwrite."
            )


def _pg_restore(db, dump: Path, *, replace: bool) -> None:
    pg_restore = _client_tool("pg_restore")
    if replace:
        with db.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    db.close()
    result = subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={db.settings_dict['NAME']}",
            str(dump),
        ],
        env=_pg_environment(db.settings_dict),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def _sqlite_restore(db, copy: Path) -> None:
    target_path = str(db.settings_dict["NAME"])
    db.close()
    source = sqlite3.connect(copy)
    target = sqlite3.connect(target_path, timeout=60)
    try:
        with target:
            for (table,) in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall():
                target.execute(f"DROP TABLE IF EXISTS {_pg_quote(table)}")
        source.backup(target)
    finally:
        source.close()
        target.close()


def _restore_files(archive: tarfile.TarFile, manifest: dict, storage, *, replace: bool) -> int:
    restored = 0
    for item in manifest["files"]:
        name = item["name"]
        handle = archive.extractfile(FILES_PREFIX + name)
        data = _Verified(handle, item)
        if replace and storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(data, name=name))
        data.finish()
        if saved != name:
            raise BackupError(f"The file store renamed {name} to {saved}.")
        restored += 1
    return restored


class _Verified(io.RawIOBase):
    """A member's bytes, checked against the manifest's sha256 as they are read."""

    def __init__(self, handle, item: dict) -> None:
        self.handle, self.item = handle, item
        self.size = item["size"]  # what django.core.files.File asks
        self.digest, self.read_bytes = hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:
        data = self.handle.read(len(buffer))
        self.digest.update(data)
        self.read_bytes += len(data)
        buffer[: len(data)] = data
        return len(data)

    def finish(self) -> None:
        if self.read_bytes != self.item["size"] or self.digest.hexdigest() != self.item["sha256"]:
            raise BackupError(f"{self.item['name']} in the backup does not match its checksum.")


def default_output() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"portal-{stamp}.tar"
