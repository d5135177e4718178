"""The registration rules: seats, waiting list, cancellation, promotion, mail."""

import datetime

import pytest
import time_machine
from django.core import mail as django_mail

from attendees.models import ActorKind, Registration, RegistrationStatus, cancellation_is_open
from attendees.registrations import services
from attendees.registrations.consent import CONSENT_VERSION
from attendees.registrations.seat_counts import seat_counts_recount
from events.models import ForumStatus
from tests.factories import ForumFactory, RegistrationFactory, registered, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
BEFORE_THE_FORUM = datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL)  # forums start 2030-01-08 07:30


@pytest.fixture(autouse=True)
def _before_the_forum():
    with time_machine.travel(BEFORE_THE_FORUM, tick=False):
        yield


def queued_subjects(email):
    return list(queued_mail(to=email).order_by("id").values_list("subject", flat=True))


def test_seats_are_confirmed_then_the_waiting_list_fills_in_order():
    forum = ForumFactory(capacity=2, starts_at=seoul(2030, 1, 8))
    statuses = [registered(forum, f"p{i}@example.kr").status for i in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    waiting = Registration.objects.filter(forum=forum).waitlisted()
    assert [services.waitlist_position(r) for r in waiting] == [1, 2]


def test_registration_stores_consent_version_time_and_lowercased_email():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    registration = registered(forum, "  Kim@Example.KR ", consent_marketing=True)
    assert registration.email == "kim@example.kr"
    assert (registration.consent_privacy, registration.consent_marketing) == (True, True)
    assert registration.consent_version == CONSENT_VERSION
    assert registration.consented_at == BEFORE_THE_FORUM


def test_confirmation_mail_is_queued_in_korean_with_the_calendar(deliver_mail):
    forum = ForumFactory(number=3, capacity=1, starts_at=seoul(2030, 1, 8))
    registration = registered(forum, "kim@example.kr")
    assert queued_subjects("kim@example.kr") == ["[AI 조찬포럼] 제3차 포럼 참가가 확정되었습니다"]
    deliver_mail()
    [sent] = django_mail.outbox
    assert sent.to == ["kim@example.kr"]
    assert "김광주 님" in sent.body
    assert f"http://127.0.0.1:8000/registrations/{registration.token}/" in sent.body
    [(filename, content, mimetype), qr] = sent.attachments
    assert (filename, mimetype) == (f"{forum.slug}.ics", "application/ics")
    assert "DTSTART;TZID=Asia/Seoul:20300108T073000" in content.decode()
    [(calendar, calendar_type)] = [alternative for alternative in sent.alternatives if "calendar" in alternative[1]]
    assert (calendar_type, calendar) == ("text/calendar; method=REQUEST", content.decode())
    # The QR code goes as an image the HTML shows inline (cid:check-in-qr), and can be saved.
    assert (qr.get_content_type(), qr["Content-ID"], qr.get_filename()) == (
        "image/png",
        "<check-in-qr>",
        "check-in-qr.png",
    )
    assert qr.get_payload(decode=True)[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"http://127.0.0.1:8000/registrations/check-in/{registration.check_in_code}.png" in sent.body


def test_mail_follows_the_language_of_registration(deliver_mail):
    forum = ForumFactory(number=3, capacity=0, starts_at=seoul(2030, 1, 8))
    registered(forum, "lee@example.com", language="en", name="Lee")
    deliver_mail()
    [sent] = django_mail.outbox
    assert sent.subject == "[AI Breakfast Forum] You are on the waiting list for forum No. 3"
    assert "position 1" in sent.body


def test_waitlisted_person_is_told_their_position():
    forum = ForumFactory(number=3, capacity=1, starts_at=seoul(2030, 1, 8))
    registered(forum, "first@example.kr")
    registered(forum, "second@example.kr")
    [body] = queued_mail(to="second@example.kr").values_list("message", flat=True)
    assert "대기 순번 1번" in body


def test_registration_refused_without_privacy_consent():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    with pytest.raises(services.RegistrationError) as error:
        registered(forum, "kim@example.kr", consent_privacy=False)
    assert error.value.code == "no_consent"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "forum_kwargs",
    [
        {"status": ForumStatus.DRAFT},
        {"status": ForumStatus.CANCELLED},
        {"registration_closes_at": seoul(2030, 1, 1, 11, 0)},
        {"registration_opens_at": seoul(2030, 1, 2, 0, 0)},
        {"starts_at": seoul(2029, 12, 31)},
    ],
)
def test_registration_refused_outside_the_window(forum_kwargs):
    forum = ForumFactory(**{"starts_at": seoul(2030, 1, 8), **forum_kwargs})
    with pytest.raises(services.RegistrationError) as error:
        registered(forum, "kim@example.kr")
    assert error.value.code == "closed"
    assert Registration.objects.count() == 0


def test_same_email_again_resends_the_link_and_registers_nothing():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    first = registered(forum, "kim@example.kr")
    with pytest.raises(services.AlreadyRegistered):
        registered(forum, "KIM@example.kr", name="다른 사람")
    assert list(Registration.objects.values_list("pk", flat=True)) == [first.pk]
    subjects = queued_subjects("kim@example.kr")
    assert len(subjects) == 2
    assert subjects[1].endswith("참가 신청 안내")
    link_mail = queued_mail(to="kim@example.kr").order_by("id").last()
    assert f"/registrations/{first.token}/" in link_mail.message


def test_cancelling_a_seat_promotes_the_first_person_waiting():
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    holder = registered(forum, "holder@example.kr")
    first_waiting = registered(forum, "first@example.kr")
    registered(forum, "second@example.kr")

    promoted = services.registration_cancel(registration=holder, by=ActorKind.ATTENDEE)

    assert promoted == [first_waiting]
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "holder@example.kr": "cancelled",
        "first@example.kr": "confirmed",
        "second@example.kr": "waitlisted",
    }
    assert Registration.objects.get(email="holder@example.kr").cancelled_at == BEFORE_THE_FORUM
    assert queued_subjects("holder@example.kr")[-1].endswith("참가 신청이 취소되었습니다")
    assert queued_subjects("first@example.kr")[-1].endswith("참가가 확정되었습니다")
    assert "빈자리" in queued_subjects("first@example.kr")[-1]


