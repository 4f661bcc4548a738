from __future__ import annotations

from django.db import migrations

THEMES = [
    "education",
    "housing",
    "employment",
    "health",
    "anti-discrimination",
    "community-building",
    "foreign-roma",
]
FUNDING = ["municipal", "national", "esf-plus", "erdf", "other"]


def create_choices(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    FundingSource = apps.get_model("practices", "FundingSource")
    for code in THEMES:
        Theme.objects.get_or_create(code=code)
    for code in FUNDING:
        FundingSource.objects.get_or_create(code=code)


def create_search_index(apps, schema_editor):
    # Full-text search is a PostgreSQL feature; SQLite answers with a plain match instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS practice_search_gin_idx "
            "ON practices_practice USING gin (search_vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS practice_search_gin_idx")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [
        migrations.RunPython(create_choices, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
