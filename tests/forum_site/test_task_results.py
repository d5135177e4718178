"""Task rows left RUNNING by a worker that lost them are marked failed: by the worker
itself once it is connected again, and by the scheduled sweep when the worker died."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from attendees.outbox import tasks
from forum_site import housekeeping
from forum_site.task_results import worker_tasks_abandoned

pytestmark = pytest.mark.django_db


def running(*, started_minutes_ago: int, worker: str = "host-a") -> DBTaskResult:
    result = tasks.mail_deliver.enqueue([1])
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker)
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=started_minutes_ago)
    )
    return row


def statuses(*rows):
    return [DBTaskResult.objects.get(pk=row.pk).status for row in rows]


def test_the_sweep_fails_only_tasks_running_longer_than_any_task_runs():
    dead, busy = running(started_minutes_ago=61), running(started_minutes_ago=10)
    housekeeping.task_results_prune.call()
    assert statuses(dead, busy) == ["FAILED", "RUNNING"]
    failed = DBTaskResult.objects.get(pk=dead.pk)
    assert failed.exception_class_path == "forum_site.task_results.TaskAbandoned"


def test_a_reconnected_worker_fails_the_task_it_held_and_no_other():
    mine, theirs = running(started_minutes_ago=0, worker="host-a"), running(started_minutes_ago=0, worker="host-b")
    assert worker_tasks_abandoned("host-a") == 1
    assert statuses(mine, theirs) == ["FAILED", "RUNNING"]
