"""Every registration gets its own check-in code: added empty, filled row by row (a
callable default would give all existing rows the same value), then made unique."""

from django.db import migrations, models

import attendees.models


def give_each_a_code(apps, schema_editor):
    Registration = apps.get_model("attendees", "Registration")
    for registration in Registration.objects.filter(check_in_code__isnull=True).only("pk"):
        registration.check_in_code = attendees.models.new_check_in_code()
        registration.save(update_fields=["check_in_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("attendees", "0004_action_and_access_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="check_in_code",
            field=models.CharField(editable=False, max_length=32, null=True, verbose_name="check-in code"),
        ),
        migrations.RunPython(give_each_a_code, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="check_in_code",
            field=models.CharField(
                default=attendees.models.new_check_in_code,
                editable=False,
                max_length=32,
                unique=True,
                verbose_name="check-in code",
            ),
        ),
    ]
