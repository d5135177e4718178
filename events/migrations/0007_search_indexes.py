"""Trigram indexes for the site search (events/search.py) on PostgreSQL."""

from django.db import migrations

from forum_site.trigram_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("events", "0006_seat_counters")]

    operations = [
        trigram_indexes("events_forum", ["title", "report"]),
        trigram_indexes("events_talk", ["title", "abstract", "summary"]),
    ]
