"""News subscriptions: made by a confirmed news consent, outliving the purge; announcements
once to each current subscriber with RFC 8058 one-click unsubscribe; reconfirmation every
two years."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from attendees.models import ActionRecord, ActorKind, PendingMail, Subscription
from attendees.news.mails import NewsMail
from attendees.news.subscriptions import forum_announce, reconfirmations_run, subscription_confirmed
from attendees.outbox.delivery import outbox_deliver
from attendees.records import describe
from attendees.registrations import services
from attendees.registrations.erasure import personal_data_purge
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail
from tests.smtp import free_port, running_smtp_server, use_smtp_server

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def at(year, month, day, hour=9):
    return time_machine.travel(datetime.datetime(year, month, day, hour, 0, tzinfo=SEOUL), tick=False)


def subscribe(email, language="ko"):
    return subscription_confirmed(email=email, language=language, consent_version="2026-11-24")


def test_confirming_news_from_the_mailbox_makes_a_subscription_that_outlives_the_purge():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    with at(2029, 12, 20):
        registration = RegistrationFactory(
            forum=forum, email="Kim@Example.kr", language="en", consent_marketing=True, consented_at=seoul(2029, 12, 20)
        )
        assert services.registration_news_confirm(registration=registration)
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.consent_version) == (
        "kim@example.kr",
        "en",
        "2020-08",
    )
    assert subscription.reconfirmed_at == seoul(2029, 12, 20, 9, 0)
    with at(2031, 3, 1):
        assert personal_data_purge().registrations == 1
    assert Subscription.objects.get().email == "kim@example.kr"


def test_withdrawing_news_on_the_registration_page_ends_the_subscription():
    registration = RegistrationFactory(consent_marketing=True, marketing_confirmed_at=seoul(2029, 12, 20))
    subscribe(registration.email)
    services.registration_news_withdraw(registration=registration, by=services.ActorKind.ATTENDEE)
    ended = Subscription.objects.get()
    assert (ended.is_active, ended.ended_how, ended.email) == (False, "registration", f"ended-{ended.pk}@invalid")


def test_an_announcement_goes_once_to_each_current_subscriber_in_their_language():
    forum = ForumFactory(number=7, title="데이터와 제조", starts_at=seoul(2030, 3, 13))
    subscribe("ko@example.kr")
    subscribe("en@example.com", language="en")
    gone = subscribe("gone@example.kr")
    Client().post(reverse("attendees:unsubscribe", args=[gone.token]))
    assert forum_announce(forum, by=ActorKind.SYSTEM) == 2
    assert forum_announce(forum, by=ActorKind.SYSTEM) is None  # a second time: nobody twice
    assert sorted(PendingMail.objects.values_list("recipient", flat=True)) == ["en@example.com", "ko@example.kr"]
    [korean] = queued_mail(to=["ko@example.kr"])
    [english] = queued_mail(to=["en@example.com"])
    assert korean.subject == "[AI 조찬포럼] 제7차 포럼 «데이터와 제조», 2030년 3월 13일 (수): 참가 신청을 받습니다"
    assert (
        english.subject
        == "[AI Breakfast Forum] Forum No. 7 «데이터와 제조», Wednesday, March 13, 2030: registration open"
    )
    assert "/register/" in korean.message


def test_the_list_unsubscribe_headers_arrive_through_a_real_smtp_server(settings):
    subscription = subscribe("ko@example.kr")
    forum_announce(ForumFactory(starts_at=seoul(2030, 3, 13)), by=ActorKind.SYSTEM)
    port = free_port()
    use_smtp_server(settings, port)
    with running_smtp_server(port) as inbox:
        assert outbox_deliver() == 1
    [message] = inbox.parsed()
    unsubscribe_url = settings.SITE_URL + reverse("attendees:unsubscribe", args=[subscription.token])
    # Long, so folded onto its own line after the colon (RFC 5322 folding): unfolded here.
    assert str(message["List-Unsubscribe"]).strip() == f"<{unsubscribe_url}>"
    assert str(message["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in message.get_body(("plain",)).get_content()


def test_one_click_unsubscribe_works_without_a_csrf_token_and_is_recorded():
    subscription = subscribe("ko@example.kr")
    url = reverse("attendees:unsubscribe", args=[subscription.token])
    mail_program = Client(enforce_csrf_checks=True)
    assert "ko@example.kr" in mail_program.get(url).text  # looking changes nothing
    assert Subscription.objects.get().is_active
    with at(2030, 2, 1):
        response = mail_program.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 200
    ended = Subscription.objects.get()
    assert (ended.ended_at, ended.ended_how) == (datetime.datetime(2030, 2, 1, 9, 0, tzinfo=SEOUL), "one_click")
    assert "이 주소로는 포럼 소식을 보내지 않습니다" in mail_program.get(url).text


def test_an_unsubscribe_stops_an_announcement_already_queued(mailoutbox):
    subscription = subscribe("ko@example.kr")
    forum_announce(ForumFactory(starts_at=seoul(2030, 3, 13)), by=ActorKind.SYSTEM)
    Client().post(reverse("attendees:unsubscribe", args=[subscription.token]))
    outbox_deliver()
    assert mailoutbox == []
    assert PendingMail.objects.count() == 0


def test_consent_two_years_old_is_asked_again_and_ends_without_an_answer_in_30_days():
    with at(2028, 1, 10):
        answers = subscribe("answers@example.kr")
        silent = subscribe("silent@example.kr")
    with at(2030, 1, 9):
        assert reconfirmations_run() == {"asked": 0, "ended": 0}  # not yet two years
    with at(2030, 1, 11):
        assert reconfirmations_run() == {"asked": 2, "ended": 0}
        assert reconfirmations_run() == {"asked": 0, "ended": 0}  # asked once
        [request] = queued_mail(to=["answers@example.kr"])
        assert request.subject == "[AI 조찬포럼] 포럼 소식을 계속 받으시겠습니까?"
        assert reverse("attendees:reconfirm", args=[answers.token]) in request.message
    with at(2030, 1, 20):
        Client().post(reverse("attendees:reconfirm", args=[answers.token]))
    with at(2030, 2, 11):
        assert reconfirmations_run() == {"asked": 0, "ended": 1}
    answers.refresh_from_db()
    silent.refresh_from_db()
    assert answers.is_active and answers.reconfirmed_at == datetime.datetime(2030, 1, 20, 9, 0, tzinfo=SEOUL)
    assert (silent.is_active, silent.ended_how) == (False, "not_reconfirmed")
    assert PendingMail.objects.filter(kind=NewsMail.RECONFIRMATION).count() == 2
    records = ActionRecord.objects.filter(action="reconfirmation_asked").order_by("at")
    assert [(r.actor_kind, r.details, r.at.date()) for r in records] == [
        ("system", {"people_told": 2, "ended": 0}, datetime.date(2030, 1, 11)),
        ("system", {"people_told": 0, "ended": 1}, datetime.date(2030, 2, 11)),
    ]


def test_staff_see_how_many_subscribers_before_announcing(client, admin_user):
    forum = ForumFactory(starts_at=seoul(2030, 3, 13))
    subscribe("ko@example.kr")
    subscribe("en@example.com", language="en")
    url = reverse("admin:events_forum_announce", args=[forum.pk])
    with at(2030, 2, 1):
        client.force_login(admin_user)  # signed in on the frozen day
        page = client.get(url)
        assert "구독자 2명에게 보냅니다." in page.text
        done = client.post(url, follow=True)
        assert "구독자 2명에게 안내 메일을 보내도록 했습니다." in done.text
        again = client.post(url, follow=True)
        assert "이미 안내 메일을 보낸 포럼입니다." in again.text
    assert PendingMail.objects.count() == 2
    [record] = ActionRecord.objects.filter(action="forum_announced")
    assert (record.actor, record.forum, record.details, record.at) == (
        admin_user,
        forum,
        {"people_told": 2},
        datetime.datetime(2030, 2, 1, 9, 0, tzinfo=SEOUL),
    )
    assert describe(record) == "2명에게 알림"


def test_the_announce_page_previews_the_mail_and_warns_that_the_forum_is_full(admin_client):
    forum = ForumFactory(number=7, title="데이터와 제조", starts_at=seoul(2030, 3, 13), capacity=1)
    subscribe("ko@example.kr")
    page = admin_client.get(reverse("admin:events_forum_announce", args=[forum.pk]))
    assert "[AI 조찬포럼] 제7차 포럼 «데이터와 제조», 2030년 3월 13일 (수): 참가 신청을 받습니다" in page.text
    assert "제7차 포럼의 참가 신청을 받습니다." in page.text
    assert "정원이 찬 포럼입니다" not in page.text

    RegistrationFactory(forum=forum)  # the one seat
    page = admin_client.get(reverse("admin:events_forum_announce", args=[forum.pk]))
    assert "정원이 찬 포럼입니다 (좌석 1석 중 1석). 안내 메일은 대기자 신청을 받는다고 알립니다." in page.text
    assert "(구독자마다 자신의 구독 해지 링크)" in page.text
    assert PendingMail.objects.count() == 0  # looking sends nothing

    admin_client.post(reverse("admin:events_forum_announce", args=[forum.pk]))
    [mail] = queued_mail(to=["ko@example.kr"])
    assert mail.subject == "[AI 조찬포럼] 제7차 포럼 «데이터와 제조», 2030년 3월 13일 (수): 대기자 신청 중"
    assert "제7차 포럼은 정원이 찼고, 대기자 신청을 받습니다." in mail.message
    assert "대기자 신청: http" in mail.message
    assert "참가 신청:" not in mail.message
