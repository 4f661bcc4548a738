"""Pledges point at a commitment shared by the cities that made it, so they can be counted."""

from django.db import migrations, models
import django.db.models.deletion


def to_commitments(apps, schema_editor):
    Commitment = apps.get_model("cities", "Commitment")
    Pledge = apps.get_model("cities", "Pledge")
    for pledge in Pledge.objects.all():
        pledge.commitment, _ = Commitment.objects.get_or_create(
            framework=pledge.framework, title=pledge.title
        )
        pledge.statement = pledge.description
        pledge.save(update_fields=["commitment", "statement"])


class Migration(migrations.Migration):
    dependencies = [("cities", "0003_city_city_by_name_idx")]

    operations = [
        migrations.CreateModel(
            name="Commitment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="commitment")),
                ("framework", models.CharField(blank=True, max_length=255, verbose_name="framework")),
            ],
            options={
                "verbose_name": "commitment",
                "verbose_name_plural": "commitments",
                "ordering": ["framework", "title"],
                "constraints": [
                    models.UniqueConstraint(fields=("framework", "title"), name="commitment_once")
                ],
            },
        ),
        migrations.AddField(
            model_name="pledge",
            name="commitment",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pledges",
                to="cities.commitment",
                verbose_name="commitment",
            ),
        ),
        migrations.AddField(
            model_name="pledge",
            name="made_on",
            field=models.DateField(blank=True, null=True, verbose_name="date"),
        ),
        migrations.AddField(
            model_name="pledge",
            name="statement",
            field=models.TextField(blank=True, verbose_name="statement"),
        ),
        migrations.AddField(
            model_name="pledge",
            name="source_url",
            field=models.URLField(
                blank=True, help_text="Where the pledge is published.", verbose_name="source"
            ),
        ),
        migrations.RunPython(to_commitments, migrations.RunPython.noop),
        migrations.RemoveField(model_name="pledge", name="title"),
        migrations.RemoveField(model_name="pledge", name="framework"),
        migrations.RemoveField(model_name="pledge", name="description"),
        migrations.AlterField(
            model_name="pledge",
            name="commitment",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pledges",
                to="cities.commitment",
                verbose_name="commitment",
            ),
        ),
        migrations.AlterModelOptions(
            name="pledge",
            options={
                "ordering": ["-year", "commitment__title"],
                "verbose_name": "pledge",
                "verbose_name_plural": "pledges",
            },
        ),
        migrations.AddConstraint(
            model_name="pledge",
            constraint=models.UniqueConstraint(
                fields=("city", "commitment"), name="pledge_once_per_city"
            ),
        ),
    ]
