"""The two records: every state change (who, when, before and after) and every staff
look at attendees' personal data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import Forum
from forum_site.core import clock

from .registrations import Registration


class ActorKind(models.TextChoices):
    """Who made a change: a staff account, the attendee through their own link, or the
    site itself (a scheduled command)."""

    STAFF = "staff", _("staff member")
    ATTENDEE = "attendee", _("the attendee, through their link")
    SYSTEM = "system", _("the system")


class Action(models.TextChoices):
    REGISTRATION_CREATED = "registration_created", _("registered")
    DESK_REGISTRATION = "desk_registration", _("registered at the desk")
    REGISTRATION_CANCELLED = "registration_cancelled", _("registration cancelled")
    REGISTRATION_PROMOTED = "registration_promoted", _("promoted from the waiting list")
    REGISTRATION_CHECKED_IN = "registration_checked_in", _("checked in")
    CHECK_IN_UNDONE = "check_in_undone", _("check-in undone")
    GUEST_ARRIVED = "guest_arrived", _("invited guest arrived")
    GUEST_ARRIVAL_UNDONE = "guest_arrival_undone", _("invited guest's arrival undone")
    MAIL_RESENT = "mail_resent", _("mail sent again")
    DETAILS_CORRECTED = "details_corrected", _("details corrected")
    NEWS_CONFIRMED = "news_confirmed", _("news confirmed by the mailbox")
    NEWS_WITHDRAWN = "news_withdrawn", _("news withdrawn")
    REGISTRATION_ERASED = "registration_erased", _("registration deleted by the attendee")
    CAPACITY_CHANGED = "capacity_changed", _("capacity changed")
    FORUM_PUBLISHED = "forum_published", _("forum published")
    FORUM_UNPUBLISHED = "forum_unpublished", _("forum taken back to a draft")
    FORUM_CANCELLED = "forum_cancelled", _("forum cancelled")
    FORUM_RESCHEDULED = "forum_rescheduled", _("forum rescheduled")
    PERSONAL_DATA_PURGED = "personal_data_purged", _("personal data removed")
    # Mass mail and mass changes: who, how many, when.
    FORUM_ANNOUNCED = "forum_announced", _("forum announced to news subscribers")
    THANK_YOU_SENT = "thank_you_sent", _("thank-you mailed")
    RECONFIRMATION_ASKED = "reconfirmation_asked", _("news subscribers asked to reconfirm")
    NEWS_REQUESTS_LAPSED = "news_requests_lapsed", _("unconfirmed news requests lapsed")
    REMINDERS_DROPPED = "reminders_dropped", _("reminders not sent: too close to the start")
    CERTIFICATE_ISSUED = "certificate_issued", _("certificate of attendance issued by staff")


class ActionRecord(models.Model):
    """One state change: who made it, when, and the state before and after. Written by the
    service in the change's own transaction (attendees/records.py). Holds ids, states,
    counts and field names, never a person's name, address or phone."""

    at = models.DateTimeField(_("at"), default=clock.now, db_index=True)
    actor_kind = models.CharField(_("by"), max_length=10, choices=ActorKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    # SET_NULL: the record outlives what it speaks of (a superuser's deletion included).
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.SET_NULL, null=True, blank=True, related_name="action_records"
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_records",
    )
    before = models.CharField(_("before"), max_length=40, blank=True)
    after = models.CharField(_("after"), max_length=40, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("record of a change")
        verbose_name_plural = _("records of changes")

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def actor_display(self) -> str:
        if self.actor_kind == ActorKind.STAFF and self.actor is not None:
            return self.actor.get_username()
        return self.get_actor_kind_display()


class AccessKind(models.TextChoices):
    VIEW = "view", _("opened a registration")
    LIST = "list", _("listed registrations")
    CHANGE = "change", _("changed a registration")
    DELETE = "delete", _("deleted registrations")
    ACTION = "action", _("ran an action on registrations")
    EXPORT = "export", _("exported registrations")
    DESK = "desk", _("opened the check-in desk")


class AccessRecord(models.Model):
    """A staff account's look at, or handling of, attendees' personal data (the access
    record Korea's personal-information security standard asks a public body to keep).
    Holds what was touched as ids and counts, never the personal values themselves.
    Kept ACCESS_RECORD_RETENTION_DAYS (at least two years); no one can edit or delete it."""

    at = models.DateTimeField(_("at"), default=clock.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("account name"), max_length=150, help_text=_("Kept if the account is removed."))
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    kind = models.CharField(_("action"), max_length=10, choices=AccessKind.choices)
    registration_ids = models.JSONField(_("registrations"), default=list, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("The filter or action used, or the stated reason.")
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        indexes = [models.Index(fields=["username", "at"], name="access_record_user_idx")]

    def __str__(self):
        return f"{self.username} · {self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