def test_cancelling_a_waiting_place_promotes_nobody():
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    registered(forum, "holder@example.kr")
    waiting = registered(forum, "waiting@example.kr")
    assert services.registration_cancel(registration=waiting, by=ActorKind.ATTENDEE) == []
    assert Registration.objects.confirmed().count() == 1


def test_cancelling_twice_is_refused():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    registration = registered(forum, "kim@example.kr")
    services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
    with pytest.raises(services.RegistrationError) as error:
        services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
    assert error.value.code == "already_cancelled"


def test_online_cancellation_closes_before_the_forum_but_staff_can_still_cancel(settings, staff_user):
    settings.REGISTRATION_CANCELLATION_CLOSES_HOURS = 12
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    registration = registered(forum, "kim@example.kr")
    with time_machine.travel(datetime.datetime(2030, 1, 7, 19, 29, tzinfo=SEOUL), tick=False):
        assert cancellation_is_open(forum) is True
    with time_machine.travel(datetime.datetime(2030, 1, 7, 19, 30, tzinfo=SEOUL), tick=False):
        with pytest.raises(services.RegistrationError) as error:
            services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
        assert error.value.code == "cancellation_closed"
        services.registration_cancel(registration=registration, by=staff_user)
    assert Registration.objects.get().status == "cancelled"


def test_raising_capacity_promotes_in_order_of_registration():
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    emails = [f"p{i}@example.kr" for i in range(5)]
    for email in emails:
        registered(forum, email)
    promoted = services.forum_capacity_change(forum=forum, capacity=3, by=ActorKind.SYSTEM)
    assert [r.email for r in promoted] == ["p1@example.kr", "p2@example.kr"]
    assert forum.capacity == 3
    assert (
        list(
            Registration.objects.filter(forum=forum)
            .confirmed()
            .order_by("created_at", "pk")
            .values_list("email", flat=True)
        )
        == emails[:3]
    )


