"""manage.py restore: a backup into an empty database and file store, checked as it goes."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup` into the configured database and file "
        "store, which must be empty (or --replace). Checks every file's checksum and every "
        "table's row count."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="drop the database's tables and overwrite files that exist",
        )

    def handle(self, *args, **options) -> None:
        try:
            result = backup_restore(archive_path=options["archive"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {options['archive']}: {result.engine}, {result.tables} tables, "
            f"{result.rows} rows, {result.files} files ({result.file_bytes} bytes), "
            f"{result.seconds:.1f} s. Row counts and checksums match the backup."
        )
