"""run_scheduler: enqueue the periodic jobs (forum_site/schedule.py) when each is due."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.db.utils import InterfaceError, OperationalError

from forum_site.schedule import SCHEDULE

logger = logging.getLogger(__name__)

TICK_SECONDS = 1


class Command(BaseCommand):
    help = "Enqueue the site's periodic jobs for the worker, each at its interval, until stopped."

    def handle(self, **options):
        next_run = {job: 0.0 for job, _every in SCHEDULE}  # every job once at start
        while True:
            close_old_connections()
            for job, every in SCHEDULE:
                if time.monotonic() < next_run[job]:
                    continue
                try:
                    job.enqueue()
                except (OperationalError, InterfaceError) as error:
                    logger.warning("could not enqueue %s (%s); trying again", job.name, error)
                    close_old_connections()
                    continue
                next_run[job] = time.monotonic() + every.total_seconds()
            time.sleep(TICK_SECONDS)
