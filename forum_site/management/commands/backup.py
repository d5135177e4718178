"""backup: the database and the uploaded media, into one folder."""

from pathlib import Path

from django.core.management.base import BaseCommand

from forum_site.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or SQLite's backup) and MEDIA_ROOT into a new folder under --to."

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, required=True, help="the folder that receives the backup")

    def handle(self, *, to, **options):
        self.stdout.write(str(backup_create(to)))
