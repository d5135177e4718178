"""A cancelled or moved forum reaches every registrant, by every path staff may take."""

import datetime

import icalendar
import pytest
import time_machine
from django.urls import reverse

from attendees.models import Action, ActionRecord, ActorKind, Registration
from attendees.registrations import services
from attendees.registrations.addresses import management_path
from attendees.registrations.forum_changes import forum_cancel, forum_reschedule
from events.models import Forum
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, RegistrationFactory, SeriesFactory, VenueFactory, seoul
from tests.mailbox import outbox_clear, queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _before_the_forums():
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        yield


@pytest.fixture
def forum_with_people():
    """Forum 3 with two seats taken, one person waiting (in English) and one cancelled, and a forum 4 after it."""
    series = SeriesFactory(name="인공지능 조찬포럼", slug="gwangju-ai")
    forum = ForumFactory(series=series, number=3, title="AI와 제조", capacity=2, starts_at=seoul(2030, 1, 8))
    ForumFactory(series=series, number=4, title="AI와 의료", starts_at=seoul(2030, 2, 12))
    people = [
        services.registration_create(
            forum=forum,
            name=name,
            email=f"{name}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
            language=language,
        )
        for name, language in (("kim", "ko"), ("lee", "ko"), ("park", "en"))
    ]
    RegistrationFactory(forum=forum, email="gone@example.kr", status="cancelled")
    outbox_clear()  # the registration mails: only the forum's own mails count below
    return forum, people


def calendar_of(mail):
    [(filename, content, mimetype)] = mail.email_message().attachments
    calendar = icalendar.Calendar.from_ical(content)
    assert mimetype == f"text/calendar; method={calendar['METHOD']}"  # the part says what the file does
    return calendar


def test_cancelling_tells_every_active_registrant_in_their_language(forum_with_people, staff_user):
    forum, (kim, lee, park) = forum_with_people
    assert [r.status for r in (kim, lee, park)] == ["confirmed", "confirmed", "waitlisted"]

    told = forum_cancel(forum=forum, by=staff_user, reason="연사 사정으로 취소합니다.")

    assert told == 3
    assert set(Registration.objects.filter(forum=forum).values_list("status", flat=True)) == {"cancelled"}
    forum.refresh_from_db()
    assert (forum.status, forum.cancellation_reason, forum.calendar_sequence) == (
        "cancelled",
        "연사 사정으로 취소합니다.",
        1,
    )
    mails = {mail.to[0]: mail for mail in queued_mail()}
    assert sorted(mails) == ["kim@example.kr", "lee@example.kr", "park@example.kr"]
    assert mails["kim@example.kr"].subject == "[AI 조찬포럼] 제3차 포럼이 취소되었습니다"
    assert "사유: 연사 사정으로 취소합니다." in mails["kim@example.kr"].message
    assert "다음 포럼: 제4차 «AI와 의료», 2030년 2월 12일 (화) 오전 7:30" in mails["kim@example.kr"].message
    assert mails["park@example.kr"].subject == "[AI Breakfast Forum] Forum No. 3 is cancelled"
    calendar = calendar_of(mails["kim@example.kr"])
    [event] = calendar.walk("VEVENT")
    assert (calendar["METHOD"], event["STATUS"], event["UID"], event["SEQUENCE"]) == (
        "CANCEL",
        "CANCELLED",
        forum.calendar_uid,
        1,
    )


def test_cancelling_records_who_why_and_each_registration(forum_with_people, staff_user):
    forum, people = forum_with_people
    forum_cancel(forum=forum, by=staff_user, reason="태풍 경보")
    record = ActionRecord.objects.get(action=Action.FORUM_CANCELLED)
    assert (record.actor, record.actor_kind, record.forum, record.before, record.after) == (
        staff_user,
        "staff",
        forum,
        "published",
        "cancelled",
    )
    assert record.details == {"people_told": 3, "reason": "태풍 경보"}
    per_person = ActionRecord.objects.filter(action=Action.REGISTRATION_CANCELLED, details__cause="forum_cancelled")
    assert sorted((r.registration_id, r.before) for r in per_person) == sorted(
        [(people[0].pk, "confirmed"), (people[1].pk, "confirmed"), (people[2].pk, "waitlisted")]
    )


