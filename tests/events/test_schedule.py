import datetime

import pytest

from events.models import Weekday, WeekOfMonth
from events.schedule import meeting_date, months_starting


def second_wednesday(year, month):
    return meeting_date(year, month, week_of_month=WeekOfMonth.SECOND, weekday=Weekday.WEDNESDAY)


def test_second_wednesdays_of_2020_match_the_series():
    assert [second_wednesday(2020, month).day for month in range(1, 13)] == [8, 12, 11, 8, 13, 10, 8, 12, 9, 14, 11, 9]


def test_second_wednesday_in_a_month_that_starts_on_a_wednesday():
    assert datetime.date(2020, 7, 1).weekday() == Weekday.WEDNESDAY
    assert second_wednesday(2020, 7) == datetime.date(2020, 7, 8)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2020, 7, datetime.date(2020, 7, 29)),  # five Wednesdays
        (2020, 9, datetime.date(2020, 9, 30)),  # five Wednesdays, starting on a Tuesday
        (2020, 8, None),  # four Wednesdays: no fifth
    ],
)
def test_fifth_wednesday_exists_only_in_some_months(year, month, expected):
    assert meeting_date(year, month, week_of_month=WeekOfMonth.FIFTH, weekday=Weekday.WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2020, 7, datetime.date(2020, 7, 29)),
        (2020, 8, datetime.date(2020, 8, 26)),
        (2021, 2, datetime.date(2021, 2, 24)),
    ],
)
def test_last_wednesday(year, month, expected):
    assert meeting_date(year, month, week_of_month=WeekOfMonth.LAST, weekday=Weekday.WEDNESDAY) == expected


def test_first_monday_when_the_month_starts_on_tuesday():
    assert meeting_date(2020, 9, week_of_month=WeekOfMonth.FIRST, weekday=Weekday.MONDAY) == datetime.date(2020, 9, 7)


def test_months_starting_crosses_the_year():
    assert list(months_starting(2020, 11, 4)) == [(2020, 11), (2020, 12), (2021, 1), (2021, 2)]
