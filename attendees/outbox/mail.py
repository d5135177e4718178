"""Queuing mail: what a concern's calls (registrations/mails.py, news/subscriptions.py...)
use to decide a mail.

A service decides a mail inside its transaction, under the forum lock, by writing a
PendingMail row (queue_*) and the task that delivers it (a row of django-tasks' database
backend) in the same transaction: one commit for the change, its mail and its task, and a
rollback takes all three. The background worker sees the task once the change commits,
renders the mail through its kind's composer (rendering.py) and sends it (delivery.py).
Mail whose task is lost all the same is delivered by the scheduled round.
"""

from attendees.models import PendingMail, Registration
from attendees.outbox.tasks import mail_deliver

# One task sends this many mails; a forum's change to 100 people is shared among workers.
MAILS_PER_TASK = 20


def queue_one(registration: Registration, kind: str, *, position: int | None = None) -> None:
    if not registration.email:
        return  # a walk-in who gave no address
    pending = PendingMail.objects.create(
        registration=registration, recipient=registration.email, kind=kind, waitlist_position=position
    )
    deliver_with_the_change([pending.pk])


def deliver_with_the_change(pks: list[int]) -> None:
    """Enqueue the delivery of these mails in the caller's transaction: a second commit
    (an fsync of several milliseconds) per registration saved, in a burst of them."""
    for start in range(0, len(pks), MAILS_PER_TASK):
        mail_deliver.enqueue(pks[start : start + MAILS_PER_TASK])


def queue_for_each(registrations, kind: str, *, details: dict | None = None) -> None:
    """The same mail to each of these people, decided in one query (a forum's change)."""
    created = PendingMail.objects.bulk_create(
        PendingMail(registration=registration, recipient=registration.email, kind=kind, details=details or {})
        for registration in registrations
        if registration.email  # a walk-in who gave no address
    )
    deliver_with_the_change([pending.pk for pending in created])


def queue_with_positions(registrations, kind: str) -> None:
    """To each of these people, in order, the same mail with their place in line (1, 2, ...)."""
    created = PendingMail.objects.bulk_create(
        PendingMail(registration=registration, recipient=registration.email, kind=kind, waitlist_position=position)
        for position, registration in enumerate(registrations, start=1)
        if registration.email
    )
    deliver_with_the_change([pending.pk for pending in created])
