"""The satisfaction survey (만족도 조사) of a forum, asked of those who came.

Anonymous by construction: SurveyInvitation records *that* a registration was asked and
whether it answered, and nothing of what; a SurveyResponse and its answers carry no link
to an invitation or a registration, no time, and a random key, so that neither a join
nor an order of rows can tie an answer to a person."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import Forum, Series
from forum_site.core.bilingual import Shown, shown
from forum_site.core.fields import SingleLineCharField

from .questions import of_a_forum_or_a_series
from .registrations import Registration

# The five levels of a rating item, 1 (lowest) to 5.
RATING_LEVELS = (
    (1, _("very dissatisfied")),
    (2, _("dissatisfied")),
    (3, _("neutral")),
    (4, _("satisfied")),
    (5, _("very satisfied")),
)


class SurveyItemKind(models.TextChoices):
    RATING = "rating", _("5-point rating")
    ONE_CHOICE = "one_choice", _("one choice")
    SEVERAL_CHOICES = "several_choices", _("several choices")
    TEXT = "text", _("free text")


class Survey(models.Model):
    forum = models.OneToOneField(
        Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="survey", verbose_name=_("forum")
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_templates",
        verbose_name=_("series (a template its forums' surveys are built from)"),
    )
    title = SingleLineCharField(_("title"), max_length=200, default="만족도 조사")
    intro = models.TextField(_("introduction"), blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True, help_text=_("The last day answers are taken."))
    reminder_after_days = models.PositiveSmallIntegerField(
        _("reminder after (days)"), default=3, help_text=_("One reminder, to those who have not answered.")
    )
    # When the thank-you asked those who came, and when the one reminder went.
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        constraints = [of_a_forum_or_a_series("survey_of_a_forum_or_a_series")]

    def __str__(self):
        return f"{self.forum or self.series} · {self.title}"


class SurveyItem(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=SurveyItemKind.choices)
    label = SingleLineCharField(_("item"), max_length=200)
    label_en = SingleLineCharField(_("item in English"), max_length=200, blank=True)
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("survey item")
        verbose_name_plural = _("survey items")

    def __str__(self):
        return self.label

    @property
    def shown_label(self) -> Shown:
        return shown(self.label, self.label_en)


class SurveyChoice(models.Model):
    item = models.ForeignKey(SurveyItem, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    label = SingleLineCharField(_("choice"), max_length=100)
    label_en = SingleLineCharField(_("choice in English"), max_length=100, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label

    @property
    def shown_label(self) -> Shown:
        return shown(self.label, self.label_en)


def new_survey_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyInvitation(models.Model):
    """That a registration was asked, through its own link, and whether it answered: never what."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="survey_invitations")
    token = models.CharField(max_length=40, unique=True, default=new_survey_token)
    answered = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "registration"], name="survey_invitation_once")]

    def __str__(self):
        # No name: this text may be copied into the admin's log.
        return f"invitation #{self.pk}"


class SurveyResponse(models.Model):
    """One person's answers, whoever they are: no invitation, no registration, no time,
    and a random key (a sequence would say who answered when)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")

    def __str__(self):
        return f"response {self.pk}"


class SurveyAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(SurveyItem, on_delete=models.CASCADE, related_name="answers")
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    choice = models.ForeignKey(SurveyChoice, on_delete=models.SET_NULL, null=True, blank=True, related_name="answers")
    text = models.TextField(blank=True)

    def __str__(self):
        return f"{self.item_id}: {self.rating or self.choice_id or self.text[:20]}"
