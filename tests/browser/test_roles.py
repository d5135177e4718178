"""Each staff role on a phone: it signs in, finds its own work from the admin's index, is
offered nothing it may not use, and a page it types in by hand is refused in Korean
(screenshots in var/screenshots/)."""

import re

from playwright.sync_api import expect

from events.models import Forum
from tests.browser.conftest import save_screenshot
from tests.factories import staff_with_role


def signed_in_as(demo_site, open_page, username, role):
    staff_with_role(role, username)
    page = open_page("phone")
    page.goto(demo_site + "/admin/login/?next=/admin/")
    page.get_by_label("사용자 이름").fill(username)
    page.get_by_label("비밀번호").fill("a-long-password-1")
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def test_the_desk_finds_the_desk_from_the_admin_and_nothing_else(demo_site, open_page):
    page = signed_in_as(demo_site, open_page, "desk-phone", "접수 데스크")
    expect(page.get_by_role("link", name="포럼", exact=True)).to_have_count(0)
    save_screenshot(page, "role-desk-admin-index-phone")
    page.get_by_role("link", name="접수 데스크").click()
    expect(page).to_have_url(re.compile(r"/desk/"))
    expect(page.locator("h1")).to_have_text("접수 데스크")


def test_a_content_editor_edits_the_report_and_is_refused_the_registrations_in_korean(demo_site, open_page):
    page = signed_in_as(demo_site, open_page, "editor-phone", "콘텐츠 편집자")
    forum = Forum.objects.get(number=2)
    page.goto(demo_site + "/admin/events/forum/")
    expect(page.locator("#result_list")).to_be_visible()
    expect(page.get_by_role("link", name="목록", exact=True)).to_have_count(0)  # no registration links
    page.goto(demo_site + f"/admin/events/forum/{forum.pk}/change/")
    expect(page.locator("#id_report")).to_be_editable()
    expect(page.locator("input[name=capacity]")).to_have_count(0)  # seats are the manager's
    save_screenshot(page, "role-editor-forum-phone")

    page.goto(demo_site + "/admin/attendees/registration/")
    expect(page.locator("h1")).to_have_text("이 페이지를 열 권한이 없습니다")
    expect(page.get_by_text("계정의 역할: 콘텐츠 편집자")).to_be_visible()
    save_screenshot(page, "role-refused-phone")


def test_a_forum_manager_reaches_the_registrations_and_the_desk(demo_site, open_page):
    page = signed_in_as(demo_site, open_page, "manager-phone", "포럼 담당자")
    page.get_by_role("link", name="접수 데스크").click()
    expect(page.locator("h1")).to_have_text("접수 데스크")
    page.goto(demo_site + "/admin/events/forum/")
    page.get_by_role("link", name="목록", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/attendees/registration/\?forum__id__exact="))
    save_screenshot(page, "role-manager-registrations-phone")
