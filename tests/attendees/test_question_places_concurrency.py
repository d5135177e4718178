"""Thirty people ask for parking at the same moment, with ten places (PostgreSQL): the
places are counted under the forum's lock, as the seats are, so ten get one, twenty are
told it is full, and a question edited by staff meanwhile loses nothing."""

import collections
import functools

import pytest

from attendees.models import Answer, Question, QuestionKind
from attendees.questions.answers import OptionFull
from attendees.questions.form_fields import Given
from attendees.registrations import services
from tests.concurrency import run_together
from tests.factories import ForumFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 30
PLACES = 10


def test_thirty_at_once_never_take_eleven_parking_places(postgres_only):
    forum = ForumFactory(capacity=100)
    parking = Question.objects.create(forum=forum, kind=QuestionKind.YES_NO, label="주차 지원", purpose="주차 배정")
    yes = parking.options.get(label="예")
    yes.places = PLACES
    yes.save()

    def register(index):
        try:
            services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"driver{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
                answers=[Given(parking, options=(yes,))],
            )
        except OptionFull:
            return "full"
        return "parked"

    def staff_edits_the_question():
        Question.objects.filter(pk=parking.pk).update(help_text="행사장 주차 10면")
        return "edited"

    calls = [functools.partial(register, index) for index in range(PEOPLE)] + [staff_edits_the_question]
    outcomes, errors = run_together(calls)
    assert errors == []
    assert collections.Counter(outcomes) == {"parked": PLACES, "full": PEOPLE - PLACES, "edited": 1}
    assert Answer.objects.filter(option=yes).count() == PLACES
    # A person told "full" stored nothing: no registration without the answer they chose.
    assert forum.registrations.count() == PLACES
