"""What a new forum of a series starts with, and what publishing it sets: the series'
defaults (the next number, the next meeting day by its rule, times, venue, capacity) and
its registration window (opening N days before, closing at the end of the day before)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from forum_site.core import clock
from forum_site.core.dates import forum_date, forum_time

from .models import Forum, ForumStatus, Series
from .schedule import meeting_date, months_starting


def next_meeting_date(series: Series, *, after: datetime.date) -> datetime.date:
    """The first day of the series' rule after `after` (a "fifth Wednesday" skips the
    months without one)."""
    for year, month in months_starting(after.year, after.month, 24):
        date = meeting_date(year, month, week_of_month=series.week_of_month, weekday=series.weekday)
        if date is not None and date > after:
            return date
    raise ValueError("the series' rule gives no date in two years")


def new_forum_initial(series: Series) -> dict:
    """The add-forum form's initial values for this series."""
    last = series.forums.order_by("-number").first()
    after = max(clock.today(), timezone.localdate(last.starts_at)) if last else clock.today()
    starts_at = datetime.datetime.combine(
        next_meeting_date(series, after=after), series.default_start_time, tzinfo=timezone.get_default_timezone()
    )
    return {
        "series": series.pk,
        "number": (last.number if last else 0) + 1,
        "starts_at": starts_at,
        "ends_at": starts_at + series.default_duration,
        "venue": series.default_venue_id,
        "capacity": series.default_capacity,
        "status": ForumStatus.DRAFT,
    }


def registration_window(forum: Forum) -> tuple[datetime.datetime, datetime.datetime]:
    """Opening `registration_opens_days_before` days before the start, closing at midnight
    before the forum's day (the desk registers walk-ins on the morning itself)."""
    local_start = timezone.localtime(forum.starts_at)
    closes = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
    return local_start - datetime.timedelta(days=forum.series.registration_opens_days_before), closes


def _stored_status_locked(forum: Forum) -> str:
    """The forum's stored status, its row locked until the transaction ends: the same lock
    the registration services take, so no one registers while the forum changes state."""
    return Forum.objects.select_for_update().values_list("status", flat=True).get(pk=forum.pk)


def forum_publish(forum: Forum) -> bool:
    """Publish a draft: it opens for registration as its series says, unless staff set its
    window by hand. The one way to publish, for the list's action and the forum's form
    (whose other edits on `forum` are saved with it). False when it was not a draft."""
    with transaction.atomic():
        if forum.pk is None:  # a new forum chosen as published: stored as a draft first
            forum.status = ForumStatus.DRAFT
            forum.save()
        if _stored_status_locked(forum) != ForumStatus.DRAFT:
            return False
        opens, closes = registration_window(forum)
        forum.registration_opens_at = forum.registration_opens_at or opens
        forum.registration_closes_at = forum.registration_closes_at or closes
        forum.status = ForumStatus.PUBLISHED
        forum.save()  # save(): the page cache and the edit history follow
    return True


def forum_unpublish(forum: Forum) -> bool:
    """Take a published forum back to a draft (its other edits on `forum` saved with it).
    False when it was not published. Whether anyone registered may forbid it is the
    registrations' to say (attendees/registrations/forum_changes.py)."""
    with transaction.atomic():
        if _stored_status_locked(forum) != ForumStatus.PUBLISHED:
            return False
        forum.status = ForumStatus.DRAFT
        forum.save()
    return True


def registration_opening_line(forum: Forum) -> str:
    """When a published forum takes registrations, for the message staff read after
    publishing it: from a date, from now, or not at all (its window has passed)."""
    now = clock.now()
    name = forum.display_number
    if (forum.registration_closes_at and forum.registration_closes_at <= now) or forum.starts_at <= now:
        return gettext("%(forum)s takes no registrations: its registration period is over.") % {"forum": name}
    if forum.registration_opens_at and now < forum.registration_opens_at:
        opens = timezone.localtime(forum.registration_opens_at)
        return gettext("%(forum)s opens for registration on %(date)s at %(time)s.") % {
            "forum": name,
            "date": forum_date(opens),
            "time": forum_time(opens),
        }
    return gettext("%(forum)s takes registrations from now on.") % {"forum": name}
