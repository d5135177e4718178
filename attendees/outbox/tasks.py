"""The tasks that deliver the outbox, run by the task worker (django-tasks' database
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
