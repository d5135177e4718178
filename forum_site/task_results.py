"""Task rows that stayed RUNNING: a worker whose database connection was cut while it
finished a task could not write how it ended, and a worker killed outright never will.
Their rows would read RUNNING for ever; they are marked failed instead. The work itself is
not lost: mail lives in the outbox, which the scheduled round delivers."""

import datetime

from django.db import DatabaseError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# Longer than any task of the site runs (a mail task takes seconds, the purge minutes).
STUCK_AFTER = datetime.timedelta(hours=1)


class TaskAbandoned(DatabaseError):
    """Why a stuck task row reads failed: its worker lost it."""


def _failed(rows, why: str) -> int:
    count = 0
    for row in rows:
        row.set_failed(TaskAbandoned(why))
        count += 1
    return count


def worker_tasks_abandoned(worker_id: str) -> int:
    """The rows a worker left RUNNING when it lost its connection: a worker runs one task
    at a time, so once it is back, whatever it still holds is over."""
    running = DBTaskResult.objects.running()  # a handful at most: filtered here, on any database
    return _failed(
        [row for row in running if row.worker_ids[-1:] == [worker_id]],
        f"worker {worker_id} lost its database connection during the task",
    )


def stuck_tasks_abandoned() -> int:
    """Rows RUNNING for longer than any task runs: their worker died (kill -9, a host lost)."""
    stuck = DBTaskResult.objects.running().filter(started_at__lt=timezone.now() - STUCK_AFTER)
    return _failed(stuck, f"still running after {STUCK_AFTER}: its worker died")
