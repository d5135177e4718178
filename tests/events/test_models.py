import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Forum, ForumStatus
from tests.factories import ForumFactory, SeriesFactory, seoul

pytestmark = pytest.mark.django_db


def test_forum_number_unique_within_series():
    forum = ForumFactory(number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumFactory(series=forum.series, number=3)


def test_forum_same_number_allowed_in_another_series():
    ForumFactory(number=3)
    ForumFactory(number=3)
    assert Forum.objects.filter(number=3).count() == 2


def test_forum_number_zero_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumFactory(number=0)


def test_forum_negative_capacity_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumFactory(capacity=-1)


def test_forum_zero_capacity_allowed():
    assert ForumFactory(capacity=0).capacity == 0


def test_forum_ending_before_start_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumFactory(starts_at=seoul(2030, 1, 8), ends_at=seoul(2030, 1, 8, 7, 0))


def test_forum_ending_before_start_explained_by_validation():
    forum = ForumFactory.build(
        series=SeriesFactory(), venue=None, starts_at=seoul(2030, 1, 8), ends_at=seoul(2030, 1, 8)
    )
    with pytest.raises(ValidationError) as error:
        forum.full_clean()
    assert error.value.messages == ["포럼 종료 시각은 시작 시각보다 뒤여야 합니다."]


def test_forum_display_number_in_korean():
    assert str(ForumFactory(number=3, title="인공지능과 산업혁신").display_number) == "제3차"


def test_published_hides_drafts_keeps_cancelled():
    published = ForumFactory(status=ForumStatus.PUBLISHED)
    cancelled = ForumFactory(status=ForumStatus.CANCELLED)
    ForumFactory(status=ForumStatus.DRAFT)
    assert set(Forum.objects.published()) == {published, cancelled}


@time_machine.travel(
    datetime.datetime(2030, 3, 13, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9))), tick=False
)
def test_upcoming_and_past_split_on_the_end_of_the_forum():
    series = SeriesFactory()
    last_month = ForumFactory(series=series, number=1, starts_at=seoul(2030, 2, 12))
    under_way = ForumFactory(series=series, number=2, starts_at=seoul(2030, 3, 13))  # 07:30-09:30, now 08:00
    next_month = ForumFactory(series=series, number=3, starts_at=seoul(2030, 4, 10))
    much_later = ForumFactory(series=series, number=4, starts_at=seoul(2030, 5, 8))

    assert list(Forum.objects.upcoming()) == [under_way, next_month, much_later]
    assert list(Forum.objects.past()) == [last_month]


@time_machine.travel(
    datetime.datetime(2030, 3, 13, 9, 31, tzinfo=datetime.timezone(datetime.timedelta(hours=9))), tick=False
)
def test_forum_is_past_once_it_has_ended():
    forum = ForumFactory(starts_at=seoul(2030, 3, 13))
    assert forum.is_past is True
    assert list(Forum.objects.past()) == [forum]
    assert list(Forum.objects.upcoming()) == []


@time_machine.travel(
    datetime.datetime(2030, 1, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9))), tick=False
)
@pytest.mark.parametrize(
    ("status", "opens", "closes", "expected"),
    [
        (ForumStatus.PUBLISHED, None, None, True),
        (ForumStatus.DRAFT, None, None, False),
        (ForumStatus.CANCELLED, None, None, False),
        (ForumStatus.PUBLISHED, seoul(2030, 1, 2, 0, 0), None, False),  # not yet open
        (ForumStatus.PUBLISHED, seoul(2029, 12, 1, 0, 0), seoul(2030, 1, 1, 12, 0), False),  # just closed
        (ForumStatus.PUBLISHED, seoul(2029, 12, 1, 0, 0), seoul(2030, 1, 1, 12, 1), True),
    ],
)
def test_forum_registration_window(status, opens, closes, expected):
    forum = ForumFactory(
        status=status, starts_at=seoul(2030, 1, 8), registration_opens_at=opens, registration_closes_at=closes
    )
    assert forum.is_registration_open is expected
