"""Staff move forum 3 half an hour later in the admin: a preview says whom it mails and
shows the mail before anything is sent (screenshot in var/screenshots/)."""

import re

import pytest
from playwright.sync_api import expect

from attendees.models import PendingMail
from events.models import Forum
from tests.browser.conftest import save_screenshot, signed_in_staff
from tests.factories import registered

pytestmark = pytest.mark.browser


def test_staff_move_forum_3_and_confirm_after_reading_the_mail(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    registered(forum, "kim.gwangju@example.kr")
    registered(forum, "lee.narae@example.kr")
    PendingMail.objects.all().delete()

    staff = signed_in_staff(demo_site, open_page)
    staff.goto(demo_site + f"/admin/events/forum/{forum.pk}/change/")
    staff.locator("input[name=starts_at_1]").fill("08:00:00")
    staff.get_by_role("button", name="저장", exact=True).click()

    expect(staff).to_have_url(re.compile(rf"/admin/events/forum/{forum.pk}/reschedule/\?starts_at="))
    expect(staff.locator(".forum-reschedule-count")).to_contain_text("2명에게 메일로 알립니다.")
    expect(staff.locator("pre")).to_contain_text("일시: 2020년 9월 9일 (수) 오전 8:00")
    assert PendingMail.objects.count() == 0  # nothing sent by looking
    save_screenshot(staff, "admin-forum-reschedule-preview")

    staff.get_by_role("button", name="네, 일시·장소를 바꾸고 모두에게 알립니다").click()
    expect(staff.locator(".messagelist")).to_contain_text("바뀐 일시·장소를 2명에게 메일로 알렸습니다.")
    assert PendingMail.objects.filter(kind="forum_rescheduled").count() == 2
