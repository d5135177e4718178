"""News subscriptions, apart from any registration so that they outlive the purge."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forum_site.core import clock

from .registrations import new_management_token


class Subscription(models.Model):
    """Someone who asked for news of later forums and confirmed it from their mailbox.
    Apart from any registration, so that it outlives the registrations' purge: kept while
    the consent holds, reconfirmed every two years (attendees/news/subscriptions.py)."""

    class Ended(models.TextChoices):
        LINK = "link", _("unsubscribed with the link")
        ONE_CLICK = "one_click", _("unsubscribed from the mail program (one click)")
        REGISTRATION = "registration", _("withdrawn on the registration page")
        NOT_RECONFIRMED = "not_reconfirmed", _("not reconfirmed within 30 days")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=8, default="ko")
    consented_at = models.DateTimeField(_("consented at"), default=clock.now)
    consent_version = models.CharField(_("version of the consent notice"), max_length=20, blank=True)
    reconfirmed_at = models.DateTimeField(
        _("consent last confirmed at"), default=clock.now, help_text=_("Asked again two years after this.")
    )
    reconfirmation_requested_at = models.DateTimeField(_("reconfirmation requested at"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_management_token, editable=False)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_how = models.CharField(_("ended how"), max_length=20, choices=Ended.choices, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("news subscription")
        verbose_name_plural = _("news subscriptions")

    def __str__(self):
        # No address: this text is copied into the admin's log.
        return _("Subscription #%(pk)s") % {"pk": self.pk}

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
