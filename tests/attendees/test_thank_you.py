"""The thank-you after a forum: counts first, then once to each person, with the report."""

import collections

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from attendees.models import ActionRecord, ActorKind, PendingMail
from attendees.news.mails import NewsMail
from attendees.news.thank_you import thank_you_send
from events.models import ForumPhoto
from tests.concurrency import run_together
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail


def a_past_forum(*, published=True):
    forum = ForumFactory(number=5, starts_at=seoul(2020, 10, 14), report="**좋은** 아침이었습니다.")
    if published:
        forum.report_published_at = forum.ends_at
        forum.save()
    for index in range(3):
        RegistrationFactory(forum=forum, email=f"came{index}@example.kr", checked_in_at=forum.starts_at)
    RegistrationFactory(forum=forum, email="walkin@example.kr", walk_in=True, checked_in_at=forum.starts_at)
    for index in range(2):
        RegistrationFactory(forum=forum, email=f"absent{index}@example.kr")
    RegistrationFactory(forum=forum, email="cancelled@example.kr", status="cancelled")
    return forum


def mails(kind):
    return sorted(PendingMail.objects.filter(kind=kind).values_list("recipient", flat=True))


@pytest.mark.django_db
def test_the_admin_shows_each_group_before_sending_then_thanks_each_person_once(admin_client):
    forum = a_past_forum()
    url = reverse("admin:events_forum_thank_you", args=[forum.pk])
    page = admin_client.get(url)
    assert '<tr><th scope="row">참석자 (현장 확인)</th><td>4</td><td>4</td></tr>' in page.text
    assert '<tr><th scope="row">신청했으나 오지 않은 분</th><td>2</td><td>2</td></tr>' in page.text
    assert PendingMail.objects.count() == 0  # nothing sent by looking

    done = admin_client.post(url, {}, follow=True)
    assert "4명에게 감사 메일을 보내도록 했습니다." in done.text
    assert mails(NewsMail.THANK_YOU) == [
        "came0@example.kr",
        "came1@example.kr",
        "came2@example.kr",
        "walkin@example.kr",
    ]

    admin_client.post(url, {"include_absent": "on"})
    admin_client.post(url, {"include_absent": "on"})  # again: nobody twice
    assert mails(NewsMail.SORRY_WE_MISSED_YOU) == ["absent0@example.kr", "absent1@example.kr"]
    assert len(mails(NewsMail.THANK_YOU)) == 4
    assert "<td>4</td><td>0</td>" in admin_client.get(url).text
    records = ActionRecord.objects.filter(action="thank_you_sent").order_by("pk")
    assert [(r.actor.username, r.forum, r.details) for r in records] == [
        ("admin", forum, {"people_told": 4, "include_absent": False}),
        ("admin", forum, {"people_told": 2, "include_absent": True}),
        ("admin", forum, {"people_told": 0, "include_absent": True}),
    ]


@pytest.mark.django_db
def test_the_thank_you_links_the_report_and_the_first_photos():
    forum = a_past_forum()
    for order in (1, 2, 3, 4):
        photo = ForumPhoto(forum=forum, alt_text="강연 장면", caption=f"사진 {order}", order=order)
        photo.image.save(f"p{order}.jpg", ContentFile(b"\xff\xd8\xff"), save=True)
    thank_you_send(forum=forum, include_absent=True, by=ActorKind.SYSTEM)
    [thanks] = queued_mail(to=["came0@example.kr"])
    assert thanks.subject == "[AI 조찬포럼] 제5차 포럼에 함께해 주셔서 감사합니다: 결과 보고"
    assert f"{settings.SITE_URL}{forum.get_absolute_url()}#report-heading" in thanks.message
    assert f"- 사진 1: {settings.SITE_URL}/media/forums/p1" in thanks.message
    assert "사진 3" in thanks.message and "사진 4" not in thanks.message
    [missed] = queued_mail(to=["absent0@example.kr"])
    assert missed.subject == "[AI 조찬포럼] 제5차 포럼 결과 보고"


@pytest.mark.django_db
def test_no_thank_you_before_the_report_is_published(admin_client):
    forum = a_past_forum(published=False)
    response = admin_client.post(reverse("admin:events_forum_thank_you", args=[forum.pk]), {}, follow=True)
    assert "먼저 포럼 보고서를 공개해 주세요. 감사 메일에 보고서 링크가 들어갑니다." in response.text
    assert PendingMail.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_sending_twice_at_once_thanks_each_person_once(postgres_only):
    forum = a_past_forum()

    def send():
        return thank_you_send(forum=forum, include_absent=True, by=ActorKind.SYSTEM)

    _results, errors = run_together([send, send])
    assert errors == []
    assert collections.Counter(PendingMail.objects.values_list("recipient", flat=True)) == dict.fromkeys(
        [
            "came0@example.kr",
            "came1@example.kr",
            "came2@example.kr",
            "walkin@example.kr",
            "absent0@example.kr",
            "absent1@example.kr",
        ],
        1,
    )