def test_a_cancellation_needs_a_reason_and_happens_once(forum_with_people, staff_user):
    forum, _people = forum_with_people
    with pytest.raises(services.RegistrationError) as no_reason:
        forum_cancel(forum=forum, by=staff_user, reason="  ")
    assert no_reason.value.code == "no_reason"
    forum_cancel(forum=forum, by=staff_user, reason="태풍")
    with pytest.raises(services.RegistrationError) as again:
        forum_cancel(forum=forum, by=staff_user, reason="태풍")
    assert again.value.code == "already_cancelled"
    assert queued_mail().count() == 3


def test_rescheduling_mails_the_change_with_an_updated_calendar(forum_with_people, staff_user):
    forum, _people = forum_with_people
    new_venue = VenueFactory(name="김대중컨벤션센터", room="3층 회의실")
    told = forum_reschedule(
        forum=forum, by=staff_user, starts_at=seoul(2030, 1, 15), ends_at=seoul(2030, 1, 15, 9, 30), venue=new_venue
    )
    assert told == 3
    forum.refresh_from_db()
    assert (forum.starts_at, forum.venue, forum.calendar_sequence, forum.is_rescheduled) == (
        seoul(2030, 1, 15),
        new_venue,
        1,
        True,
    )
    kim_mail = queued_mail(to="kim@example.kr").get()
    assert kim_mail.subject == "[AI 조찬포럼] 제3차 포럼 일정이 바뀌었습니다"
    assert "변경 전: 2030년 1월 8일 (화) 오전 7:30, 회의장" in kim_mail.message
    assert "일시: 2030년 1월 15일 (화) 오전 7:30" in kim_mail.message
    assert "장소: 김대중컨벤션센터 3층 회의실" in kim_mail.message
    assert f"/registrations/{_people[0].token}/" in kim_mail.message
    [event] = calendar_of(kim_mail).walk("VEVENT")
    assert (event["UID"], event["SEQUENCE"], event.decoded("DTSTART").isoformat()) == (
        forum.calendar_uid,
        1,
        "2030-01-15T07:30:00+09:00",
    )
    record = ActionRecord.objects.get(action=Action.FORUM_RESCHEDULED)
    assert (record.actor, record.details["people_told"], record.details["changed"]) == (
        staff_user,
        3,
        ["starts_at", "ends_at", "venue"],
    )


def test_nothing_changed_tells_nobody(forum_with_people, staff_user):
    forum, _people = forum_with_people
    assert (
        forum_reschedule(
            forum=forum, by=staff_user, starts_at=forum.starts_at, ends_at=forum.ends_at, venue=forum.venue
        )
        == 0
    )
    assert queued_mail().count() == 0


def test_a_draft_moves_without_mail(staff_user):
    draft = ForumFactory(status="draft", starts_at=seoul(2030, 3, 12))
    assert (
        forum_reschedule(
            forum=draft, by=staff_user, starts_at=seoul(2030, 3, 19), ends_at=seoul(2030, 3, 19, 9), venue=None
        )
        == 0
    )
    draft.refresh_from_db()
    assert (draft.starts_at, draft.calendar_sequence, draft.rescheduled_at) == (seoul(2030, 3, 19), 0, None)


def test_status_cancelled_in_the_change_form_leads_to_the_confirmation(admin_client, forum_with_people):
    forum, _people = forum_with_people
    url = reverse("admin:events_forum_change", args=[forum.pk])
    response = admin_client.post(url, forum_change_form(forum, status="cancelled", title="AI와 제조업"))
    assert (response.status_code, response.url) == (302, f"/admin/events/forum/{forum.pk}/cancel/")
    forum.refresh_from_db()
    assert (forum.status, forum.title) == ("published", "AI와 제조업")  # the rest saved; nobody cancelled yet
    assert queued_mail().count() == 0

    page = admin_client.get(response.url)
    assert "3명에게 메일로 알립니다." in page.text
    assert "(참가 확정 2명, 대기 1명)" in page.text
    refused = admin_client.post(response.url, {"reason": ""})
    assert refused.context["form"].errors == {"reason": ["취소 사유를 입력해 주세요. 모든 신청자에게 보냅니다."]}

    done = admin_client.post(response.url, {"reason": "연사 사정"}, follow=True)
    assert "포럼을 취소했습니다. 3명에게 메일로 알립니다." in done.text
    assert Forum.objects.get(pk=forum.pk).status == "cancelled"
    assert queued_mail().count() == 3


