"""News by mail needs the mailbox's own confirmation (double opt-in), and lapses without it."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from attendees.models import ActionRecord, Registration
from attendees.news.subscriptions import active_subscriptions
from tests.factories import RegistrationFactory
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
REGISTER = "/forums/gwangju-ai/3/register/"
PERSON = {
    "name": "김광주",
    "email": "kim@example.kr",
    "organization": "광주AI",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


@pytest.fixture
def forum_3(demo, day_after_second_forum):
    return demo.forums.get(number=3)


def test_a_ticked_news_box_is_not_yet_a_subscription(client, forum_3):
    client.post(REGISTER, {**PERSON, "consent_marketing": "on"})
    registration = Registration.objects.get()
    assert (registration.consent_marketing, registration.marketing_confirmed_at) == (True, None)
    assert list(active_subscriptions()) == []  # nobody to send news to yet
    [mail] = queued_mail(to="kim@example.kr")
    assert f"http://127.0.0.1:8000/registrations/{registration.token}/news/" in mail.message


def test_without_the_news_box_the_mail_asks_nothing(client, forum_3):
    client.post(REGISTER, PERSON)
    [mail] = queued_mail(to="kim@example.kr")
    assert "/news/" not in mail.message


def test_the_mailbox_confirms_with_a_post_not_by_opening_the_link(client, forum_3):
    client.post(REGISTER, {**PERSON, "consent_marketing": "on"})
    registration = Registration.objects.get()
    url = f"/registrations/{registration.token}/news/"
    page = client.get(url)  # what a mail scanner's prefetch does
    assert "네, 다음 포럼 소식을 받겠습니다" in page.text
    assert Registration.objects.get().marketing_confirmed_at is None

    response = client.post(url, follow=True)
    assert response.redirect_chain == [(f"/registrations/{registration.token}/", 302)]
    assert "감사합니다. 다음 포럼 소식을 보내 드리겠습니다." in response.text
    assert Registration.objects.get().marketing_confirmed_at == datetime.datetime(2020, 8, 6, 9, 0, tzinfo=SEOUL)
    assert list(active_subscriptions().values_list("email", flat=True)) == ["kim@example.kr"]


def test_nothing_to_confirm_without_the_news_box(client, forum_3):
    registration = RegistrationFactory(forum=forum_3, consent_marketing=False)
    response = client.post(f"/registrations/{registration.token}/news/", follow=True)
    assert "이 신청에는 확인할 내용이 없습니다." in response.text
    assert Registration.objects.get().marketing_confirmed_at is None


def test_an_unconfirmed_request_lapses_after_the_confirmation_period(forum_3, settings):
    unconfirmed = RegistrationFactory(
        forum=forum_3, consent_marketing=True, consented_at=datetime.datetime(2020, 8, 6, 9, 0, tzinfo=SEOUL)
    )
    confirmed = RegistrationFactory(
        forum=forum_3,
        consent_marketing=True,
        consented_at=datetime.datetime(2020, 8, 6, 9, 0, tzinfo=SEOUL),
        marketing_confirmed_at=datetime.datetime(2020, 8, 6, 9, 5, tzinfo=SEOUL),
    )
    with time_machine.travel(datetime.datetime(2020, 8, 13, 8, 59, tzinfo=SEOUL), tick=False):
        call_command("purge_personal_data", stdout=open("/dev/null", "w"))
    assert Registration.objects.get(pk=unconfirmed.pk).consent_marketing is True
    with time_machine.travel(datetime.datetime(2020, 8, 13, 9, 1, tzinfo=SEOUL), tick=False):
        call_command("purge_personal_data", stdout=open("/dev/null", "w"))
    assert Registration.objects.get(pk=unconfirmed.pk).consent_marketing is False
    assert Registration.objects.get(pk=confirmed.pk).consent_marketing is True
    # On record: the system let one request lapse, on that day (the first run lapsed none).
    [record] = ActionRecord.objects.filter(action="news_requests_lapsed")
    assert (record.actor_kind, record.details, record.at) == (
        "system",
        {"lapsed": 1},
        datetime.datetime(2020, 8, 13, 9, 1, tzinfo=SEOUL),
    )
