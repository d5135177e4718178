"""deliver_mail: one round of mail delivery, then exit (for tests, cron or a shell)."""

from django.core.management.base import BaseCommand

from attendees.outbox.delivery import outbox_deliver


class Command(BaseCommand):
    help = "Send the mail of the outbox that is due now, once. Production's worker does this on its own."

    def handle(self, **options):
        sent = outbox_deliver()
        if options["verbosity"] > 1:
            self.stdout.write(f"{sent} sent")
