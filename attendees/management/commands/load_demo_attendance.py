"""load_demo_attendance: invented registrations and check-ins for the demo's forums 1-3
(attendees/demo/attendance.py). Run after load_demo; safe to run again."""

from django.core.management.base import BaseCommand

from attendees.demo.attendance import load_demo_attendance
from events.demo import SERIES_SLUG
from events.models import Series


class Command(BaseCommand):
    help = "Add made-up attendance (demo data) to the demo's forums 1-3, once."

    def handle(self, **options):
        added = load_demo_attendance(Series.objects.get(slug=SERIES_SLUG))
        self.stdout.write(self.style.SUCCESS(f"Demo attendance: {added} registrations added."))