def test_the_cancel_action_leads_to_the_same_confirmation(admin_client, forum_with_people):
    forum, _people = forum_with_people
    response = admin_client.post("/admin/events/forum/", {"action": "cancel_forum", "_selected_action": [forum.pk]})
    assert (response.status_code, response.url) == (302, f"/admin/events/forum/{forum.pk}/cancel/")
    assert Forum.objects.get(pk=forum.pk).status == "published"


def test_a_new_date_in_the_change_form_is_previewed_and_mailed_only_once_confirmed(admin_client, forum_with_people):
    forum, _people = forum_with_people
    url = reverse("admin:events_forum_change", args=[forum.pk])
    preview = admin_client.post(url, forum_change_form(forum, starts_at_1="08:00:00", title="AI와 제조업"), follow=True)
    assert preview.redirect_chain[0][0].startswith(
        f"/admin/events/forum/{forum.pk}/reschedule/?starts_at=2030-01-08T08"
    )
    assert "다른 변경 사항은 저장했습니다. 바뀐 일시·장소는 여기에서 확인해 주세요." in preview.text
    assert "3명에게 메일로 알립니다." in preview.text
    # The mail as it will read: the old time, then the new one, with placeholders for each person.
    assert "(신청자 이름) 님," in preview.text
    assert f"변경 전: 2030년 1월 8일 (화) 오전 7:30, {forum.venue}" in preview.text
    assert "일시: 2030년 1월 8일 (화) 오전 8:00" in preview.text
    forum.refresh_from_db()
    assert (forum.title, forum.starts_at, forum.calendar_sequence) == ("AI와 제조업", seoul(2030, 1, 8), 0)
    assert queued_mail().count() == 0  # nothing sent by looking

    form = preview.context["form"]
    confirmed = admin_client.post(form_url(preview), {name: form[name].value() for name in form.fields}, follow=True)
    assert "바뀐 일시·장소를 3명에게 메일로 알렸습니다." in confirmed.text
    assert queued_mail().count() == 3
    forum.refresh_from_db()
    assert (forum.starts_at, forum.calendar_sequence) == (seoul(2030, 1, 8, 8, 0), 1)


def test_a_new_venue_goes_through_the_same_preview(admin_client, forum_with_people):
    forum, _people = forum_with_people
    other_venue = VenueFactory(name="광주과학기술진흥원")
    url = reverse("admin:events_forum_change", args=[forum.pk])
    preview = admin_client.post(url, forum_change_form(forum, venue=other_venue.pk), follow=True)
    assert "장소: 광주과학기술진흥원" in preview.text
    assert Forum.objects.get(pk=forum.pk).venue != other_venue
    form = preview.context["form"]
    admin_client.post(form_url(preview), {name: form[name].value() for name in form.fields})
    assert queued_mail().count() == 3
    assert (Forum.objects.get(pk=forum.pk).venue, Forum.objects.get(pk=forum.pk).calendar_sequence) == (other_venue, 1)


def test_a_tampered_preview_address_moves_nothing(admin_client, forum_with_people):
    forum, _people = forum_with_people
    url = reverse("admin:events_forum_reschedule", args=[forum.pk])
    page = admin_client.get(url, {"starts_at": "2030-01-08T09:00:00+09:00", "ends_at": "2030-01-08T08:00:00+09:00"})
    assert "바뀐 일시·장소를 읽을 수 없습니다." in page.text
    refused = admin_client.post(url, {"starts_at": "2030-01-08T09:00:00+09:00", "ends_at": "2030-01-08T08:00:00+09:00"})
    assert refused.status_code == 200
    assert (Forum.objects.get(pk=forum.pk).starts_at, queued_mail().count()) == (seoul(2030, 1, 8), 0)


def form_url(response) -> str:
    """Where the page's form posts: the page's own address, without its query."""
    return response.redirect_chain[-1][0].split("?")[0]


@pytest.mark.parametrize(
    ("start", "change", "error"),
    [
        (
            "published",
            "draft",
            "이 포럼에 신청한 사람이 있습니다. 초안으로 되돌리지 말고 취소해 주세요. 그래야 신청자에게 알림이 갑니다.",
        ),
        ("cancelled", "published", "취소된 포럼은 되돌릴 수 없습니다. 이미 모든 신청자에게 알렸습니다."),
    ],
)
def test_no_status_change_reaches_registrants_silently(admin_client, forum_with_people, start, change, error):
    forum, _people = forum_with_people
    if start == "cancelled":
        forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="태풍")
        forum.refresh_from_db()
    response = admin_client.post(
        reverse("admin:events_forum_change", args=[forum.pk]), forum_change_form(forum, status=change)
    )
    assert response.context["adminform"].form.errors == {"status": [error]}
    assert Forum.objects.get(pk=forum.pk).status == start


