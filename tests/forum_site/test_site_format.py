"""The site's date formats: per language, in Asia/Seoul wall-clock time, and the same
when a process has written the date before (the formats are remembered)."""

import datetime
import zoneinfo

from django.utils import timezone, translation

from forum_site.core.dates import forum_date, forum_datetime, forum_time
from tests.factories import seoul


def test_a_forum_morning_reads_in_korean_and_in_english():
    starts = seoul(2020, 9, 9)
    assert forum_datetime(timezone.localtime(starts)) == "2020년 9월 9일 (수) 오전 7:30"
    with translation.override("en"):
        assert forum_datetime(timezone.localtime(starts)) == "Wednesday, September 9, 2020, 7:30 AM"
    assert forum_datetime(timezone.localtime(starts)) == "2020년 9월 9일 (수) 오전 7:30"


def test_the_same_instant_in_another_zone_reads_its_own_wall_clock():
    # Equal instants are equal datetimes: a date remembered in Seoul time must not be
    # handed back for the same instant seen from UTC (the evening before).
    starts = seoul(2020, 9, 9)
    in_utc = starts.astimezone(datetime.UTC)
    assert starts == in_utc
    assert forum_datetime(starts) == "2020년 9월 9일 (수) 오전 7:30"
    assert forum_datetime(in_utc) == "2020년 9월 8일 (화) 오후 10:30"
    assert forum_date(in_utc) == "2020년 9월 8일 (화)"
    assert forum_time(starts.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))) == "오전 12:30"


def test_a_plain_date_and_an_empty_value():
    assert forum_date(datetime.date(2020, 6, 10)) == "2020년 6월 10일 (수)"
    assert forum_date(None) == ""
    assert forum_datetime("") == ""
