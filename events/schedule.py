"""The monthly schedule rule: which day of a month a series meets on."""

import calendar
import datetime
from collections.abc import Iterator

from .models import WeekOfMonth


def meeting_date(year: int, month: int, *, week_of_month: int, weekday: int) -> datetime.date | None:
    """The date of the rule in that month, or None when the month has no such day
    (a "fifth Wednesday" in a month with four)."""
    days_in_month = calendar.monthrange(year, month)[1]
    if week_of_month == WeekOfMonth.LAST:
        last = datetime.date(year, month, days_in_month)
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)
    first = datetime.date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (week_of_month - 1)
    return datetime.date(year, month, day) if day <= days_in_month else None


def months_starting(year: int, month: int, count: int) -> Iterator[tuple[int, int]]:
    """(year, month) pairs for `count` consecutive months from the given one."""
    for offset in range(count):
        index = year * 12 + (month - 1) + offset
        yield index // 12, index % 12 + 1
