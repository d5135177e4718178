"""Each time boundary of a forum, at the exact instant and one microsecond either side."""

import datetime

import pytest
import time_machine

from attendees.models import cancellation_deadline
from attendees.registrations import services
from events.models import Forum
from tests.factories import ForumFactory, RegistrationFactory, seoul

pytestmark = pytest.mark.django_db
MICROSECOND = datetime.timedelta(microseconds=1)
OPENS = seoul(2030, 1, 1, 9, 0)
CLOSES = seoul(2030, 1, 7, 18, 0)
STARTS = seoul(2030, 1, 8, 7, 30)
ENDS = seoul(2030, 1, 8, 9, 30)
CANCELLATION_DEADLINE = STARTS - datetime.timedelta(hours=12)  # REGISTRATION_CANCELLATION_CLOSES_HOURS


def at(moment, offset):
    return time_machine.travel(moment + offset * MICROSECOND, tick=False)


def forum(**overrides):
    times = {"starts_at": STARTS, "ends_at": ENDS, "registration_opens_at": OPENS, "registration_closes_at": CLOSES}
    return ForumFactory(**{**times, **overrides})


@pytest.mark.parametrize(("offset", "is_open"), [(-1, False), (0, True), (1, True)])
def test_registration_opens_at_the_instant(offset, is_open):
    subject = forum()
    with at(OPENS, offset):
        assert subject.is_registration_open is is_open


@pytest.mark.parametrize(("offset", "is_open"), [(-1, True), (0, False), (1, False)])
def test_registration_closes_at_the_instant(offset, is_open):
    subject = forum()
    with at(CLOSES, offset):
        assert subject.is_registration_open is is_open


@pytest.mark.parametrize(("offset", "is_open"), [(-1, True), (0, False), (1, False)])
def test_without_a_closing_time_registration_closes_when_the_forum_starts(offset, is_open):
    subject = forum(registration_closes_at=None)
    with at(STARTS, offset):
        assert subject.is_registration_open is is_open


@pytest.mark.parametrize(
    ("offset", "is_past", "upcoming", "desk_open"),
    [
        (-1, False, True, True),
        (0, False, True, False),
        (1, True, False, False),
    ],
)
def test_the_forum_is_over_after_its_end(offset, is_past, upcoming, desk_open):
    subject = forum()
    with at(ENDS, offset):
        assert subject.is_past is is_past
        assert Forum.objects.upcoming().filter(pk=subject.pk).exists() is upcoming
        assert Forum.objects.past().filter(pk=subject.pk).exists() is is_past
        assert services.desk_registration_open(subject) is desk_open


@pytest.mark.parametrize(("offset", "cancellable"), [(-1, True), (0, False), (1, False)])
def test_online_cancellation_closes_at_the_deadline(offset, cancellable):
    registration = RegistrationFactory(forum=forum())
    with at(CANCELLATION_DEADLINE, offset):
        assert cancellation_deadline(registration.forum) == CANCELLATION_DEADLINE
        assert services.registration_cancellable(registration) is cancellable
