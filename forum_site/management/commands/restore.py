"""restore: put a backup (from `backup`) back, replacing the database and the media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forum_site.backup import backup_restore


class Command(BaseCommand):
    help = "Restore the database and MEDIA_ROOT from a backup folder. Replaces what is there: stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="a folder written by `manage.py backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing the data")

    def handle(self, *, backup, yes, **options):
        if not yes and input(f"Replace the database and media with {backup}? [y/N] ").strip().lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            backup_restore(backup)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {backup}.")
