"""A person who registered in English reads the forum in English in its mails: the theme,
the venue, the talks and speakers, the calendar file and the calendar buttons. Where staff
wrote no English, the Korean stands, marked lang="ko" in the HTML for screen readers."""

from html import unescape
from urllib.parse import parse_qsl, urlsplit

import icalendar
import pytest
from django.contrib.auth.models import User

from attendees.models import ActorKind
from attendees.news.subscriptions import forum_announce, subscription_confirmed
from attendees.registrations.forum_changes import forum_reschedule
from tests.factories import ForumFactory, SeriesFactory, SpeakerFactory, TalkFactory, VenueFactory, registered, seoul
from tests.mailbox import queued_mail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]


@pytest.fixture
def english_forum():
    venue = VenueFactory(
        name="광주과학기술진흥원",
        name_en="Gwangju Science and Technology Promotion Agency",
        room="12층 국제회의실",
        room_en="International Conference Room, 12th floor",
        address="광주광역시 북구 첨단과기로 333",
        address_en="333 Cheomdangwagi-ro, Buk-gu, Gwangju",
    )
    forum = ForumFactory(
        series=SeriesFactory(name="AI 조찬포럼", name_en="AI Breakfast Forum"),
        number=3,
        title="스마트시티와 인공지능",
        title_en="AI for smart cities",
        starts_at=seoul(2030, 1, 8),
        venue=venue,
    )
    talk = TalkFactory(forum=forum, title="도시 데이터 플랫폼", title_en="An urban data platform")
    talk.speakers.add(SpeakerFactory(name="이도시", name_en="Lee Dosi"))
    return forum


def parts(mail):
    return mail.message, mail.html_message


def calendar_event(mail) -> icalendar.Event:
    [attachment] = [a for a in mail.attachments.all() if a.name.endswith(".ics")]
    [event] = icalendar.Calendar.from_ical(attachment.file.read()).walk("VEVENT")
    return event


def test_an_english_confirmation_names_the_forum_and_the_venue_in_english(english_forum):
    registered(english_forum, email="jane@example.com", name="Jane Doe", language="en")
    [mail] = queued_mail(to="jane@example.com")
    text, html = parts(mail)
    assert "Forum: AI Breakfast Forum No. 3 «AI for smart cities»" in text
    assert (
        "Where: Gwangju Science and Technology Promotion Agency International Conference Room, 12th floor"
        " (333 Cheomdangwagi-ro, Buk-gu, Gwangju)" in text
    )
    assert "스마트시티" not in text and "광주과학기술진흥원" not in text
    # The ticket at the top of the HTML, and the Google Calendar button beside it.
    assert "«AI for smart cities»</p>" in html
    assert ">Gwangju Science and Technology Promotion Agency International Conference Room, 12th floor</p>" in html
    [google] = [address for address in html.split('"') if address.startswith("https://calendar.google.com/")]
    words = dict(parse_qsl(urlsplit(unescape(google)).query))
    assert (words["text"], words["location"]) == (
        "AI Breakfast Forum No. 3: AI for smart cities",
        "Gwangju Science and Technology Promotion Agency International Conference Room, 12th floor,"
        " 333 Cheomdangwagi-ro, Buk-gu, Gwangju",
    )
    event = calendar_event(mail)
    assert str(event["SUMMARY"]) == "AI Breakfast Forum No. 3: AI for smart cities"
    assert str(event["DESCRIPTION"]).splitlines()[0] == "An urban data platform (Lee Dosi)"


def test_a_korean_registration_of_the_same_forum_stays_korean(english_forum):
    registered(english_forum, email="kim@example.kr", language="ko")
    [mail] = queued_mail(to="kim@example.kr")
    text, html = parts(mail)
    assert "포럼: AI 조찬포럼 제3차 «스마트시티와 인공지능»" in text
    assert "장소: 광주과학기술진흥원 12층 국제회의실 (광주광역시 북구 첨단과기로 333)" in text
    assert "smart cities" not in text and "smart cities" not in html
    assert str(calendar_event(mail)["SUMMARY"]) == "AI 조찬포럼 제3차: 스마트시티와 인공지능"


def test_without_english_the_mail_keeps_the_korean_marked_as_korean():
    forum = ForumFactory(
        series=SeriesFactory(name="AI 조찬포럼", name_en="AI Breakfast Forum"),
        number=3,
        title="스마트시티와 인공지능",
        venue=VenueFactory(name="김대중컨벤션센터", room=""),
    )
    registered(forum, email="jane@example.com", name="Jane Doe", language="en")
    [mail] = queued_mail(to="jane@example.com")
    text, html = parts(mail)
    assert "Forum: AI Breakfast Forum No. 3 «스마트시티와 인공지능»" in text
    assert '«<span lang="ko">스마트시티와 인공지능</span>»</p>' in html
    assert '<p style="margin:0 0 4px;"><span lang="ko">김대중컨벤션센터</span></p>' in html


def test_a_new_venue_is_told_in_english_with_the_former_one(english_forum):
    registered(english_forum, email="jane@example.com", name="Jane Doe", language="en")
    new_venue = VenueFactory(name="김대중컨벤션센터", name_en="Kimdaejung Convention Center", room="", address="")
    forum_reschedule(
        forum=english_forum,
        by=User.objects.create_user("clerk"),
        starts_at=english_forum.starts_at,
        ends_at=english_forum.ends_at,
        venue=new_venue,
    )
    rescheduled = queued_mail(to="jane@example.com").last()
    assert (
        "Before: Tuesday, January 8, 2030, 7:30 AM,"
        " Gwangju Science and Technology Promotion Agency International Conference Room, 12th floor"
    ) in rescheduled.message
    assert "Where: Kimdaejung Convention Center\n" in rescheduled.message


def test_an_english_subscriber_is_announced_the_english_theme_and_programme(english_forum):
    subscription_confirmed(email="jane@example.com", language="en", consent_version="2026-11-24")
    assert forum_announce(english_forum, by=ActorKind.SYSTEM) == 1
    [announcement] = queued_mail(to=["jane@example.com"])
    assert (
        announcement.subject
        == "[AI Breakfast Forum] Forum No. 3 «AI for smart cities», Tuesday, January 8, 2030: registration open"
    )
    assert "Talk: An urban data platform — Lee Dosi" in announcement.message
