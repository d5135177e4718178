"""The site's own housekeeping job: the record of background tasks."""

from django.core.management import call_command
from django_tasks import task

from forum_site.task_results import stuck_tasks_abandoned


@task()
def task_results_prune() -> None:
    """Forget finished tasks after a week (django_tasks_db's own command): the scheduler
    alone adds one every 30 seconds. And mark failed the tasks whose worker died. Scheduled."""
    stuck_tasks_abandoned()
    call_command("prune_db_task_results", "--min-age-days", "7", verbosity=0)
