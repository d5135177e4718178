"""Questions a forum asks at registration (조찬 식사, 주차 지원, 관심 분야...), their
options and places, and each registration's answers.

A question belongs to a forum, or to a series as a default that each new forum of the
series copies (attendees/questions/defaults.py). Every question says why it is asked and
how long its answer is kept: the consent notice is written from them (PIPA Art. 15 ②).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Forum, Series
from forum_site.core.bilingual import Shown, shown
from forum_site.core.fields import SingleLineCharField

from .registrations import Registration

# The longest text answer: a car number, a dietary note, a line about an interest.
TEXT_ANSWER_LENGTH = 200
# Numbers people are asked for (how many in a party, a year) fit far inside this.
NUMBER_LIMIT = 1_000_000


class QuestionKind(models.TextChoices):
    TEXT = "text", _("short text")
    YES_NO = "yes_no", _("yes or no")
    ONE_CHOICE = "one_choice", _("one choice")
    SEVERAL_CHOICES = "several_choices", _("several choices")
    NUMBER = "number", _("number")


# Kinds answered by picking options (a yes/no question has the two options 예 and 아니오).
CHOICE_KINDS = (QuestionKind.YES_NO, QuestionKind.ONE_CHOICE, QuestionKind.SEVERAL_CHOICES)
# The options of a yes/no question, made with it: its 예 can have places and show another question.
YES_NO_OPTIONS = (("예", "Yes"), ("아니오", "No"))


def of_a_forum_or_a_series(name: str) -> models.CheckConstraint:
    """A row belongs to a forum, or to a series as the default its new forums copy: exactly one."""
    return models.CheckConstraint(
        condition=Q(forum__isnull=False, series__isnull=True) | Q(forum__isnull=True, series__isnull=False),
        name=name,
    )


class Question(models.Model):
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="questions", verbose_name=_("forum")
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="default_questions",
        verbose_name=_("series (a default each new forum copies)"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = SingleLineCharField(_("question"), max_length=200)
    label_en = SingleLineCharField(_("question in English"), max_length=200, blank=True)
    help_text = SingleLineCharField(_("help text"), max_length=300, blank=True)
    help_text_en = SingleLineCharField(_("help text in English"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    shown_when = models.ForeignKey(
        "Option",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shown only when this answer is chosen"),
        help_text=_("An option of another question of the same forum, e.g. 주차 지원: 예."),
    )
    purpose = SingleLineCharField(
        _("purpose of use"), max_length=200, help_text=_("Shown in the consent notice, e.g. 주차 공간 배정.")
    )
    purpose_en = SingleLineCharField(_("purpose of use in English"), max_length=200, blank=True)
    retention_days = models.PositiveSmallIntegerField(
        _("kept for (days after the forum)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(3650)],
        help_text=_("Empty: as long as the registration. Shorter: the answers are erased earlier."),
    )
    sensitive = models.BooleanField(
        _("sensitive (health, disability: PIPA Art. 23)"),
        default=False,
        help_text=_("Asks its own separate consent; without it the answer is not stored."),
    )
    desk_mark = SingleLineCharField(
        _("mark at the desk"),
        max_length=8,
        blank=True,
        help_text=_("Shown before the answer in the desk's list, e.g. 🅿. Empty: not shown at the desk."),
    )
    number_min = models.IntegerField(_("smallest number"), null=True, blank=True)
    number_max = models.IntegerField(_("largest number"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        constraints = [of_a_forum_or_a_series("question_of_a_forum_or_a_series")]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.kind == QuestionKind.YES_NO and not self.options.exists():
            Option.objects.bulk_create(
                Option(question=self, label=label, label_en=label_en, position=position)
                for position, (label, label_en) in enumerate(YES_NO_OPTIONS)
            )

    @property
    def shown_label(self) -> Shown:
        return shown(self.label, self.label_en)

    @property
    def shown_help_text(self) -> Shown:
        return shown(self.help_text, self.help_text_en)

    @property
    def shown_purpose(self) -> Shown:
        return shown(self.purpose, self.purpose_en)

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    def clean(self):
        errors: dict[str, object] = {}
        condition = self.shown_when
        if condition is not None:
            asked_by = condition.question
            if asked_by.pk == self.pk:
                errors["shown_when"] = _("A question cannot depend on its own answer.")
            elif (asked_by.forum_id, asked_by.series_id) != (self.forum_id, self.series_id):
                errors["shown_when"] = _("The condition must be an answer to another question of the same forum.")
        if self.sensitive and self.required:
            # Refusing a separate consent must never cost the registration (PIPA Art. 22 ⑤).
            errors["required"] = _("A sensitive question cannot be required: its consent is optional.")
        if self.number_min is not None and self.number_max is not None and self.number_min > self.number_max:
            errors["number_max"] = _("The largest number must not be smaller than the smallest.")
        for field in ("number_min", "number_max"):
            value = getattr(self, field)
            if value is not None and abs(value) > NUMBER_LIMIT:
                errors[field] = _("Choose a number between -%(limit)s and %(limit)s.") % {"limit": NUMBER_LIMIT}
        if errors:
            raise ValidationError(errors)


class OptionQuerySet(models.QuerySet):
    def with_taken(self):
        """Each option with `taken`: the places held by registrations still active."""
        return self.annotate(
            taken=models.Count("answers", filter=~Q(answers__registration__status="cancelled"), distinct=True)
        )


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    label = SingleLineCharField(_("option"), max_length=100)
    label_en = SingleLineCharField(_("option in English"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    places = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit. When all are taken the option is closed.")
    )

    objects = OptionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return f"{self.question.label}: {self.label}"

    @property
    def shown_label(self) -> Shown:
        return shown(self.label, self.label_en)


class Answer(models.Model):
    """One registration's answer to one question: for a choice, one row per option
    chosen; a removed option leaves its rows with no option, shown as "(삭제된 선택지)"."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(Option, on_delete=models.SET_NULL, null=True, blank=True, related_name="answers")
    text = models.CharField(max_length=TEXT_ANSWER_LENGTH, blank=True)
    number = models.IntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "question", "option"], name="answer_once_per_option"),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.text or self.number}"
