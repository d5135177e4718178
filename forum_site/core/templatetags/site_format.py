"""Template filters of the site: its date formats (forum_site/core/dates.py) and paragraphs.

The `*_unbroken` filters are for what a page shows: each date and each time sits in a
`text-nowrap` span, so that on a 390 px phone a line may break between the date and the
time but never inside "2020년 9월 9일 (수)" or "오전 7:30". The plain filters write text
for attributes, meta descriptions and mails.
"""

from django import template
from django.utils.html import format_html

from forum_site.core.dates import date_and_time_format, forum_date, forum_datetime, forum_time

register = template.Library()

# expects_localtime: aware datetimes arrive converted to Asia/Seoul, as with Django's own `date`.
register.filter("forum_datetime", forum_datetime, expects_localtime=True)
register.filter("forum_date", forum_date, expects_localtime=True)
register.filter("forum_time", forum_time, expects_localtime=True)


def _unbroken(text):
    return format_html('<span class="text-nowrap">{}</span>', text) if text else ""


@register.filter(expects_localtime=True)
def forum_date_unbroken(value):
    return _unbroken(forum_date(value))


@register.filter(expects_localtime=True)
def forum_time_unbroken(value):
    return _unbroken(forum_time(value))


@register.filter(expects_localtime=True)
def forum_datetime_unbroken(value):
    if value in (None, ""):
        return ""
    # The translated joining format is ours, not the user's: format_html escapes only the halves.
    return format_html(date_and_time_format(), date=forum_date_unbroken(value), time=forum_time_unbroken(value))


@register.filter
def paragraphs(text):
    """Split a text written with blank lines between paragraphs."""
    return [part.strip() for part in str(text).split("\n\n") if part.strip()]
