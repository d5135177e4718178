"""Date formats of the site, per language.

Korean: 2020년 9월 9일 (수) 오전 7:30. English: Wednesday, September 9, 2020, 7:30 AM.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import pgettext, pgettext_lazy

register = template.Library()

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
    # Backslashes make each letter of the weekday literal in Django's date format.
    weekday = "".join(f"\\{char}" for char in str(WEEKDAYS[value.weekday()]))
    return date_filter(value, date_format.replace("{weekday}", weekday))


# expects_localtime: aware datetimes arrive converted to Asia/Seoul, as with Django's own `date`.
@register.filter(expects_localtime=True)
def forum_datetime(value):
    return _format(value, pgettext("date format", "{weekday}, F j, Y, g:i A"))


@register.filter(expects_localtime=True)
def forum_date(value):
    return _format(value, pgettext("date format", "{weekday}, F j, Y"))


@register.filter(expects_localtime=True)
def forum_time(value):
    return _format(value, pgettext("date format", "g:i A"))


@register.filter
def paragraphs(text):
    """Split a text written with blank lines between paragraphs."""
    return [part.strip() for part in str(text).split("\n\n") if part.strip()]
