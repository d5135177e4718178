"""Template filters of the site: its date formats (forum_site/core/dates.py) and paragraphs."""

from django import template

from forum_site.core.dates import forum_date, forum_datetime, forum_time

register = template.Library()

# expects_localtime: aware datetimes arrive converted to Asia/Seoul, as with Django's own `date`.
register.filter("forum_datetime", forum_datetime, expects_localtime=True)
register.filter("forum_date", forum_date, expects_localtime=True)
register.filter("forum_time", forum_time, expects_localtime=True)


@register.filter
def paragraphs(text):
    """Split a text written with blank lines between paragraphs."""
    return [part.strip() for part in str(text).split("\n\n") if part.strip()]
