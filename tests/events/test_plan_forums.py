import datetime
import io

import pytest
import time_machine
from django.core.management import CommandError, call_command

from events.models import Forum, ForumStatus
from tests.factories import ForumFactory, SeriesFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def plan(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("plan_forums", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_plan_continues_the_demo_series_after_its_last_forum(demo, day_after_second_forum):
    out, err = plan("--series", "gwangju-ai", "--months", "4")

    new = list(Forum.objects.filter(number__gt=3).order_by("number"))
    assert [(forum.number, forum.starts_at) for forum in new] == [(4, seoul(2020, 10, 14)), (5, seoul(2020, 11, 11))]
    assert {forum.status for forum in new} == {ForumStatus.DRAFT}
    assert [forum.ends_at - forum.starts_at for forum in new] == [datetime.timedelta(hours=2)] * 2
    assert [forum.venue.name for forum in new] == ["광주과학기술진흥원"] * 2
    assert [forum.capacity for forum in new] == [100, 100]
    assert [forum.slug for forum in new] == ["gwangju-ai-4", "gwangju-ai-5"]
    assert out.splitlines() == [
        "2020-08-12: skipped, the series already has a later forum",
        "2020-09-09: a forum already exists",
        "2020-10-14: created forum No. 4 (draft)",
        "2020-11-11: created forum No. 5 (draft)",
    ]
    assert err == ""


def test_plan_run_twice_creates_nothing_more(demo, day_after_second_forum):
    plan("--series", "gwangju-ai", "--months", "4")
    out, _err = plan("--series", "gwangju-ai", "--months", "4")
    assert Forum.objects.count() == 5
    assert "created" not in out


def test_plan_never_duplicates_an_existing_date():
    series = SeriesFactory()
    ForumFactory(series=series, number=1, starts_at=seoul(2020, 10, 14, 18, 0))  # an evening forum on the rule date
    with time_machine.travel(datetime.datetime(2020, 9, 20, tzinfo=SEOUL), tick=False):
        plan("--series", series.slug, "--months", "3")
    assert [timezone_date(forum) for forum in series.forums.order_by("number")] == [
        datetime.date(2020, 10, 14),
        datetime.date(2020, 11, 11),
    ]
    assert list(series.forums.values_list("number", flat=True).order_by("number")) == [1, 2]


def timezone_date(forum):
    return forum.starts_at.astimezone(SEOUL).date()


def test_plan_warns_about_a_public_holiday_and_skips_it():
    series = SeriesFactory()
    # 2024-10-09 is both the second Wednesday of October and 한글날 (Hangul Day).
    with time_machine.travel(datetime.datetime(2024, 9, 20, tzinfo=SEOUL), tick=False):
        out, err = plan("--series", series.slug, "--months", "3")
    assert err == "2024-10-09: not created, public holiday 한글날; plan it by hand\n"
    assert out == "2024-09-11: past, the meeting day is behind us\n2024-11-13: created forum No. 1 (draft)\n"
    assert [timezone_date(forum) for forum in series.forums.all()] == [datetime.date(2024, 11, 13)]


def test_plan_dry_run_creates_nothing(demo, day_after_second_forum):
    out, _err = plan("--series", "gwangju-ai", "--months", "3", "--dry-run")
    assert Forum.objects.count() == 3
    assert "2020-10-14: would create forum No. 4 (draft)" in out.splitlines()


def test_plan_numbers_after_the_highest_number():
    series = SeriesFactory()
    ForumFactory(series=series, number=7, starts_at=seoul(2020, 8, 12))
    with time_machine.travel(datetime.datetime(2020, 8, 20, tzinfo=SEOUL), tick=False):
        plan("--series", series.slug, "--months", "2")
    assert list(series.forums.order_by("number").values_list("number", "starts_at")) == [
        (7, seoul(2020, 8, 12)),
        (8, seoul(2020, 9, 9)),
    ]


def test_plan_unknown_series_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No series with the slug 'nope'"):
        plan("--series", "nope")
