from __future__ import annotations

from django.db import migrations


def load_targets(apps, schema_editor):
    from actionplans.eu_targets import EU_ROMA_TARGETS

    EUTarget = apps.get_model("actionplans", "EUTarget")
    for code, objective, title in EU_ROMA_TARGETS:
        EUTarget.objects.update_or_create(
            code=code.lower(), defaults={"objective": objective, "title": title}
        )


class Migration(migrations.Migration):
    dependencies = [("actionplans", "0001_initial")]

    operations = [migrations.RunPython(load_targets, migrations.RunPython.noop)]
