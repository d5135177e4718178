"""The reminder before each forum: to everyone with a seat, the time, the place, the QR
code for the door and the way to give the seat back; to everyone still waiting, their
place in line. Run by the scheduler (forum_site/schedule.py).

Each forum's reminders are queued once. The job takes the forum by a conditional UPDATE
of `reminders_sent_at`, in the same transaction as the mails it queues: a second run,
at the same moment on another host or later, finds the forum taken and queues nothing.
The UPDATE also holds the forum's row lock that registrations take, so a registration is
either counted in (and reminded) or comes after, and is not reminded at all.

A reminder is useful only ahead of the morning: a run that finds a forum less than
REMINDERS_TOO_LATE away (a scheduler down overnight) takes the forum all the same, sends
nothing, and leaves a record that says so.
"""

import datetime

from django.db import transaction

from attendees.models import Action, ActorKind
from attendees.outbox.mail import queue_for_each, queue_with_positions
from attendees.records import action_record
from attendees.registrations.mails import RegistrationMail
from events.models import MAX_REMINDER_HOURS, Forum
from forum_site.core import clock


def forums_due_for_reminders(now: datetime.datetime) -> list[Forum]:
    """Forums still to start whose series' reminder time has come, not yet reminded."""
    soon = (
        Forum.objects.published()
        .taking_place()
        .filter(reminders_sent_at__isnull=True, starts_at__gt=now)
        .filter(starts_at__lte=now + datetime.timedelta(hours=MAX_REMINDER_HOURS))
        .select_related("series")
    )
    return [
        forum for forum in soon if forum.starts_at - datetime.timedelta(hours=forum.series.reminder_hours_before) <= now
    ]


REMINDERS_TOO_LATE = datetime.timedelta(hours=2)


def reminders_send() -> int:
    """Queue the reminders of every forum that is due; returns how many forums were reminded."""
    now = clock.now()
    reminded = 0
    for forum in forums_due_for_reminders(now):
        with transaction.atomic():
            taken = Forum.objects.filter(pk=forum.pk, reminders_sent_at__isnull=True).update(reminders_sent_at=now)
            if not taken:
                continue  # another run has it
            if forum.starts_at - now < REMINDERS_TOO_LATE:
                action_record(
                    by=ActorKind.SYSTEM,
                    action=Action.REMINDERS_DROPPED,
                    forum=forum,
                    minutes_before_start=int((forum.starts_at - now).total_seconds() // 60),
                )
                continue
            queue_for_each(forum.registrations.confirmed().order_by("pk"), RegistrationMail.REMINDER)
            queue_with_positions(forum.registrations.waitlisted(), RegistrationMail.STILL_WAITING)
        reminded += 1
    return reminded
