from django.db import migrations
from django.db.models import Count, Q


def counters_from_registrations(apps, schema_editor):
    Forum = apps.get_model("events", "Forum")
    counted = Forum.objects.annotate(
        seats=Count("registrations", filter=Q(registrations__status="confirmed", registrations__over_capacity=False)),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    for forum in counted:
        Forum.objects.filter(pk=forum.pk).update(seats_taken=forum.seats, waiting_count=forum.waiting)


class Migration(migrations.Migration):
    dependencies = [
        ("attendees", "0010_outbox"),
        ("events", "0006_seat_counters"),
    ]

    operations = [migrations.RunPython(counters_from_registrations, migrations.RunPython.noop)]
