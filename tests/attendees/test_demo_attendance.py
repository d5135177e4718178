"""The demo's invented attendance: marked as demo data, the same every time, and enough
for the statistics, the result report and forum 3's reminder to show something."""

import datetime

import pytest
import time_machine

from attendees.demo.attendance import DEMO_DOMAIN, load_demo_attendance
from attendees.models import PendingMail, Registration
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.reminders import reminders_send
from attendees.registrations.seat_counts import seat_counts_true

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def test_demo_attendance_is_made_up_marked_and_added_once(demo):
    added = load_demo_attendance(demo)
    assert load_demo_attendance(demo) == 0
    people = Registration.objects.filter(forum__series=demo)
    assert people.count() == added == 246
    assert not people.exclude(email__endswith=f"@{DEMO_DOMAIN}").exists()
    assert not people.exclude(name__startswith="데모참가자 ").exists()
    by_forum = {number: people.filter(forum__number=number) for number in (1, 2, 3)}
    assert [by_forum[number].count() for number in (1, 2, 3)] == [102, 109, 35]
    assert by_forum[1].filter(checked_in_at__isnull=False).count() == 86  # 80 registered + 6 walk-ins
    assert by_forum[2].filter(walk_in=True).count() == 5
    returning = set(by_forum[1].values_list("email", flat=True)) & set(by_forum[2].values_list("email", flat=True))
    assert len(returning) == 38
    assert set(by_forum[2].values_list("sector", flat=True)) == {"industry", "academia", "research", "government"}
    for number in (1, 2, 3):
        forum = demo.forums.get(number=number)
        assert (forum.seats_taken, forum.waiting_count) == seat_counts_true(forum)


def test_the_demo_clock_at_the_afternoon_before_forum_3_sends_its_reminders(demo):
    load_demo_attendance(demo)
    with time_machine.travel(datetime.datetime(2020, 9, 8, 15, 30, tzinfo=SEOUL), tick=False):
        assert reminders_send() == 1
    reminded = PendingMail.objects.filter(kind=RegistrationMail.REMINDER)
    assert reminded.count() == 35
    assert set(reminded.values_list("registration__forum__number", flat=True)) == {3}
