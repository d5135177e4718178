"""Staff-written text is stored harmless: one line where one line is meant, NFC, no
control characters, whatever path writes it."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.models import Forum
from forum_site.core.text import paragraphs, single_line
from tests.factories import ForumFactory, SpeakerFactory, TalkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("인공지능과\r\n산업혁신", "인공지능과 산업혁신"),
        ("  AI\tand\u2028industry  ", "AI and industry"),
        ("제목\x00\x07\x1b[31m", "제목[31m"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("한글 NFD: \u1112\u1161\u11ab", "한글 NFD: 한"),
    ],
)
def test_titles_are_single_clean_lines_when_saved(raw, stored):
    forum = ForumFactory(title=raw)
    assert Forum.objects.get(pk=forum.pk).title == stored
    assert forum.title == stored


def test_running_text_keeps_its_lines_but_loses_control_characters():
    talk = TalkFactory(summary="첫 줄\r\n둘째 줄\x00  \r\n\x1b\n셋째\u200b 줄\n\n")
    talk.refresh_from_db()
    assert talk.summary == "첫 줄\n둘째 줄\n\n셋째 줄"


def test_speaker_names_are_cleaned_too():
    speaker = SpeakerFactory(name="이경일\r\n", organization="㈜솔트룩스\x00")
    speaker.refresh_from_db()
    assert (speaker.name, speaker.organization) == ("이경일", "㈜솔트룩스")


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_no_line_break_or_control(value):
    once = single_line(value)
    assert single_line(once) == once
    assert not any(unicodedata.category(char)[0] == "C" for char in once)
    assert "\n" not in once and "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
    text = paragraphs(value)
    assert paragraphs(text) == text
    assert "\r" not in text


@pytest.fixture
def forum_with_a_broken_title(db):
    """A forum whose title was stored with a line break before titles were cleaned on save."""
    from tests.factories import seoul

    forum = ForumFactory(number=3, capacity=1, starts_at=seoul(2030, 1, 8))
    Forum.objects.filter(pk=forum.pk).update(title="인공지능과\r\n산업혁신 {% raw %}")
    forum.refresh_from_db()
    return forum


def test_calendars_of_a_forum_with_a_line_break_in_its_title_still_open(client, forum_with_a_broken_title):
    from tests.factories import RegistrationFactory

    forum = forum_with_a_broken_title
    registration = RegistrationFactory(forum=forum)
    for url in (
        f"/forums/{forum.series.slug}/3/calendar.ics",
        f"/registrations/{registration.token}/calendar.ics",
        "/forums.ics",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "SUMMARY:조찬포럼" in response.content.decode()
    assert "인공지능과 산업혁신 {% raw %}" in client.get(f"/forums/{forum.series.slug}/3/calendar.ics").content.decode()


def test_capacity_raise_and_cancel_promote_despite_a_line_break_in_the_title(forum_with_a_broken_title):
    import datetime

    import time_machine

    from attendees.models import ActorKind
    from attendees.registrations import services
    from tests.mailbox import queued_mail

    forum = forum_with_a_broken_title
    with time_machine.travel(
        datetime.datetime(2030, 1, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    ):
        people = [
            services.registration_create(
                forum=forum,
                name=f"참가자{i}",
                email=f"p{i}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
            for i in range(3)
        ]
        assert [r.pk for r in services.forum_capacity_change(forum=forum, capacity=2, by=ActorKind.SYSTEM)] == [
            people[1].pk
        ]
        assert [r.pk for r in services.registration_cancel(registration=people[0], by=ActorKind.ATTENDEE)] == [
            people[2].pk
        ]
    [_waitlisted, promoted] = queued_mail(to="p2@example.kr")
    assert promoted.subject == "[AI 조찬포럼] 빈자리가 생겨 제3차 포럼 참가가 확정되었습니다"
    [(_name, content, mimetype)] = [a for a in promoted.email_message().attachments if a[0].endswith(".ics")]
    assert mimetype == "text/calendar; method=REQUEST"
    assert "SUMMARY:조찬포럼" in (content.decode() if isinstance(content, bytes) else content)
