# The library's search in every language a practice exists in (practices/search.py): one row a
# language replaces the practice's single English vector.

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models


def create_search_index(apps, schema_editor):
    # Full-text search is a PostgreSQL feature; SQLite answers with a plain match instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS practice_text_search_gin_idx "
            "ON practices_practicetext USING gin (vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS practice_text_search_gin_idx")


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0006_original_language'),
    ]

    operations = [
        UnaccentExtension(),  # nothing on SQLite
        migrations.RemoveField(
            model_name='practice',
            name='search_vector',
        ),
        migrations.CreateModel(
            name='PracticeText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=8)),
                ('config', models.CharField(max_length=40)),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
                ('folded', models.TextField(blank=True)),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_texts', to='practices.practice')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('practice', 'language'), name='one_search_text_per_language')],
            },
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
