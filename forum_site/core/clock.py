"""The project's one clock: every "now" and "today" comes from here.

Setting FORUM_SITE_TODAY=YYYY-MM-DD makes the whole site live on that day (at the
current local time of day), so a demo or a training session can show the series as it
stood then. FORUM_SITE_TODAY=YYYY-MM-DDTHH:MM starts the clock at that moment when the
process starts, and lets it run: a demo can watch the afternoon before a forum turn
into the hour its reminders go out. Tests freeze the real clock with time-machine instead.
"""

import datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime.datetime:
    """The current aware datetime, moved to the demo day when one is configured."""
    real_now = timezone.localtime(timezone.now())
    demo_day = settings.FORUM_SITE_TODAY
    if demo_day is None:
        return real_now
    if isinstance(demo_day, datetime.datetime):  # a moment, and the time since the process started
        return timezone.localtime(demo_day + (real_now - settings.FORUM_SITE_CLOCK_SET_AT))
    return real_now.replace(year=demo_day.year, month=demo_day.month, day=demo_day.day)


def today() -> datetime.date:
    """The current local date (Asia/Seoul)."""
    return timezone.localdate(now())
