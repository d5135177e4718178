"""mail_worker: deliver the queued mail, again and again, until stopped."""
import time

from django.core.management.base import BaseCommand
from post_office.lockfile import default_lockfile
from post_office.mail import send_queued_mail_until_done


class Command(BaseCommand):
    help = (
        "Send the mail queued in the database (django-post-office) through EMAIL_URL's server, "
        "every --interval seconds. Failed mail is retried later; nothing is lost while the server is down."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds (default 5)")
        parser.add_argument("--once", action="store_true", help="one round, then exit (for cron or tests)")

    def handle(self, *, interval, once, **options):
        while True:
            # post_office's own lock file keeps two workers from sending the same mail.
            send_queued_mail_until_done(lockfile=default_lockfile)
            if once:
                return
            time.sleep(interval)
