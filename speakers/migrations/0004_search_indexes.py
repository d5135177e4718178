"""Trigram indexes for the site search (events/search.py) on PostgreSQL."""

from django.db import migrations

from forum_site.trigram_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("speakers", "0003_upload_checks")]

    operations = [trigram_indexes("speakers_speaker", ["name", "name_en", "organization", "position", "bio"])]
