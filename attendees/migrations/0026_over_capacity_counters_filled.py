from django.db import migrations
from django.db.models import Count, Q


def counters_from_registrations(apps, schema_editor):
    """Forum.over_capacity_count from the walk-ins already admitted beyond the capacity."""
    Forum = apps.get_model("events", "Forum")
    counted = Forum.objects.annotate(
        over=Count("registrations", filter=Q(registrations__status="confirmed", registrations__over_capacity=True))
    ).filter(over__gt=0)
    for forum in counted:
        Forum.objects.filter(pk=forum.pk).update(over_capacity_count=forum.over)


class Migration(migrations.Migration):
    dependencies = [
        ("attendees", "0025_satisfaction_surveys"),
        ("events", "0018_forum_over_capacity_count"),
    ]

    operations = [migrations.RunPython(counters_from_registrations, migrations.RunPython.noop)]
