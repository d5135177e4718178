"""The reminder before each forum: once to each person with a seat, a place-in-line note to
each person waiting, nothing to anyone who cancelled or came later."""

import collections
import datetime

import pytest
import time_machine

from attendees.models import ActorKind, PendingMail
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations import services
from attendees.registrations.addresses import check_in_qr_path, management_path
from attendees.registrations.forum_changes import forum_reschedule
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.reminders import reminders_send
from tests.concurrency import run_together
from tests.factories import ForumFactory, RegistrationFactory, VenueFactory, registered, seoul
from tests.mailbox import queued_mail

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def at(year, month, day, hour, minute):
    return time_machine.travel(datetime.datetime(year, month, day, hour, minute, tzinfo=SEOUL), tick=False)


def queued(kind):
    return sorted(PendingMail.objects.filter(kind=kind).values_list("recipient", "waitlist_position"))


@pytest.fixture
def full_forum(db):
    """Three seats at 07:30 on 8 January 2030, taken by a, b and d (c cancelled); e waits."""
    venue = VenueFactory(name="광주과학기술진흥원", map_url="https://map.kakao.com/?q=광주과학기술진흥원")
    forum = ForumFactory(number=3, capacity=3, starts_at=seoul(2030, 1, 8), venue=venue)
    with at(2029, 12, 20, 9, 0):
        for person in "abcde":
            registered(forum, f"{person}@example.kr")
        cancelled = forum.registrations.get(email="c@example.kr")
        services.registration_cancel(registration=cancelled, by=ActorKind.ATTENDEE)
    PendingMail.objects.all().delete()
    return forum


@pytest.mark.django_db
def test_reminders_go_out_at_the_series_hour_once_to_each_person(full_forum):
    with at(2030, 1, 7, 15, 29):
        assert reminders_send() == 0
    assert queued(RegistrationMail.REMINDER) == []

    with at(2030, 1, 7, 15, 30):  # 16 hours before 07:30, the series' default
        assert reminders_send() == 1
        assert reminders_send() == 0  # run again: nothing more
        registered(full_forum, "late@example.kr")  # after the reminders went out

    assert queued(RegistrationMail.REMINDER) == [("a@example.kr", None), ("b@example.kr", None), ("d@example.kr", None)]
    assert queued(RegistrationMail.STILL_WAITING) == [("e@example.kr", 1)]
    assert "c@example.kr" not in {recipient for recipient, _position in queued(RegistrationMail.REMINDER)}


@pytest.mark.django_db
def test_the_reminder_says_when_where_with_a_map_shows_the_qr_code_and_how_to_give_the_seat_back(full_forum):
    with at(2030, 1, 7, 15, 30):
        reminders_send()
    [mail] = queued_mail(to=["a@example.kr"])
    registration = full_forum.registrations.get(email="a@example.kr")
    assert mail.subject == "[AI 조찬포럼] 제3차 포럼 참석 안내: 2030년 1월 8일 (화) 오전 7:30"
    assert "2030년 1월 8일 (화) 오전 7:30" in mail.message
    assert "지도: https://map.kakao.com/?q=광주과학기술진흥원" in mail.message
    assert check_in_qr_path(registration) in mail.message
    assert [attachment.name for attachment in mail.attachments.all()] == ["check-in-qr.png"]
    assert "참석이 어려우시면 취소해 주세요. 좌석은 대기 중인 다음 분께 돌아갑니다." in mail.message
    assert management_path(registration) in mail.message

    [waiting] = queued_mail(to=["e@example.kr"])
    assert waiting.subject == "[AI 조찬포럼] 제3차 포럼 대기자 안내: 현재 대기 순번 1번"
    assert "대기 순번 1번" in waiting.message


@pytest.mark.django_db
def test_nobody_who_cancelled_after_the_reminder_was_queued_receives_it(full_forum, mailoutbox):
    with at(2030, 1, 7, 15, 30):
        reminders_send()
        leaving = full_forum.registrations.get(email="b@example.kr")
        services.registration_cancel(registration=leaving, by=ActorKind.ATTENDEE)
        outbox_deliver()
    reminded = sorted(message.to[0] for message in mailoutbox if "참석 안내" in message.subject)
    assert reminded == ["a@example.kr", "d@example.kr"]
    # e took the freed seat: told so, and not that they are still waiting.
    assert [message.subject for message in mailoutbox if message.to == ["e@example.kr"]] == [
        "[AI 조찬포럼] 빈자리가 생겨 제3차 포럼 참가가 확정되었습니다"
    ]


