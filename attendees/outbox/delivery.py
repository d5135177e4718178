"""Delivering the outbox (attendees.PendingMail), safely on any number of workers and hosts.

Each mail is claimed on its own, by a conditional UPDATE that only one worker can win;
rendered into a django-post-office Email if it is not yet; sent; and its outcome committed
at once. A worker killed mid-send therefore repeats at most the one mail it had in hand,
after its claim runs out.

A mail is claimed only while no earlier mail to the same address is still in the outbox,
so one person's mails arrive in the order they were queued ("you are waiting" before
"you have a seat"), whichever worker sends them.

A mail the server has taken is marked sent on a fresh database connection as often as it
takes while the worker's claim holds: a connection cut at that moment (a PostgreSQL
restart, a fail-over) would otherwise leave the mail to be sent again once the claim runs
out. Only a worker that dies outright in that instant sends its one mail twice, and then
under the same Message-ID, so that mail programs show it once.

A mail the server cannot take now (connection refused, 4xx) is tried again later, backing
off from a minute to six hours, for as long as it takes: an outage loses nothing. One the
server rejects for good (5xx) is marked failed in the mail log. Mail still waiting after a
day is shown to staff on the admin index and fails /healthz.
"""

import datetime
import email.charset
import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.db.utils import InterfaceError, OperationalError
from post_office.models import STATUS, Email, Log

from attendees.models import PendingMail
from attendees.outbox.composers import composer_of
from attendees.outbox.rendering import parts_placed, render, store
from forum_site.core import clock

logger = logging.getLogger(__name__)

# Bodies in quoted-printable, never 8bit: a relay that re-encodes 8bit text for a 7-bit
# hop would change the body under its DKIM signature. (Django picks 8bit for UTF-8 text;
# a Charset, rather than the name "utf-8", is used as it is.)
SEVEN_BIT_UTF8 = email.charset.Charset("utf-8")
SEVEN_BIT_UTF8.body_encoding = email.charset.QP

LONGEST_RETRY = datetime.timedelta(hours=6)
# Mail waiting longer than this is a problem someone must look at.
OVERDUE_AFTER = datetime.timedelta(days=1)


def claim_duration() -> datetime.timedelta:
    # Longer than any one send can take (EMAIL_TIMEOUT per SMTP step); a mail whose worker
    # died is sent again once it runs out.
    return datetime.timedelta(seconds=settings.MAIL_CLAIM_SECONDS)


def retry_delay(attempts: int) -> datetime.timedelta:
    """1, 2, 4 ... minutes after each failed attempt (MAIL_FIRST_RETRY_SECONDS), then every six hours."""
    first = datetime.timedelta(seconds=settings.MAIL_FIRST_RETRY_SECONDS)
    return min(first * 2 ** min(attempts - 1, 20), LONGEST_RETRY)


def outbox_deliver(pks: list[int] | None = None) -> int:
    """Send every due mail of the outbox (or only these), oldest first; returns how many
    were sent (or dropped as outdated: a reminder to someone who has since cancelled).
    Mails another worker holds, or that wait behind an earlier mail to the same address,
    are left for that worker or a later round."""
    due = PendingMail.objects.due(clock.now())
    if pks is not None:
        due = due.filter(pk__in=pks)
    sent = 0
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        while pk is not None and _claim(pk):
            recipient = _deliver_claimed(pk)
            if recipient is None:
                break
            sent += 1
            # A later mail to the same address was skipped while this one was in the
            # outbox, by this worker or another: it is this worker's turn to send it.
            pk = _next_to_same_address(recipient, after=pk)
    return sent


