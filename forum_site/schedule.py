"""The periodic jobs, and how often each runs. `manage.py run_scheduler` enqueues them
for the worker.

Every job here is safe to run twice at once (mail is claimed one by one; a forum's
reminders are taken once; the purge deletes what is due; pruning too), so a second
scheduler, say on a second host, only repeats work.
"""

import datetime
from typing import Any

from django_tasks.base import Task

from attendees import jobs
from attendees.outbox import tasks

from . import housekeeping

SCHEDULE: list[tuple[Task[Any, Any], datetime.timedelta]] = [
    # Retries, and mail whose enqueue or worker was lost.
    (tasks.mail_deliver_due, datetime.timedelta(seconds=30)),
    # Reminders of forums about to start: a few minutes late at most.
    (jobs.reminders_send, datetime.timedelta(minutes=5)),
    # News consents two years old asked again; unanswered requests ended after 30 days.
    (jobs.news_reconfirmations, datetime.timedelta(hours=6)),
    # The satisfaction surveys' one reminder, a set number of days after the thank-you.
    (jobs.survey_reminders, datetime.timedelta(hours=1)),
    # Personal data past its retention period, and lapsed news requests.
    (jobs.personal_data_purge, datetime.timedelta(hours=1)),
    # The record of finished tasks, after a week.
    (housekeeping.task_results_prune, datetime.timedelta(hours=6)),
]
