"""The mail queue as the worker's next round finds it."""

from post_office.models import Email

from attendees.models import PendingMail
from attendees.outbox.rendering import render, store


def outbox_render():
    """Render the outbox into post_office's mail log as the worker would, without sending."""
    for pending in PendingMail.objects.filter(email__isnull=True).select_related("registration"):
        pending.email = store(render(pending))
        pending.save(update_fields=["email"])


def queued_mail(**filters):
    """The mail the services have decided, rendered. Tests run inside one transaction that
    never commits, so no task is enqueued: this renders what a worker would."""
    outbox_render()
    return Email.objects.filter(**filters).order_by("id")


def outbox_clear():
    """Forget the mail decided so far, rendered or not (so a test counts only what follows)."""
    PendingMail.objects.all().delete()
    Email.objects.all().delete()
