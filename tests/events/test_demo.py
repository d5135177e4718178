"""The mission scenario: the series as it stood the morning after its second forum."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.forms.models import model_to_dict

from events.models import Forum, PullQuote, Series, Talk, TalkSpeaker, Venue
from speakers.models import Speaker
from tests.factories import seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def test_day_after_second_forum_first_two_are_past_third_is_upcoming(demo, day_after_second_forum):
    assert [forum.number for forum in Forum.objects.published().past()] == [2, 1]
    assert [forum.number for forum in Forum.objects.published().upcoming()] == [3]


def test_demo_history_follows_the_record(demo):
    forums = {forum.number: forum for forum in Forum.objects.select_related("venue")}
    assert forums[1].starts_at.astimezone(SEOUL).date() == datetime.date(2020, 6, 10)
    assert forums[2].starts_at == seoul(2020, 8, 5, 7, 30)
    assert forums[3].starts_at == seoul(2020, 9, 9, 7, 30)
    assert str(forums[2].venue) == "광주과학기술진흥원 12층 국제회의실"
    assert forums[1].talks.get().speakers.get().name == "박영선"

    talk = forums[2].talks.get()
    assert talk.title == "인공지능과 산업혁신"
    assert [(s.name, s.organization, s.position) for s in talk.speakers.all()] == [("이경일", "㈜솔트룩스", "대표이사")]
    assert talk.summary.count("\n\n") >= 2  # a few paragraphs
    assert talk.quotes.count() == 3
    assert {quote.speaker.name for quote in talk.quotes.all()} == {"이경일"}
    assert forums[2].report != ""
    assert forums[3].talks.count() == 0


def test_demo_series_meets_on_the_second_wednesday(demo):
    series = Series.objects.get(slug="gwangju-ai")
    assert (series.week_of_month, series.weekday, series.default_start_time) == (2, 2, datetime.time(7, 30))


def test_third_forum_registration_open_until_the_day_before(demo):
    forum = Forum.objects.get(number=3)
    with time_machine.travel(datetime.datetime(2020, 9, 8, 23, 59, tzinfo=SEOUL), tick=False):
        assert forum.is_registration_open is True
    with time_machine.travel(datetime.datetime(2020, 9, 9, 0, 0, tzinfo=SEOUL), tick=False):
        assert forum.is_registration_open is False


def snapshot():
    models = [Venue, Series, Forum, Speaker, Talk, TalkSpeaker, PullQuote]
    return {model.__name__: [model_to_dict(obj) for obj in model.objects.order_by("pk")] for model in models}


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
