"""Wording that misled, read as the person reads the page: each sentence in its place,
in Korean, saying what is true. (The phone number's own error and the masked foreign
phone are held by test_views.py and test_exports.py.)"""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse

from attendees.registrations import services
from events.models import ForumStatus
from tests.factories import ForumFactory, RegistrationFactory, SeriesFactory, VenueFactory, seoul, staff_with_role

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def visible_text(html: str) -> str:
    """The page's words in reading order, without its markup, scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_walk_in_form_puts_the_consent_box_under_the_notice_it_refers_to(client):
    with time_machine.travel(datetime.datetime(2030, 1, 8, 7, 0, tzinfo=SEOUL), tick=False):
        forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
        client.force_login(staff_with_role("접수 데스크", "desk"))
        text = visible_text(client.get(reverse("desk:walk-in", args=[forum.pk])).text)
    notice = text.index("개인정보 수집·이용 동의")
    box = text.index("위와 같이 개인정보를 수집·이용하는 데 동의합니다. (필수)")
    sector = text.index("분야 * 산업 학계 연구 관(행정) 기타")
    # The person's details, then the notice, then the box that refers to it, then the button.
    assert sector < notice < box < text.index("참가 신청", box)


def test_the_online_form_says_what_the_address_is_for_not_a_rule_of_the_desk(client):
    forum = ForumFactory(status=ForumStatus.PUBLISHED, starts_at=seoul(2030, 1, 8))
    page = client.get(f"/forums/{forum.series.slug}/{forum.number}/register/").text
    [help_text] = re.findall(r'<div id="id_email_helptext"[^>]*>(.*?)</div>', page, re.S)
    assert visible_text(help_text) == "신청 확인 메일과 개인 링크를 이 주소로 보내 드립니다."
    assert "현장 등록에서만" not in page


def test_the_plan_page_says_before_it_runs_which_months_it_fills_and_why_not_the_others(client, admin_user):
    series = SeriesFactory(default_venue=VenueFactory())  # second Wednesdays
    ForumFactory(series=series, number=1, starts_at=seoul(2030, 6, 12))
    with time_machine.travel(datetime.datetime(2030, 5, 20, 9, 0, tzinfo=SEOUL), tick=False):  # after 8 May
        client.force_login(admin_user)
        page = client.get(reverse("admin:events_series_plan", args=[series.pk]), {"months": 3}).text
    text = visible_text(page)
    assert "3개월 중: 새 초안 1개월, 이미 포럼 있음 1개월, 모임일 지남 1개월." in text
    assert "2030년 5월 8일 (수) – 지남: 모임일이 이미 지났습니다" in text
    assert "2030년 6월 12일 (수) – 이미 포럼이 있습니다" in text
    assert "2030년 7월 10일 (수) 제2차 초안을 만듭니다" in text
    assert series.forums.count() == 1  # nothing made by looking


def test_publishing_says_when_each_forum_opens_for_registration(client, admin_user):
    series = SeriesFactory()
    later = ForumFactory(series=series, number=13, starts_at=seoul(2030, 6, 19), status=ForumStatus.DRAFT)
    soon = ForumFactory(
        series=series,
        number=14,
        starts_at=seoul(2030, 5, 15),
        status=ForumStatus.DRAFT,
        registration_opens_at=seoul(2030, 4, 1),
    )
    with time_machine.travel(datetime.datetime(2030, 5, 1, 9, 0, tzinfo=SEOUL), tick=False):
        client.force_login(admin_user)
        done = client.post(
            reverse("admin:events_forum_changelist"),
            {"action": "publish_forums", "_selected_action": [later.pk, soon.pk]},
            follow=True,
        )
    [message] = [m.message for m in done.context["messages"]]
    assert message.startswith("포럼 2개를 공개했습니다. ")
    assert "제13차는 2030년 5월 20일 (월) 오전 7:30부터 신청을 받습니다." in message
    assert "제14차는 지금부터 신청을 받습니다." in message


def test_the_record_of_changes_is_titled_in_korean_and_shows_states_in_words(client):
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    registration = RegistrationFactory(forum=forum)
    manager = staff_with_role("포럼 담당자", "manager")
    with time_machine.travel(datetime.datetime(2030, 1, 8, 7, 10, tzinfo=SEOUL), tick=False):
        services.registration_check_in(registration=registration, by=manager)
    admin = User.objects.create_superuser("admin", password="a-long-password-1")
    client.force_login(admin)
    page = client.get(reverse("admin:attendees_actionrecord_changelist")).text
    assert "<h1>변경 기록 목록</h1>" in page
    rows = visible_text(page.split('id="result_list"')[1].split("</table>")[0])
    assert "확정 현장 확인" in rows  # before and after, in words
    assert not re.search(r"\b(confirmed|checked_in|waitlisted)\b", rows)
    assert "보기위한" not in page and "를(을)" not in page


def test_the_forum_delete_page_speaks_korean_without_objects(client):
    forum = ForumFactory(number=1, title="창립 포럼", starts_at=seoul(2030, 1, 8))
    RegistrationFactory(forum=forum)
    client.force_login(User.objects.create_superuser("admin", password="a-long-password-1"))
    text = visible_text(client.get(reverse("admin:events_forum_delete", args=[forum.pk])).text)
    assert "오브젝트" not in text and "포럼를" not in text
    assert (
        f"포럼 '{forum}'에는 지울 수 없는 관련 항목이 있습니다. 먼저 아래 항목을 정리해야 삭제할 수 있습니다:" in text
    )


def test_the_desk_shows_each_guests_organisation(client):
    with time_machine.travel(datetime.datetime(2030, 1, 8, 7, 0, tzinfo=SEOUL), tick=False):
        forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
        forum.guests.create(name="정병석", title="총장", organization="전남대학교")
        client.force_login(staff_with_role("접수 데스크", "desk"))
        page = client.get(reverse("desk:page"), {"forum": forum.pk}).text
    [guest] = re.findall(r'<li class="desk-person desk-guest.*?</li>', page, re.S)
    assert "정병석 전남대학교 · 총장" in visible_text(guest)
