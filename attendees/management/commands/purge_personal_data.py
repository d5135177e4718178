"""purge_personal_data: keep the retention promise of the consent notice."""

from django.conf import settings
from django.core.management.base import BaseCommand

from attendees.registrations.erasure import personal_data_purge


class Command(BaseCommand):
    help = (
        "Remove names, emails, phones, organizations and positions of registrations whose forum "
        "ended more than PERSONAL_DATA_RETENTION_DAYS ago (sector and status stay for statistics), "
        "and delete mail older than that; withdraw news requests never confirmed by their mailbox. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would be removed, remove nothing")

    def handle(self, *, dry_run, **options):
        report = personal_data_purge(dry_run=dry_run)
        verb = "Would anonymise" if dry_run else "Anonymised"
        days = settings.PERSONAL_DATA_RETENTION_DAYS
        self.stdout.write(
            f"{verb} {report.registrations} registrations and "
            f"{'would delete' if dry_run else 'deleted'} {report.mails} mails "
            f"(older than {days} days)."
        )
        if not dry_run:
            self.stdout.write(f"Withdrew {report.news_consents_lapsed} news requests never confirmed by their mailbox.")
            self.stdout.write(f"Deleted {report.access_records} access records older than the retention period.")
