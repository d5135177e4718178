"""load_demo: load the history of the Gwangju AI breakfast forum. Safe to run again."""

from django.core.management.base import BaseCommand

from events.demo import load_demo


class Command(BaseCommand):
    help = "Load the Gwangju AI breakfast forum series (forums 1-3, speakers, the Saltlux talk)."

    def handle(self, **options):
        series = load_demo()
        count = series.forums.count()
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {series.name}, {count} forums."))
