"""The background jobs of attendees, run by the task worker (django-tasks' database
backend: `manage.py run_worker`), on any number of hosts."""

from django_tasks import task

from attendees.outbox import delivery


@task()
def mail_deliver(pks: list[int]) -> int:
    """Send these just-queued mails; enqueued when the transaction that queued them commits."""
    return delivery.outbox_deliver(pks)


@task()
def mail_deliver_due() -> int:
    """Send whatever is due: retries, and mail whose enqueue or worker was lost. Scheduled."""
    return delivery.outbox_deliver()


@task()
def reminders_send() -> int:
    """Reminders to the registrants of forums about to start (attendees/outbox/reminders.py). Scheduled."""
    from attendees.outbox.reminders import reminders_send as send

    return send()


@task()
def news_reconfirmations() -> dict:
    """Ask two-year-old consents to reconfirm; end those unanswered after 30 days. Scheduled."""
    from attendees.news.subscriptions import reconfirmations_run

    return reconfirmations_run()


@task()
def personal_data_purge() -> dict:
    """The retention promise of the consent notice (erasure.personal_data_purge). Scheduled."""
    from attendees.registrations.erasure import personal_data_purge as purge

    report = purge(dry_run=False)
    return {"registrations": report.registrations, "mails": report.mails}


@task()
def task_results_prune() -> None:
    """Forget finished tasks after a week (django_tasks_db's own command): the scheduler
    alone adds one every 30 seconds. And mark failed the tasks whose worker died. Scheduled."""
    from django.core.management import call_command

    from forum_site.task_results import stuck_tasks_abandoned

    stuck_tasks_abandoned()
    call_command("prune_db_task_results", "--min-age-days", "7", verbosity=0)