def test_a_forum_with_registrations_cannot_be_deleted(admin_client, forum_with_people):
    forum, _people = forum_with_people
    url = reverse("admin:events_forum_delete", args=[forum.pk])
    assert "<h1>포럼 삭제 불가</h1>" in admin_client.get(url).text
    admin_client.post(url, {"post": "yes"})
    assert Forum.objects.filter(pk=forum.pk).exists()


def test_deleting_a_registration_keeps_the_queue(admin_client, forum_with_people):
    forum, (kim, _lee, park) = forum_with_people
    admin_client.post(reverse("admin:attendees_registration_delete", args=[kim.pk]), {"post": "yes"})
    assert not Registration.objects.filter(pk=kim.pk).exists()
    assert Registration.objects.get(pk=park.pk).status == "confirmed"  # the first waiting got the seat
    assert (
        queued_mail(to="park@example.kr").get().subject
        == "[AI Breakfast Forum] A seat is free: you are confirmed for forum No. 3"
    )


def test_the_public_sees_a_cancelled_forum_and_cannot_register(client, forum_with_people):
    forum, _people = forum_with_people
    forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="연사 사정")
    page = client.get("/forums/gwangju-ai/3/")
    assert "이 포럼은 취소되었습니다." in page.text and "사유: 연사 사정" in page.text
    assert 'href="/forums/gwangju-ai/3/register/"' not in page.text
    assert "제3차 · <strong>취소됨</strong>" in client.get("/forums/").text
    home = client.get("/")
    assert home.context["next_forum"].number == 4
    assert "제3차 · <strong>취소됨</strong>" in home.text
    register = client.post("/forums/gwangju-ai/3/register/", {"name": "x"})
    assert "이 포럼은 취소되었습니다." in register.text


def test_the_public_sees_a_changed_date(client, forum_with_people, staff_user):
    forum, _people = forum_with_people
    forum_reschedule(
        forum=forum, by=staff_user, starts_at=seoul(2030, 1, 9), ends_at=seoul(2030, 1, 9, 9), venue=forum.venue
    )
    assert (
        "<strong>일정 변경</strong>: 이 포럼의 일시 또는 장소가 바뀌었습니다."
        in client.get("/forums/gwangju-ai/3/").text
    )
    assert "제3차 · 일정 변경" in client.get("/").text


def test_the_calendar_feed_shows_the_change_and_says_how_often_to_refresh(
    client, forum_with_people, django_capture_on_commit_callbacks
):
    forum, _people = forum_with_people
    before = icalendar.Calendar.from_ical(client.get("/forums.ics").content)
    with django_capture_on_commit_callbacks(execute=True):  # the cached feed is stale once this commits
        forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="태풍")
    feed = icalendar.Calendar.from_ical(client.get("/forums.ics").content)
    assert (feed["REFRESH-INTERVAL"].to_ical(), feed["X-PUBLISHED-TTL"].to_ical()) == (b"PT1H", b"PT1H")
    [old] = [e for e in before.walk("VEVENT") if e["UID"] == forum.calendar_uid]
    [new] = [e for e in feed.walk("VEVENT") if e["UID"] == forum.calendar_uid]
    assert (old["SEQUENCE"], old["STATUS"]) == (0, "CONFIRMED")
    assert (new["SEQUENCE"], new["STATUS"], str(new["SUMMARY"])) == (
        1,
        "CANCELLED",
        "[취소] 인공지능 조찬포럼 제3차: AI와 제조",
    )


def test_the_site_offers_a_webcal_subscription(client, forum_with_people):
    page = client.get("/forums/")
    assert 'href="webcal://testserver/forums.ics"' in page.text
    assert 'href="/forums.ics"' in page.text


def test_the_management_page_says_the_forum_is_cancelled(client, forum_with_people):
    forum, (kim, *_rest) = forum_with_people
    forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="연사 사정")
    page = client.get(management_path(kim))
    assert "이 포럼은 취소되었습니다." in page.text and "사유: 연사 사정" in page.text
    assert '<strong class="status-cancelled">취소됨</strong>' in page.text