def test_lowering_capacity_cancels_nobody():
    forum = ForumFactory(capacity=3, starts_at=seoul(2030, 1, 8))
    for i in range(3):
        registered(forum, f"p{i}@example.kr")
    assert services.forum_capacity_change(forum=forum, capacity=1, by=ActorKind.SYSTEM) == []
    assert Registration.objects.confirmed().count() == 3
    assert registered(forum, "late@example.kr").status == "waitlisted"


def test_promote_out_of_turn_only_into_a_free_seat():
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    holder = registered(forum, "holder@example.kr")
    registered(forum, "first@example.kr")
    second = registered(forum, "second@example.kr")
    with pytest.raises(services.RegistrationError) as error:
        services.registration_promote(registration=second, by=ActorKind.SYSTEM)
    assert error.value.code == "full"
    services.registration_cancel(registration=holder, by=ActorKind.ATTENDEE)  # promotes "first"
    services.forum_capacity_change(forum=forum, capacity=1, by=ActorKind.SYSTEM)
    with pytest.raises(services.RegistrationError):
        services.registration_promote(registration=second, by=ActorKind.SYSTEM)
    # A seat freed behind the services' back (no one promoted), then counted again.
    Registration.objects.filter(email="first@example.kr").update(status=RegistrationStatus.CANCELLED)
    seat_counts_recount(forum)
    services.registration_promote(registration=second, by=ActorKind.SYSTEM)
    assert Registration.objects.get(pk=second.pk).status == "confirmed"


def test_check_in_once_and_only_when_confirmed():
    registration = RegistrationFactory()
    assert services.registration_check_in(registration=registration, by=ActorKind.SYSTEM) is services.CheckIn.CHECKED_IN
    assert services.registration_check_in(registration=registration, by=ActorKind.SYSTEM) is services.CheckIn.ALREADY
    waiting = RegistrationFactory(status=RegistrationStatus.WAITLISTED)
    assert services.registration_check_in(registration=waiting, by=ActorKind.SYSTEM) is services.CheckIn.WAITLISTED
    assert Registration.objects.get(pk=registration.pk).checked_in_at == BEFORE_THE_FORUM


@pytest.mark.parametrize("field", ["name", "organization", "position"])
def test_the_service_refuses_an_address_in_a_persons_text(field):
    from django.core.exceptions import ValidationError

    forum = ForumFactory()
    with pytest.raises(ValidationError) as refused:
        registered(forum, **{field: "재인증 www.evil.example/login"})
    assert [error.code for error in refused.value.error_dict[field]] == ["address_in_text"]
    assert Registration.objects.count() == 0


def test_the_service_refuses_an_address_without_a_dotted_domain():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        registered(ForumFactory(), email="someone@localhost")
    assert [error.code for error in refused.value.error_dict["email"]] == ["no_domain"]


def test_resending_to_a_waiting_person_tells_them_their_place_without_a_qr_code():
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    registered(forum, "holder@example.kr")
    waiting = registered(forum, "waiting@example.kr")
    from tests.mailbox import outbox_clear

    outbox_clear()
    services.registration_resend_confirmation(registration=waiting, by=ActorKind.SYSTEM)
    [mail] = queued_mail(to=["waiting@example.kr"])
    assert "대기" in mail.subject
    assert [attachment.name for attachment in mail.attachments.all()] == []  # no QR code, no calendar


def test_the_waiting_list_is_first_come_by_time_not_by_id():
    """Registered in steps of a real clock: the later row (a higher id) came earlier, and
    is the first to get a freed seat."""
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    start = datetime.datetime(2029, 12, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    with time_machine.travel(start, tick=True) as traveller:
        holder = registered(forum, "holder@example.kr")
        traveller.shift(datetime.timedelta(minutes=5))
        later = registered(forum, "later@example.kr")
        traveller.move_to(start + datetime.timedelta(minutes=1))  # a row stored late, by a slower request
        earlier = registered(forum, "earlier@example.kr")
        assert earlier.pk > later.pk and earlier.created_at < later.created_at
        assert [services.waitlist_position(r) for r in (earlier, later)] == [1, 2]
        services.registration_cancel(registration=holder, by=ActorKind.SYSTEM)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert (statuses["earlier@example.kr"], statuses["later@example.kr"]) == ("confirmed", "waitlisted")