def _next_to_same_address(recipient: str, *, after: int) -> int | None:
    return (
        PendingMail.objects.due(clock.now())
        .filter(recipient=recipient, pk__gt=after)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def _claim(pk: int) -> bool:
    now = clock.now()
    earlier_to_same_address = PendingMail.objects.filter(recipient=OuterRef("recipient"), pk__lt=OuterRef("pk"))
    claimed = (
        PendingMail.objects.due(now)
        .filter(pk=pk)
        .exclude(Exists(earlier_to_same_address))
        .update(claimed_until=now + claim_duration())
    )
    return claimed == 1


def _deliver_claimed(pk: int) -> str | None:
    """Send a claimed mail; its address if the server took it, else None."""
    pending = PendingMail.objects.select_related("registration", "subscription", "email").get(pk=pk)
    if _outdated(pending):
        pending.delete()
        return pending.recipient
    if pending.email is None:
        with transaction.atomic():
            pending.email = store(render(pending))
            pending.save(update_fields=["email"])
    message = parts_placed(pending.email.email_message())
    message.encoding = SEVEN_BIT_UTF8
    try:
        get_connection().send_messages([message])
    except Exception as error:  # whatever the backend raises, the mail stays in the outbox
        if _is_permanent(error):
            _record_rejected(pending, error)
        else:
            _record_retry(pending, error)
        return None
    _sent_recorded(pending)
    return pending.recipient


# The first pause before marking a sent mail again; it doubles up to the longest.
MARK_RETRY_FIRST, MARK_RETRY_LONGEST = 0.1, 2.0


def _sent_recorded(pending: PendingMail) -> None:
    """Mark a delivered mail sent, again on a fresh connection until it holds or the claim
    runs out (then the mail is sent once more: the one duplicate left, same Message-ID)."""
    pause = MARK_RETRY_FIRST
    while True:
        try:
            _record_sent(pending)
            return
        except (OperationalError, InterfaceError) as error:
            # A mail being sent is claimed; no claim would mean no time left to try again.
            left = (pending.claimed_until - clock.now()).total_seconds() if pending.claimed_until else 0
            if left <= pause:
                raise
            logger.warning("mail %s sent but not yet marked (%s); trying again", pending.pk, error)
            connection.close()  # the next query opens a new one
            time.sleep(pause)
            pause = min(pause * 2, MARK_RETRY_LONGEST)


def _outdated(pending: PendingMail) -> bool:
    """No longer true when its turn comes, as the concern that wrote it judges (a reminder
    to someone who has since cancelled, an announcement to someone who unsubscribed)."""
    return composer_of(pending.kind).outdated(pending)


def _is_permanent(error: Exception) -> bool:
    """The server said no for good (5xx), as opposed to not now."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


@transaction.atomic
def _record_sent(pending: PendingMail) -> None:
    Email.objects.filter(pk=pending.email_id).update(status=STATUS.sent, last_updated=clock.now())
    Log.objects.create(email_id=pending.email_id, status=STATUS.sent)
    pending.delete()


@transaction.atomic
def _record_retry(pending: PendingMail, error: Exception) -> None:
    now = clock.now()
    pending.attempts += 1
    pending.next_attempt_at = now + retry_delay(pending.attempts)
    pending.claimed_until = None
    pending.save(update_fields=["attempts", "next_attempt_at", "claimed_until"])
    Email.objects.filter(pk=pending.email_id).update(
        status=STATUS.requeued, number_of_retries=pending.attempts, scheduled_time=pending.next_attempt_at
    )
    Log.objects.create(
        email_id=pending.email_id, status=STATUS.failed, message=str(error)[:500], exception_type=type(error).__name__
    )
    logger.warning(
        "mail %s not delivered (attempt %s), next try at %s: %s",
        pending.pk,
        pending.attempts,
        pending.next_attempt_at.isoformat(),
        error,
    )


@transaction.atomic
def _record_rejected(pending: PendingMail, error: Exception) -> None:
    Email.objects.filter(pk=pending.email_id).update(status=STATUS.failed, last_updated=clock.now())
    Log.objects.create(
        email_id=pending.email_id, status=STATUS.failed, message=str(error)[:500], exception_type=type(error).__name__
    )
    pending.delete()
    logger.error("mail %s rejected by the server for good: %s", pending.pk, error)


def overdue_mail():
    """Mail that has waited in the outbox longer than a day."""
    return PendingMail.objects.filter(created_at__lt=clock.now() - OVERDUE_AFTER)


def oldest_waiting_age() -> datetime.timedelta | None:
    oldest = PendingMail.objects.order_by("created_at").values_list("created_at", flat=True).first()
    return None if oldest is None else clock.now() - oldest
