"""A forum's questions as fields of a form: the registration form, the attendee's own
correction page, the desk's walk-in form.

Each question is one field ("question_<pk>"), a sensitive one adds its own consent box.
Every field is optional to Django: whether an answer is required depends on whether the
question is shown, which depends on another answer (a car number only when parking is
asked for), so clean_answers() decides. An answer to a question that is not shown is
dropped, not stored, whatever a hand-made post sends; so is a sensitive answer without
its consent. An option whose places are all taken is shown closed and refused."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from attendees.models import TEXT_ANSWER_LENGTH, Option, Question, QuestionKind

# Django's own IntegerField bounds: no number beyond these reaches the database.
NUMBER_BOUND = 2_147_483_647


@dataclass(frozen=True)
class Given:
    """What a person answered to one question, cleaned."""

    question: Question
    options: tuple[Option, ...] = ()
    text: str = ""
    number: int | None = None


@dataclass
class Asked:
    """A forum's questions, with the places each option has left, as one form asks them."""

    questions: list[Question]
    # Options the person already holds (their own answers, when they correct them): never
    # closed to them, whoever took the other places.
    held: frozenset[int] = field(default_factory=frozenset)

    def is_full(self, option: Option) -> bool:
        taken = getattr(option, "taken", 0)
        return option.places is not None and option.pk not in self.held and taken >= option.places


def forum_questions(forum) -> list[Question]:
    """The forum's questions in order, each with its options and their places taken: two
    queries whatever the number of questions and answers (one when there are none)."""
    return list(
        Question.objects.filter(forum=forum)
        .select_related("shown_when")
        .prefetch_related(Prefetch("options", Option.objects.with_taken().order_by("position", "pk")))
    )


def option_full_message(option: Option) -> str:
    return _("“%(option)s” is full: all its places are taken. Please choose another answer.") % {
        "option": option.shown_label
    }


def field_name(question: Question) -> str:
    return f"question_{question.pk}"


def consent_name(question: Question) -> str:
    return f"question_{question.pk}_consent"


class OptionsRadio(forms.RadioSelect):
    """Radio buttons whose closed options (all places taken) cannot be chosen."""

    closed: frozenset = frozenset()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.closed:
            option["attrs"]["disabled"] = True
        return option


class OptionsCheckboxes(OptionsRadio, forms.CheckboxSelectMultiple):
    pass


def _choices(question: Question, asked: Asked) -> tuple[list[tuple[str, str]], frozenset[str]]:
    choices, closed = [], set()
    for option in question.options.all():
        label = str(option.shown_label)
        if asked.is_full(option):
            label = _("%(option)s (full)") % {"option": label}
            closed.add(str(option.pk))
        elif option.places is not None:
            left = option.places - getattr(option, "taken", 0)
            label = _("%(option)s (%(left)s left)") % {"option": label, "left": max(left, 0)}
        choices.append((str(option.pk), label))
    return choices, frozenset(closed)


def question_field(question: Question, asked: Asked) -> forms.Field:
    made = _field_of_its_kind(question, asked)
    # Required only where shown (clean_answers decides), so never to Django; the label says it as the others do.
    made.label = str(question.shown_label) + ("*" if question.required else "")
    made.help_text, made.required = str(question.shown_help_text), False
    return made


def _field_of_its_kind(question: Question, asked: Asked) -> forms.Field:
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(max_length=TEXT_ANSWER_LENGTH)
    if question.kind == QuestionKind.NUMBER:
        low = question.number_min if question.number_min is not None else -NUMBER_BOUND
        high = question.number_max if question.number_max is not None else NUMBER_BOUND
        numeric = forms.NumberInput(attrs={"inputmode": "numeric"})
        return forms.IntegerField(min_value=low, max_value=high, widget=numeric)
    choices, closed = _choices(question, asked)
    if question.kind == QuestionKind.SEVERAL_CHOICES:
        boxes = OptionsCheckboxes()
        boxes.closed = closed
        return forms.MultipleChoiceField(choices=choices, widget=boxes)
    radios = OptionsRadio()
    radios.closed = closed
    return forms.ChoiceField(choices=choices, widget=radios)


class QuestionsFormMixin:
    """Adds a forum's questions to a form; clean_answers() gives what was answered."""

    asked: Asked | None = None

    def questions_add(self, asked: Asked, *, answers: dict[int, Given] | None = None) -> None:
        self.asked = asked
        fields = self.fields  # type: ignore[attr-defined]
        for question in asked.questions:
            name = field_name(question)
            fields[name] = question_field(question, asked)
            condition = question.shown_when
            if condition is not None:
                # forms.js shows the field only while the condition's option is chosen.
                fields[name].widget.attrs["data-shown-when"] = f"question_{condition.question_id}={condition.pk}"
            if question.sensitive:
                fields[consent_name(question)] = forms.BooleanField(
                    required=False,
                    label=_(
                        "I agree that my answer above, which is sensitive information, is used for: %(purpose)s. "
                        "(optional: without it, the answer is not stored)"
                    )
                    % {"purpose": question.shown_purpose},
                )
                if condition is not None:
                    fields[consent_name(question)].widget.attrs["data-shown-when"] = fields[name].widget.attrs[
                        "data-shown-when"
                    ]
            given = (answers or {}).get(question.pk)
            if given is not None:
                fields[name].initial = _initial(question, given)
                if question.sensitive:
                    fields[consent_name(question)].initial = True

    def question_names(self) -> list[str]:
        if self.asked is None:
            return []
        names = []
        for question in self.asked.questions:
            names.append(field_name(question))
            if question.sensitive:
                names.append(consent_name(question))
        return names

    def clean_answers(self) -> list[Given]:
        """The answers to store, in question order; field errors for what must be fixed."""
        if self.asked is None:
            return []
        data = self.cleaned_data  # type: ignore[attr-defined]
        chosen: dict[int, set[int]] = {}
        given: list[Given] = []
        for question in self.asked.questions:  # in order: a condition comes before what it shows
            name = field_name(question)
            condition = question.shown_when
            if condition is not None and condition.pk not in chosen.get(condition.question_id, set()):
                data.pop(name, None)  # not shown: whatever was posted is dropped
                continue
            answer = _given(question, data.get(name))
            if answer is None:
                if question.required:
                    self.add_error(name, _("Please answer this question."))  # type: ignore[attr-defined]
                continue
            full = [option for option in answer.options if self.asked.is_full(option)]
            if full:
                self.add_error(name, option_full_message(full[0]))  # type: ignore[attr-defined]
                continue
            chosen[question.pk] = {option.pk for option in answer.options}
            if question.sensitive and not data.get(consent_name(question)):
                continue  # no separate consent: the answer is not stored (PIPA Art. 23)
            given.append(answer)
        return given


def _given(question: Question, value) -> Given | None:
    if question.kind == QuestionKind.TEXT:
        text = (value or "").strip()
        return Given(question, text=text) if text else None
    if question.kind == QuestionKind.NUMBER:
        return Given(question, number=value) if value is not None else None
    keys = set(value if isinstance(value, list) else [value] if value else [])
    options = tuple(option for option in question.options.all() if str(option.pk) in keys)
    return Given(question, options=options) if options else None


def _initial(question: Question, given: Given):
    if question.kind == QuestionKind.TEXT:
        return given.text
    if question.kind == QuestionKind.NUMBER:
        return given.number
    keys = [str(option.pk) for option in given.options]
    return keys if question.kind == QuestionKind.SEVERAL_CHOICES else (keys[0] if keys else None)
