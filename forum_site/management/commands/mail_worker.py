"""mail_worker: deliver the queued mail, again and again, until stopped."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import get_queued, send_queued

from attendees.mail import pending_mail_render


def deliver_queued_mail() -> None:
    """Render the mails decided but not yet rendered (a web process may have died after
    its commit), then send everything that is due. Mail that fails is requeued by
    post_office for a later round, so this ends. post_office's lock file keeps two
    workers from sending the same mail."""
    pending_mail_render()
    try:
        with FileLock(default_lockfile):
            while get_queued().exists():
                send_queued(processes=1)
    except FileLocked:
        pass  # another worker is delivering


class Command(BaseCommand):
    help = (
        "Send the mail queued in the database (django-post-office) through EMAIL_URL's server, "
        "every --interval seconds. Failed mail is retried later; nothing is lost while the server is down."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds (default 5)")
        parser.add_argument("--once", action="store_true", help="one round, then exit (for cron or tests)")

    def handle(self, *, interval, once, **options):
        if once:
            deliver_queued_mail()
            return
        while True:
            # A long-running process must not keep a connection the database has dropped.
            close_old_connections()
            deliver_queued_mail()
            time.sleep(interval)
