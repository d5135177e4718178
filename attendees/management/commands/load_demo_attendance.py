"""load_demo_attendance: invented registrations and check-ins for the demo's forums 1-3
(attendees/demo/attendance.py), forum 3's questions with its registrants' answers
(attendees/demo/questions.py), and the surveys: forum 1's answered and closed, forum 2's
ready (attendees/demo/surveys.py). Run after load_demo; safe to run again."""

from django.core.management.base import BaseCommand

from attendees.demo.attendance import load_demo_attendance
from attendees.demo.questions import forum_3_answers, forum_3_questions
from attendees.demo.surveys import demo_surveys
from events.demo import SERIES_SLUG
from events.models import Series


class Command(BaseCommand):
    help = "Add made-up attendance (demo data) to the demo's forums 1-3, once."

    def handle(self, **options):
        series = Series.objects.get(slug=SERIES_SLUG)
        forum_3 = series.forums.get(number=3)
        asked = forum_3_questions(forum_3)  # before the registrations: a new forum's questions come first
        added = load_demo_attendance(series)
        answered = forum_3_answers(forum_3)
        surveyed = demo_surveys(series)  # after the attendance: forum 1's survey asked those who came
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo attendance: {added} registrations added; forum 3 asks {len(asked)} new questions,"
                f" {answered} people answered; {surveyed} answered forum 1's survey."
            )
        )
