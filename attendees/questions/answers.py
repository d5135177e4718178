"""A registration's answers: stored with the registration, under the forum's lock, where
an option's places are counted; shown on the person's page, in their mail, at the desk
and in the exports; counted for the forum's admin page."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from attendees.models import CHOICE_KINDS, Answer, Option, Question, QuestionKind, Registration, RegistrationStatus
from attendees.questions.form_fields import Given

REMOVED_OPTION = _("(removed option)")


class OptionFull(Exception):
    """An option's places were all taken by the time the lock was held."""

    def __init__(self, question: Question, option: Option):
        super().__init__(option.label)
        self.question, self.option = question, option


def places_check(given: list[Given], *, holder: Registration | None = None) -> None:
    """Raise OptionFull for a chosen option with no place left. Caller holds the forum's
    lock: no one else can take a place between this count and the answers' insert.
    One query, and none when no chosen option has places."""
    limited = {option.pk: (answer.question, option) for answer in given for option in answer.options if option.places}
    if not limited:
        return
    held = Answer.objects.filter(option__in=limited).exclude(registration__status=RegistrationStatus.CANCELLED)
    if holder is not None:
        held = held.exclude(registration=holder)
    taken = dict(held.values_list("option").annotate(count=Count("pk")).values_list("option", "count"))
    for pk, (question, option) in limited.items():
        if taken.get(pk, 0) >= option.places:
            raise OptionFull(question, option)


def _rows(registration: Registration, given: list[Given]) -> list[Answer]:
    rows = []
    for answer in given:
        if answer.options:
            rows += [Answer(registration=registration, question=answer.question, option=o) for o in answer.options]
        else:
            rows.append(
                Answer(registration=registration, question=answer.question, text=answer.text, number=answer.number)
            )
    return rows


def answers_save(registration: Registration, given: list[Given]) -> None:
    """Store a new registration's answers: one insert. Caller holds the forum's lock."""
    if given:
        Answer.objects.bulk_create(_rows(registration, given))


def answers_replace(registration: Registration, given: list[Given]) -> None:
    """The person's corrected answers replace theirs. Caller holds the forum's lock."""
    registration.answers.all().delete()
    answers_save(registration, given)


def answers_given(registration: Registration, questions: list[Question]) -> dict[int, Given]:
    """What the registration answered, by question, as the form takes it back."""
    by_question: dict[int, list[Answer]] = defaultdict(list)
    for row in registration.answers.all():
        by_question[row.question_id].append(row)
    options = {option.pk: option for question in questions for option in question.options.all()}
    given = {}
    for question in questions:
        rows = by_question.get(question.pk)
        if rows:
            chosen = tuple(options[row.option_id] for row in rows if row.option_id in options)
            given[question.pk] = Given(question, options=chosen, text=rows[0].text, number=rows[0].number)
    return given


@dataclass(frozen=True)
class AnswerShown:
    question: Question
    value: str


def _value(question: Question, rows: list[Answer]) -> str:
    if question.kind == QuestionKind.TEXT:
        return rows[0].text
    if question.kind == QuestionKind.NUMBER:
        return "" if rows[0].number is None else str(rows[0].number)
    return ", ".join(str(row.option.shown_label) if row.option else str(REMOVED_OPTION) for row in rows)


def answers_shown(answers, questions) -> list[AnswerShown]:
    """(question, the answer as words) for each question answered, in question order;
    `answers` are the registration's Answer rows with their options."""
    by_question: dict[int, list[Answer]] = defaultdict(list)
    for row in answers:
        by_question[row.question_id].append(row)
    return [AnswerShown(q, _value(q, by_question[q.pk])) for q in questions if by_question.get(q.pk)]


def registration_answers_shown(registration: Registration) -> list[AnswerShown]:
    """The registration's answers in words (two queries)."""
    answers = list(registration.answers.select_related("option"))
    if not answers:
        return []
    questions = list(Question.objects.filter(pk__in={a.question_id for a in answers}))
    return answers_shown(answers, questions)


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int
    places: int | None


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    options: list[OptionCount]
    answered: int


def forum_summary(forum) -> list[QuestionSummary]:
    """One count per option of each question (식사 54 / 불참 12, 주차 9 of 10), of the
    registrations still active; for text and number questions, how many answered."""
    active = ~Q(answers__registration__status=RegistrationStatus.CANCELLED)
    questions = list(
        Question.objects.filter(forum=forum).annotate(
            answered=Count("answers__registration", filter=active, distinct=True)
        )
    )
    options = defaultdict(list)
    for option in Option.objects.filter(question__forum=forum).with_taken().order_by("position", "pk"):
        options[option.question_id].append(OptionCount(str(option.shown_label), option.taken, option.places))
    removed = dict(
        Answer.objects.filter(question__forum=forum, option__isnull=True, question__kind__in=CHOICE_KINDS)
        .exclude(registration__status=RegistrationStatus.CANCELLED)
        .values_list("question")
        .annotate(count=Count("pk"))
        .values_list("question", "count")
    )
    summaries = []
    for question in questions:
        counts = options[question.pk]
        if removed.get(question.pk):
            counts = [*counts, OptionCount(str(REMOVED_OPTION), removed[question.pk], None)]
        summaries.append(QuestionSummary(question, counts, question.answered))
    return summaries


def desk_marks(forum) -> dict[int, list[str]]:
    """Each registration's answers to the questions marked for the desk, as the desk shows
    them: "🅿" for a yes, "🅿 12가3456" for a text. One query for the whole forum."""
    marks: dict[int, list[str]] = defaultdict(list)
    rows = (
        Answer.objects.filter(registration__forum=forum)
        .exclude(question__desk_mark="")
        .select_related("question", "option")
        .order_by("question__position", "question_id", "option__position")
    )
    for row in rows:
        question, mark = row.question, row.question.desk_mark
        if question.kind == QuestionKind.YES_NO:
            if row.option is not None and row.option.position == 0:  # 예
                marks[row.registration_id].append(mark)
        elif question.is_choice:
            label = row.option.shown_label if row.option else REMOVED_OPTION
            marks[row.registration_id].append(f"{mark} {label}")
        else:
            value = row.text if question.kind == QuestionKind.TEXT else row.number
            marks[row.registration_id].append(f"{mark} {value}")
    return marks


def desk_filters(forum) -> list[tuple[str, str]]:
    """(mark, question) of the questions the desk can filter its list by."""
    return list(Question.objects.filter(forum=forum).exclude(desk_mark="").values_list("desk_mark", "label").distinct())
