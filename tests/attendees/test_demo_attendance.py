"""The demo's invented attendance: marked as demo data, the same every time, and enough
for the statistics, the result report and forum 3's reminder to show something."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from attendees.demo.attendance import DEMO_DOMAIN, load_demo_attendance
from attendees.models import PendingMail, Registration
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.reminders import reminders_send
from attendees.registrations.seat_counts import seat_counts_true
from tests.mailbox import queued_mail

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


@pytest.mark.django_db
def test_the_demos_surveys_forum_1s_answered_and_closed_forum_2s_waiting_for_its_thank_you(demo, admin_client):
    import re

    from django.core.management import call_command

    from attendees.models import ActionRecord, SurveyItemKind

    call_command("load_demo_attendance", stdout=io.StringIO())
    call_command("load_demo_attendance", stdout=io.StringIO())  # again: nothing twice
    forum_1, forum_2 = (demo.forums.get(number=number) for number in (1, 2))
    survey = forum_1.survey
    assert [item.kind for item in survey.items.all()] == [SurveyItemKind.RATING] * 5 + ["one_choice", "text"]
    assert survey.invitations.count() == 86 and survey.invitations.filter(answered=True).count() == 43
    assert survey.responses.count() == 43
    assert survey.closes_on == datetime.date(2020, 6, 25)  # closed before the demo's day
    assert ActionRecord.objects.filter(forum=forum_1, action="thank_you_sent").count() == 1
    assert forum_2.survey.items.count() == 7 and not forum_2.survey.invitations.exists()

    # The demo's morning after forum 2: its thank-you asks each person who came, with a
    # link to the survey and to their 참석확인서, each of which opens.
    with time_machine.travel(datetime.datetime(2020, 8, 6, 10, 0, tzinfo=SEOUL), tick=False):
        admin_client.post(reverse("admin:events_forum_thank_you", args=[forum_2.pk]), {})
        thanked = queued_mail(subject__contains="감사")
        assert thanked.count() == 91
        body = thanked.filter(to__contains="participant").first().message
        [survey_link] = re.findall(r"https?://[^/\s]+(/surveys/[\w-]+/)", body)
        [certificate] = re.findall(r"https?://[^/\s]+(/registrations/[\w-]+/certificate\.pdf)", body)
        assert "만족도 조사" in admin_client.get(survey_link).text
        assert admin_client.get(certificate)["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_the_demos_people_who_came_to_forums_1_and_2_can_download_their_certificate(demo, client):
    load_demo_attendance(demo)
    for number in (1, 2):
        came = Registration.objects.filter(forum__series=demo, forum__number=number).came().first()
        absent = Registration.objects.filter(forum__series=demo, forum__number=number).did_not_come().first()
        assert client.get(f"/registrations/{came.token}/certificate.pdf").status_code == 200
        assert client.get(f"/registrations/{absent.token}/certificate.pdf").status_code == 404
