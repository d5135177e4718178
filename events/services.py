"""Writes on forums: planning the monthly schedule of a series, ordering a talk's speakers."""

import dataclasses
import datetime
import enum

import holidays
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .models import Forum, ForumStatus, Series, TalkSpeaker
from .schedule import meeting_date, months_starting


class PlanOutcome(enum.Enum):
    CREATE = "create"
    EXISTS = "exists"  # a forum is already on that date
    BEFORE_LAST = "before_last"  # the series already continues past that date
    HOLIDAY = "holiday"  # a Korean public holiday: staff decide by hand
    PAST = "past"  # the month's meeting day is today or behind us
    NO_MEETING_DAY = "no_meeting_day"  # the month has no such day (a fifth Wednesday); its date is the 1st


@dataclasses.dataclass(frozen=True)
class PlannedDate:
    date: datetime.date
    outcome: PlanOutcome
    number: int | None = None
    holiday_name: str = ""


def _forum_local_date(forum: Forum) -> datetime.date:
    return timezone.localdate(forum.starts_at)


def forum_schedule_plan(*, series: Series, months: int, today: datetime.date) -> list[PlannedDate]:
    """Each of this and the next months-1 months with its meeting date and what planning
    would do about it: a month whose day has passed, or that has no such day, says so."""
    forums = list(series.forums.only("number", "starts_at"))
    taken_dates = {_forum_local_date(forum) for forum in forums}
    last_date = max(taken_dates, default=None)
    next_number = max((forum.number for forum in forums), default=0) + 1
    korean_holidays = holidays.country_holidays("KR", language="ko")

    plan = []
    for year, month in months_starting(today.year, today.month, months):
        date = meeting_date(year, month, week_of_month=series.week_of_month, weekday=series.weekday)
        if date is None:
            plan.append(PlannedDate(datetime.date(year, month, 1), PlanOutcome.NO_MEETING_DAY))
        elif date <= today:
            plan.append(PlannedDate(date, PlanOutcome.PAST))
        elif date in taken_dates:
            plan.append(PlannedDate(date, PlanOutcome.EXISTS))
        elif last_date is not None and date < last_date:
            # Numbers follow dates: a forum slotted before the last one would be
            # numbered after it.
            plan.append(PlannedDate(date, PlanOutcome.BEFORE_LAST))
        elif date in korean_holidays:
            plan.append(PlannedDate(date, PlanOutcome.HOLIDAY, holiday_name=korean_holidays.get(date)))
        else:
            plan.append(PlannedDate(date, PlanOutcome.CREATE, number=next_number))
            next_number += 1
    return plan


def forums_plan(*, series: Series, months: int, today: datetime.date) -> tuple[list[PlannedDate], list[Forum]]:
    """Create the planned forums as drafts with the series' defaults.

    The series row is locked so that two staff planning at once cannot both take the
    same number; running it again creates nothing new.
    """
    with transaction.atomic():
        Series.objects.select_for_update().get(pk=series.pk)
        plan = forum_schedule_plan(series=series, months=months, today=today)
        seoul = timezone.get_default_timezone()
        created = []
        for planned in plan:
            if planned.outcome is not PlanOutcome.CREATE or planned.number is None:
                continue  # a planned forum to create always has its number
            starts_at = datetime.datetime.combine(planned.date, series.default_start_time, tzinfo=seoul)
            created.append(
                Forum.objects.create(
                    series=series,
                    number=planned.number,
                    title=gettext("Theme to be announced"),
                    slug=f"{series.slug}-{planned.number}",
                    starts_at=starts_at,
                    ends_at=starts_at + series.default_duration,
                    venue=series.default_venue,
                    capacity=series.default_capacity,
                    status=ForumStatus.DRAFT,
                )
            )
    return plan, created


def talk_set_speakers(*, talk, speakers) -> None:
    """Make `speakers` (a sequence, in speaking order) the talk's speakers."""
    with transaction.atomic():
        TalkSpeaker.objects.filter(talk=talk).delete()
        TalkSpeaker.objects.bulk_create(
            TalkSpeaker(talk=talk, speaker=speaker, order=position)
            for position, speaker in enumerate(speakers, start=1)
        )