@pytest.mark.django_db
def test_a_forum_moved_to_a_later_date_is_reminded_again_before_it(full_forum, staff_user):
    with at(2030, 1, 7, 15, 30):
        reminders_send()
        forum_reschedule(
            forum=full_forum,
            by=staff_user,
            starts_at=seoul(2030, 1, 15),
            ends_at=seoul(2030, 1, 15, 9, 30),
            venue=full_forum.venue,
        )
    PendingMail.objects.all().delete()
    with at(2030, 1, 14, 15, 30):
        assert reminders_send() == 1
    assert len(queued(RegistrationMail.REMINDER)) == 3


@pytest.mark.django_db
def test_drafts_cancelled_forums_and_forums_under_way_get_no_reminder():
    draft = ForumFactory(status="draft", starts_at=seoul(2030, 1, 8))
    cancelled = ForumFactory(status="cancelled", starts_at=seoul(2030, 1, 8))
    started = ForumFactory(starts_at=seoul(2030, 1, 7, 15, 0))
    for forum in (draft, cancelled, started):
        RegistrationFactory(forum=forum)
    with at(2030, 1, 7, 16, 0):
        assert reminders_send() == 0
    assert PendingMail.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_job_run_twice_at_once_reminds_each_person_once(postgres_only):
    forum = ForumFactory(capacity=40, starts_at=seoul(2030, 1, 8))
    for index in range(50):
        RegistrationFactory(forum=forum, status="confirmed" if index < 40 else "waitlisted")
    with at(2030, 1, 7, 15, 30):
        results, errors = run_together([reminders_send, reminders_send])
    assert errors == []
    assert sorted(results) == [0, 1]
    per_person = collections.Counter(PendingMail.objects.values_list("recipient", flat=True))
    assert len(per_person) == 50
    assert set(per_person.values()) == {1}
    assert PendingMail.objects.filter(kind=RegistrationMail.REMINDER).count() == 40
    positions = PendingMail.objects.filter(kind=RegistrationMail.STILL_WAITING).values_list(
        "waitlist_position", flat=True
    )
    assert sorted(positions) == list(range(1, 11))


@pytest.mark.django_db
def test_a_venue_without_a_map_link_gets_a_map_search_in_the_reminder():
    venue = VenueFactory(name="광주과학기술진흥원", address="광주광역시 북구 첨단과기로 333", map_url="")
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), venue=venue)
    with at(2029, 12, 20, 9, 0):
        registered(forum, "a@example.kr")
    PendingMail.objects.all().delete()
    with at(2030, 1, 7, 15, 30):
        reminders_send()
    [mail] = queued_mail(to=["a@example.kr"])
    expected = (
        "https://map.kakao.com/?q=%EA%B4%91%EC%A3%BC%EA%B3%BC%ED%95%99%EA%B8%B0%EC%88%A0%EC%A7%84%ED%9D%A5%EC%9B%90"
    )
    assert f"지도: {expected}" in mail.message


@pytest.mark.django_db
def test_a_scheduler_down_overnight_sends_no_reminder_in_the_last_two_hours_and_says_so(full_forum):
    from attendees.models import ActionRecord

    with at(2030, 1, 8, 7, 20):  # ten minutes before the start
        assert reminders_send() == 0
        assert reminders_send() == 0  # taken: a later run does not try again
    assert queued(RegistrationMail.REMINDER) == queued(RegistrationMail.STILL_WAITING) == []
    record = ActionRecord.objects.get(action="reminders_dropped")
    assert (record.forum, record.actor_kind, record.details) == (full_forum, "system", {"minutes_before_start": 10})
    assert str(record.get_action_display()) == "리마인더 보내지 않음: 시작 시각이 너무 가까움"


@pytest.mark.django_db
def test_a_reminder_sent_after_the_cancellation_deadline_says_whom_to_tell_instead_of_the_link(full_forum):
    with at(2030, 1, 7, 21, 0):  # 10½ hours before: online cancellation closed at 19:30
        assert reminders_send() == 1
        [mail] = queued_mail(to=["a@example.kr"])
    registration = full_forum.registrations.get(email="a@example.kr")
    assert "온라인 취소는 마감되었습니다. 참석하지 못하시면 이 메일(forum@localhost)로 회신해 주세요." in mail.message
    assert management_path(registration) not in mail.message
    assert "참석이 어려우시면 취소해 주세요." not in mail.message
