import django.db.models.deletion
from django.db import migrations, models

import events.models
import forum_site.core.clock


def keep_the_uids_calendars_hold(apps, schema_editor):
    """Forums made before the field existed keep the UID their calendar files carried."""
    Forum = apps.get_model("events", "Forum")
    for forum in Forum.objects.only("pk", "slug"):
        Forum.objects.filter(pk=forum.pk).update(calendar_uid=f"{forum.slug}@forum-site")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0015_english_texts"),
    ]

    operations = [
        migrations.AddField(
            model_name="forum",
            name="calendar_uid",
            field=models.CharField(editable=False, max_length=255, null=True),
        ),
        migrations.RunPython(keep_the_uids_calendars_hold, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="forum",
            name="calendar_uid",
            field=models.CharField(
                default=events.models.new_calendar_uid, editable=False, max_length=255, unique=True
            ),
        ),
        migrations.CreateModel(
            name="FormerAddress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField()),
                ("created_at", models.DateTimeField(default=forum_site.core.clock.now)),
                (
                    "forum",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="former_addresses",
                        to="events.forum",
                    ),
                ),
                (
                    "series",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="events.series"
                    ),
                ),
            ],
            options={
                "verbose_name": "former address",
                "verbose_name_plural": "former addresses",
                "constraints": [models.UniqueConstraint(fields=("series", "number"), name="former_address_unique")],
            },
        ),
    ]
