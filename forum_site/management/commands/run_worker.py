"""run_worker: the background worker. django-tasks' database worker, kept alive across a
lost database connection (a restart or fail-over of PostgreSQL); once connected again, it
marks failed the task it lost (forum_site/task_results.py)."""

import logging
import time

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from forum_site.task_results import worker_tasks_abandoned

logger = logging.getLogger(__name__)

RECONNECT_AFTER_SECONDS = 2


class Command(DatabaseWorkerCommand):
    help = "Run the site's background tasks (mail delivery, scheduled jobs) until stopped."

    def handle(self, *args, **options):
        options["reload"] = False  # a reload would drop the mail in hand
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                if options["batch"]:
                    raise  # one pass asked for: the caller sees the failure
                # A mail in hand keeps its claim until it runs out; the scheduled round sends it then.
                logger.warning("database connection lost (%s); reconnecting", error)
                for connection in connections.all():
                    connection.close_if_unusable_or_obsolete()
                    connection.close()
                time.sleep(RECONNECT_AFTER_SECONDS)
                self._abandoned_marked(options["worker_id"])

    def _abandoned_marked(self, worker_id: str) -> None:
        try:
            if abandoned := worker_tasks_abandoned(worker_id):
                logger.warning("%s task(s) lost with the connection marked failed", abandoned)
        except (OperationalError, InterfaceError):
            pass  # still no database: the next round, or the hourly sweep, does it
