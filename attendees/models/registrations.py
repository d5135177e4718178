"""Registrations: one person's place (or place in line) at one forum, and what every
concern means by "active", "came" and "ahead of"."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from events.models import Forum
from forum_site.core import clock


class Sector(models.TextChoices):
    """산·학·연·관: where an attendee comes from."""

    INDUSTRY = "industry", _("Industry")
    ACADEMIA = "academia", _("Academia")
    RESEARCH = "research", _("Research")
    GOVERNMENT = "government", _("Government")
    OTHER = "other", _("Other")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


def new_management_token() -> str:
    # 32 random bytes: 256 bits, far beyond guessing.
    return secrets.token_urlsafe(32)


def new_check_in_code() -> str:
    # 12 random bytes: 96 bits. What the QR code at the door carries; it can check a
    # person in and nothing else, so a photo of a badge never lets anyone cancel.
    return secrets.token_urlsafe(12)


# What identifies the person: made canonical on the way in (registrations/normalize.py)
# and erased by the purge (registrations/erasure.py).
PERSONAL_DATA_FIELDS = ("name", "email", "phone", "organization", "position")
# What a registration holds of the person, in the order every form and list shows it.
PERSON_FIELDS = (*PERSONAL_DATA_FIELDS, "sector")
# What the person may correct through their own link (PIPA Art. 36). The address is not
# among them: it is where their link was mailed, so another address is another registration.
SELF_EDITABLE_FIELDS = ("name", "phone", "organization", "position", "sector")
# First come, first served: the order of the waiting list, of every list of registrations
# that follows it, and of who is "ahead" of whom.
QUEUE_ORDER = ("created_at", "pk")
# The one rule of an address per forum, said the same way wherever it is broken.
ALREADY_REGISTERED = _("This email address is already registered for this forum.")


def ahead_of(created_at, pk) -> Q:
    """Registrations ahead of one registered at `created_at` with this `pk` (values or OuterRefs)."""
    return Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk)


def cancellation_deadline(forum: Forum) -> datetime.datetime:
    """Until when an attendee may cancel online (REGISTRATION_CANCELLATION_CLOSES_HOURS before the start)."""
    return forum.starts_at - datetime.timedelta(hours=settings.REGISTRATION_CANCELLATION_CLOSES_HOURS)


def cancellation_is_open(forum: Forum) -> bool:
    return clock.now() < cancellation_deadline(forum)


# Those who may run a forum's registrations (the 포럼 담당자 role), not only its content:
# what reaches the people registered (a new date, an announcement, a cancellation) is theirs.
RUNS_REGISTRATIONS = "attendees.change_registration"


# Attendance, counted one way everywhere (the statistics and their workbook, the result
# report, the thank-you, the desk): who came was checked in; a walk-in registered at the
# door and came. A walk-in who left while on the waiting list registered, and did not come.
# A cancelled registration never came (the transition table refuses to cancel a check-in;
# this keeps the count true even of rows written before that rule).
CAME = Q(checked_in_at__isnull=False) & ~Q(status=RegistrationStatus.CANCELLED)
CAME_AT_THE_DOOR = CAME & Q(walk_in=True)
# Confirmed people hold one of the capacity's seats, except walk-ins admitted beyond it
# (정원 외): "100 / 100 + 정원 외 1" wherever a forum's seats are told (attendees/seats.py).
SEATED = Q(status=RegistrationStatus.CONFIRMED, over_capacity=False)
OVER_CAPACITY = Q(status=RegistrationStatus.CONFIRMED, over_capacity=True)


class RegistrationQuerySet(models.QuerySet):
    def came(self):
        return self.filter(CAME)

    def did_not_come(self):
        """Held a seat and was not checked in."""
        return self.filter(status=RegistrationStatus.CONFIRMED).exclude(CAME)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def cancellable(self):
        """Active and not checked in: who came stays counted (LEGAL_MOVES in transitions.py)."""
        return self.active().filter(checked_in_at__isnull=True)

    def active_counts(self) -> dict[str, int]:
        """Of these, those still registered, in one query: {"active", "confirmed", "waitlisted"},
        what a page that is about to tell them shows first."""
        return self.active().aggregate(
            active=models.Count("pk"),
            confirmed=models.Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=models.Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        )

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def seated(self):
        """Confirmed in one of the capacity's seats."""
        return self.filter(SEATED)

    def over_capacity(self):
        """Confirmed beyond the capacity: walk-ins admitted when the forum was full."""
        return self.filter(OVER_CAPACITY)

    def waitlisted(self):
        """Waiting in line, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by(*QUEUE_ORDER)

    def identifiable(self):
        """Whose personal data is still held. A purged registration is nobody: it is never
        listed, mailed, shown at the desk or found by its codes; it only counts."""
        return self.filter(anonymized_at__isnull=True)

    def with_check_in_code(self, code: str):
        """The person a check-in code (a QR code) names, if they are still somebody."""
        return self.identifiable().filter(check_in_code=code)


class Registration(models.Model):
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254, blank=True, help_text=_("May be left out only at the door."))
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    organization = models.CharField(_("organization"), max_length=150)
    position = models.CharField(_("position"), max_length=100)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    token = models.CharField(
        _("management token"), max_length=64, unique=True, default=new_management_token, editable=False
    )
    language = models.CharField(_("language"), max_length=8, default="ko", help_text=_("Mails are written in it."))
    check_in_code = models.CharField(
        _("check-in code"), max_length=32, unique=True, default=new_check_in_code, editable=False
    )

    consent_privacy = models.BooleanField(_("consent to the collection of personal data"), default=False)
    consent_marketing = models.BooleanField(_("consent to news of later forums"), default=False)
    consent_version = models.CharField(_("version of the consent notice"), max_length=20, blank=True)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    marketing_confirmed_at = models.DateTimeField(
        _("news subscription confirmed at"),
        null=True,
        blank=True,
        help_text=_("When the mailbox's owner confirmed, through the link in the mail, that they want news."),
    )
    # The last "you are already registered" mail: sent at most once an hour, so that
    # posting someone's address again and again does not flood their mailbox.
    management_link_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The project clock, so a demo day (FORUM_SITE_TODAY) shows registrations on that day.
    created_at = models.DateTimeField(_("registered at"), default=clock.now, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    walk_in = models.BooleanField(_("walk-in"), default=False, help_text=_("Registered at the door."))
    over_capacity = models.BooleanField(
        _("admitted over capacity"),
        default=False,
        help_text=_("A walk-in let in although the forum was full: holds no seat of the waiting list."),
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    # Which check-in it is: the desk's tap that made it (or one made here). An undo names
    # the check-in it undoes, so an undo sent late never undoes a later check-in.
    check_in_id = models.CharField(max_length=64, blank=True, editable=False)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    anonymized_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)
    # When the forum's thank-you (or report) mail was queued for this person: once only.
    thanked_at = models.DateTimeField(_("thanked at"), null=True, blank=True, editable=False)
    # Set by the person's one click (the mail's "unsubscribe", RFC 8058): no more mail
    # after the forum (the thank-you, the survey's reminder). Mail about their seat still goes.
    after_forum_mail_stopped_at = models.DateTimeField(
        _("mail after the forum stopped at"), null=True, blank=True, editable=False
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "forum",
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="registration_one_active_per_email",
                violation_error_message=ALREADY_REGISTERED,
            ),
        ]
        indexes = [
            models.Index(fields=["forum", "status", "created_at"], name="registration_queue_idx"),
            # The admin's newest-first list, a page at a time (ordering -created_at, -pk).
            models.Index(fields=["created_at", "id"], name="registration_created_idx"),
        ]
        permissions = [
            ("use_desk", _("Can work the check-in desk")),
            ("correct_check_in", _("Can correct check-ins after the forum has ended")),
            # The one boundary of contact details, on every page and in every export.
            ("export_unmasked", _("Can see and export whole emails and phones")),
            ("view_statistics", _("Can see the attendance statistics")),
        ]

    def __str__(self):
        # No name: this text is copied into the admin's log, which must hold no personal data.
        return _("Registration #%(pk)s") % {"pk": self.pk}

    @property
    def is_over_capacity(self) -> bool:
        """OVER_CAPACITY, of a registration in hand."""
        return self.status == RegistrationStatus.CONFIRMED and self.over_capacity

    @property
    def calendar_sequence_offset(self) -> int:
        """What this person's calendar files add to the forum's SEQUENCE. Each earlier
        registration of the same address for the forum was sent the event and then its
        CANCEL, one higher (RFC 5546): a file of this registration must be higher still,
        or calendars ignore it. Two per earlier registration keeps every step growing."""
        if not self.email:
            return 0
        earlier = Registration.objects.filter(forum_id=self.forum_id, email=self.email).exclude(pk=self.pk)
        return 2 * earlier.filter(ahead_of(self.created_at, self.pk)).count()
