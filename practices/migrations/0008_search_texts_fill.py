from __future__ import annotations

from django.db import migrations


def fill(apps, schema_editor):
    """The search texts of the practices already there (later ones get theirs when saved)."""
    from practices.search import practices_search_index

    Practice = apps.get_model("practices", "Practice")
    practices_search_index(practice_ids=Practice.objects.values_list("pk", flat=True), apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_search_texts"),
        ("translations", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
