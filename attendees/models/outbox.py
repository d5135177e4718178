"""The outbox: a mail from the moment a service decides it until it is delivered. The
kinds of mail are the concerns' own (registrations/mails.py, news/mails.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from forum_site.core import clock

from .registrations import Registration


class PendingMailQuerySet(models.QuerySet):
    def due(self, now):
        """Waiting for its (next) attempt, and not held by a worker that is sending it."""
        return self.filter(next_attempt_at__lte=now).filter(
            models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lte=now)
        )


class PendingMail(models.Model):
    """The outbox: a mail from the moment a service decides it until it is delivered.

    The service writes this small row inside its transaction, under the forum lock; a
    worker renders it into a django-post-office Email and sends it (attendees/outbox/delivery.py),
    then deletes the row. The row's id is the order of queuing, which mails to one address
    keep; `claimed_until` keeps two workers from sending it at once and frees it again
    when its worker dies mid-send."""

    # A registration's mail, or (announcements, reconfirmation) a subscription's, or (the
    # invitation to set a password, forum_site/staff_invitation.py) a staff account's.
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    subscription = models.ForeignKey("Subscription", on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    staff_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    # A kind a concern registered a composer for (attendees/outbox/composers.py).
    kind = models.CharField(max_length=20)
    # Copied from the registration when queued: mails to one address go out in queue order.
    recipient = models.EmailField()
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    # What the mail must say that the rows will no longer tell once it is rendered, e.g. a
    # rescheduled forum's former date. Never personal data.
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    # The rendered message, once a worker has rendered it (kept while it is retried).
    email = models.OneToOneField(
        "post_office.Email", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=clock.now)
    claimed_until = models.DateTimeField(null=True, blank=True)

    objects = PendingMailQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["recipient", "id"], name="pendingmail_recipient_order")]
        constraints = [
            # A mail is for a registration, a subscriber or a staff account: exactly one of them.
            models.CheckConstraint(
                condition=Q(registration__isnull=False, subscription__isnull=True, staff_account__isnull=True)
                | Q(registration__isnull=True, subscription__isnull=False, staff_account__isnull=True)
                | Q(registration__isnull=True, subscription__isnull=True, staff_account__isnull=False),
                name="pendingmail_one_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.kind} #{self.registration_id or self.subscription_id}"
