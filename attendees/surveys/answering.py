"""The survey's form, and an answer stored once and without its person."""

import datetime

from crispy_forms.helper import FormHelper
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from attendees.models import (
    RATING_LEVELS,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyItemKind,
    SurveyResponse,
)
from forum_site.core import clock

LONGEST_TEXT = 2000


class AlreadyAnswered(Exception):
    pass


def survey_is_closed(survey, *, today: datetime.date | None = None) -> bool:
    today = today or clock.now().date()
    return survey.closes_on is not None and today > survey.closes_on


def item_name(item: SurveyItem) -> str:
    return f"item_{item.pk}"


class SurveyForm(forms.Form):
    def __init__(self, *args, items: list[SurveyItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[item_name(item)] = _field(item)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def groups(self) -> list[tuple[bool, list]]:
        """The fields in order, consecutive rating items grouped: (is_rating_grid, bound fields).
        A grid shares one header of the five levels on a desktop."""
        groups: list[tuple[bool, list]] = []
        for item in self.items:
            rating = item.kind == SurveyItemKind.RATING
            if groups and rating and groups[-1][0]:
                groups[-1][1].append(self[item_name(item)])
            else:
                groups.append((rating, [self[item_name(item)]]))
        return groups


def _field(item: SurveyItem) -> forms.Field:
    label, required = str(item.shown_label), item.required
    messages = {"required": _("Please answer this item.")}
    if item.kind == SurveyItemKind.RATING:
        choices: list[tuple[str, object]] = [(str(level), name) for level, name in RATING_LEVELS]
        # Each level is named by its column; the row's item describes it (_rating_grid.html).
        described = forms.RadioSelect(attrs={"aria-describedby": f"id_{item_name(item)}_label"})
        return forms.TypedChoiceField(
            label=label, required=required, choices=choices, coerce=int, widget=described, error_messages=messages
        )
    if item.kind == SurveyItemKind.TEXT:
        return forms.CharField(
            label=label, required=required, max_length=LONGEST_TEXT, widget=forms.Textarea(attrs={"rows": 3}),
            error_messages=messages,
        )  # fmt: skip
    choices = [(str(choice.pk), str(choice.shown_label)) for choice in item.choices.all()]
    if item.kind == SurveyItemKind.SEVERAL_CHOICES:
        return forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple,
            error_messages=messages,
        )  # fmt: skip
    return forms.ChoiceField(
        label=label, required=required, choices=choices, widget=forms.RadioSelect, error_messages=messages
    )


def _answers(response: SurveyResponse, form: SurveyForm) -> list[SurveyAnswer]:
    rows = []
    for item in form.items:
        value = form.cleaned_data.get(item_name(item))
        if value in (None, "", []):
            continue
        if item.kind == SurveyItemKind.RATING:
            rows.append(SurveyAnswer(response=response, item=item, rating=value))
        elif item.kind == SurveyItemKind.TEXT:
            rows.append(SurveyAnswer(response=response, item=item, text=str(value).strip()))
        else:
            keys = value if isinstance(value, list) else [value]
            rows += [SurveyAnswer(response=response, item=item, choice_id=int(key)) for key in keys]
    return rows


def survey_answer(invitation: SurveyInvitation, form: SurveyForm) -> None:
    """Store the answers, anonymously, and mark the invitation answered: once. The
    invitation's row is locked, so a double submit stores one response."""
    with transaction.atomic():
        locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.answered:
            raise AlreadyAnswered()
        response = SurveyResponse.objects.create(survey_id=locked.survey_id)
        SurveyAnswer.objects.bulk_create(_answers(response, form))
        locked.answered = True
        locked.save(update_fields=["answered"])
