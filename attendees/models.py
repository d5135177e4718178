"""Registrations: one person's place (or place in line) at one forum."""
import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Forum
from forum_site import clock


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


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        """Waiting in line, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")

    def news_recipients(self):
        """Whose mailbox confirmed it wants news of later forums (double opt-in): a ticked
        box alone proves nothing, since anyone can type anyone's address."""
        return self.filter(consent_marketing=True, marketing_confirmed_at__isnull=False, anonymized_at__isnull=True)


class Registration(models.Model):
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    organization = models.CharField(_("organization"), max_length=150)
    position = models.CharField(_("position"), max_length=100)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    token = models.CharField(_("management token"), max_length=64, unique=True, default=new_management_token, editable=False)
    language = models.CharField(_("language"), max_length=8, default="ko", help_text=_("Mails are written in it."))

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
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    anonymized_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "forum",
                condition=~Q(status="cancelled"),
                name="registration_one_active_per_email",
                violation_error_message=_("This email address is already registered for this forum."),
            ),
        ]
        indexes = [models.Index(fields=["forum", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.name} ({self.forum.display_number})"

    # Deliberately not get_absolute_url(): the admin's "view on site" shortcut would then
    # hand any staff login the attendee's management link, which can cancel.
    @property
    def management_path(self) -> str:
        return reverse("attendees:manage", kwargs={"token": self.token})


class MailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("confirmation")
    WAITLISTED = "waitlisted", _("waiting list")
    PROMOTED = "promoted", _("promotion")
    CANCELLED = "cancelled", _("cancellation")
    MANAGEMENT_LINK = "management_link", _("management link again")


class PendingMail(models.Model):
    """A mail decided inside a registration's transaction, under the forum lock, and
    rendered after it commits (attendees/mail.py): the lock is held only to write this
    small row, and a crash before rendering leaves the row for the mail worker."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=MailKind.choices)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.kind} #{self.registration_id}"
