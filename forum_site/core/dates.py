"""Date formats of the site, per language.

Korean: 2020년 9월 9일 (수) 오전 7:30. English: Wednesday, September 9, 2020, 7:30 AM.
The templates use them as filters (forum_site/core/templatetags/site_format.py); documents
written in Python (the result report) call them directly.
"""

import datetime
import functools

from django.template.defaultfilters import date as date_filter
from django.utils.translation import get_language, pgettext, pgettext_lazy

# Django's own Korean abbreviations read "수요일"; dates here use the short "(수)".
WEEKDAYS = [
    pgettext_lazy("weekday in a date", "Monday"),
    pgettext_lazy("weekday in a date", "Tuesday"),
    pgettext_lazy("weekday in a date", "Wednesday"),
    pgettext_lazy("weekday in a date", "Thursday"),
    pgettext_lazy("weekday in a date", "Friday"),
    pgettext_lazy("weekday in a date", "Saturday"),
    pgettext_lazy("weekday in a date", "Sunday"),
]


def _format(value, date_format: str) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        # The formats name no time zone, so the wall-clock time is all they read; an aware
        # datetime as the key would equal the same instant in any other zone.
        value = value.replace(tzinfo=None)
    return _formatted(value, date_format, get_language())


# A list page writes 40 dates, each about 60 µs through Django's date format, and the
# same forums' dates on every page: each process keeps the latest, as it keeps markdown.
MEMOIZED_DATES = 4096


@functools.lru_cache(maxsize=MEMOIZED_DATES)
def _formatted(value: datetime.date, date_format: str, _language: str) -> str:
    # Backslashes make each letter of the weekday literal in Django's date format.
    weekday = "".join(f"\\{char}" for char in str(WEEKDAYS[value.weekday()]))
    return date_filter(value, date_format.replace("{weekday}", weekday))


def date_and_time_format() -> str:
    """How a date and its time join: "{date} {time}" in Korean, "{date}, {time}" in English.

    The two halves stay separate so that a page can keep each on one line and let a narrow
    screen break only between them (forum_site/core/templatetags/site_format.py).
    """
    return pgettext("date and time", "{date}, {time}")


def forum_datetime(value):
    if value in (None, ""):
        return ""
    return date_and_time_format().format(date=forum_date(value), time=forum_time(value))


def forum_date(value):
    return _format(value, pgettext("date format", "{weekday}, F j, Y"))


def forum_time(value):
    return _format(value, pgettext("date format", "g:i A"))
