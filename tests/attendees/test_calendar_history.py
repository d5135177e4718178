"""One person's calendar across a whole history, as their mail program receives it:
registered, the forum moved, cancelled by them, registered again, the forum cancelled.
Every calendar part is read by two parsers (icalendar and vobject): one UID throughout,
a SEQUENCE that only grows (RFC 5546: a calendar ignores a file not newer than the one
it holds), the METHOD each step calls for, and the person named as ATTENDEE."""

import email
import email.policy

import icalendar
import pytest
import vobject
from django.test import Client

from attendees.models import ActorKind, Registration
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations.forum_changes import forum_cancel, forum_reschedule
from tests.factories import ForumFactory, seoul
from tests.smtp import free_port, running_smtp_server, use_smtp_server

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]
PERSON = {
    "name": "김광주",
    "email": "kim@example.kr",
    "phone": "",
    "organization": "광주AI",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


def calendar_parts(raw: bytes) -> list[str]:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return [part.get_content() for part in message.walk() if part.get_content_type() == "text/calendar"]


def read_by_icalendar(text: str) -> tuple:
    calendar = icalendar.Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    return str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"]), str(event["ATTENDEE"])


def read_by_vobject(text: str) -> tuple:
    calendar = vobject.readOne(text)
    event = calendar.vevent
    return calendar.method.value, event.uid.value, int(event.sequence.value), event.attendee.value


def test_a_whole_history_keeps_one_uid_and_a_growing_sequence(settings, staff_user):
    port = free_port()
    use_smtp_server(settings, port)
    forum = ForumFactory(starts_at=seoul(2030, 1, 15), capacity=10)
    register = f"/forums/{forum.series.slug}/{forum.number}/register/"
    browser = Client()
    steps = {
        "registered": lambda: browser.post(register, PERSON),
        "forum moved": lambda: forum_reschedule(
            forum=forum,
            by=staff_user,
            starts_at=seoul(2030, 1, 15, 8),
            ends_at=seoul(2030, 1, 15, 10),
            venue=forum.venue,
        ),
        "cancelled by them": lambda: browser.post(
            f"/registrations/{Registration.objects.active().get(email='kim@example.kr').token}/cancel/"
        ),
        "registered again": lambda: browser.post(register, PERSON),
        "forum cancelled": lambda: forum_cancel(forum=forum, by=staff_user, reason="연사 사정"),
    }
    history = {}
    with running_smtp_server(port) as inbox:
        for step, act in steps.items():
            before = len(inbox.messages)
            act()
            outbox_deliver()
            [calendar] = [
                text for message in inbox.messages[before:] for text in calendar_parts(message.original_content)
            ]
            by_icalendar, by_vobject = read_by_icalendar(calendar), read_by_vobject(calendar)
            assert by_icalendar == by_vobject, step
            history[step] = by_icalendar
    forum.refresh_from_db()
    uid, attendee = forum.calendar_uid, "mailto:kim@example.kr"
    assert history == {
        "registered": ("REQUEST", uid, 0, attendee),
        "forum moved": ("REQUEST", uid, 1, attendee),
        "cancelled by them": ("CANCEL", uid, 2, attendee),
        "registered again": ("REQUEST", uid, 3, attendee),
        "forum cancelled": ("CANCEL", uid, 4, attendee),
    }


def test_move_and_cancel_mails_say_a_button_added_copy_is_changed_where_it_was_added(staff_user):
    from urllib.parse import parse_qs, urlsplit

    from attendees.registrations import services
    from tests.factories import registered
    from tests.mailbox import outbox_clear, queued_mail

    forum = ForumFactory(starts_at=seoul(2030, 1, 15), capacity=10)
    registration = registered(forum)
    outbox_clear()
    forum_reschedule(
        forum=forum, by=staff_user, starts_at=seoul(2030, 1, 22), ends_at=seoul(2030, 1, 22, 9), venue=None
    )
    [moved] = queued_mail()
    assert (
        "Google 또는 Outlook 버튼으로 추가한 일정은 별개라서 바뀌지 않습니다. "
        "그 캘린더에서 직접 바꾸거나, 아래 버튼으로 다시 추가해 주세요." in moved.message
    )
    google = next(line for line in moved.message.splitlines() if line.startswith("Google 캘린더에 추가: "))
    assert parse_qs(urlsplit(google.split(": ", 1)[1]).query)["dates"] == ["20300122T073000/20300122T093000"]
    # The HTML shows them as buttons at the top and as labelled links in the words.
    assert moved.html_message.count(">Google 캘린더에 추가</a>") == 2
    assert "check-in-qr" not in moved.html_message  # the move mail's top has no QR code

    outbox_clear()
    services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
    [cancelled] = queued_mail()
    assert "Google 또는 Outlook 버튼으로 추가한 일정은 별개이니 그 캘린더에서 직접 지워 주세요." in cancelled.message
    search = next(line for line in cancelled.message.splitlines() if line.startswith("Google 캘린더 열기: "))
    assert parse_qs(urlsplit(search.split(": ", 1)[1]).query)["q"] == [forum.full_title]
    assert ">Outlook 캘린더 열기</a>" in cancelled.html_message
