"""manage.py backup: the database at one instant and the files it names, in one tar file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_create, default_output


class Command(BaseCommand):
    help = (
        "Back up the running portal: a consistent snapshot of the database (pg_dump's, or "
        "SQLite's backup API) and every stored file it names, with a manifest of row counts "
        "and checksums."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output", type=Path, help="the .tar file to write (default: BACKUP_DIR/portal-…)"
        )

    def handle(self, *args, **options) -> None:
        output = options["output"] or default_output()
        try:
            result = backup_create(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(result.tables.values())
        self.stdout.write(
            f"Backup written to {result.path}: {result.engine}, {len(result.tables)} tables, "
            f"{rows} rows, {result.files} files ({result.file_bytes} bytes), "
            f"{result.seconds:.1f} s."
        )
        if result.missing:
            self.stderr.write(
                f"{len(result.missing)} file(s) named by the database are not in the file store "
                "(first ten): " + ", ".join(result.missing[:10])
            )
