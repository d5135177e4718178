"""A staff member invited in one step, in Chromium: the superuser fills one form, the
new colleague opens the mailed link on a phone, sets a password, signs in and sees
exactly the pages of the role they were given (screenshots in var/screenshots/)."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot, signed_in_staff
from tests.mailbox import queued_mail

EDITOR_PAGES = [
    "/admin/attendees/",
    "/admin/attendees/survey/",  # the results, no person in them
    "/admin/events/",
    "/admin/events/forum/",
    "/admin/events/forumphoto/",
    "/admin/events/forumphoto/add/",
    "/admin/events/series/",
    "/admin/events/talk/",
    "/admin/events/talk/add/",
    "/admin/events/venue/",
    "/admin/speakers/",
    "/admin/speakers/speaker/",
    "/admin/speakers/speaker/add/",
]


def test_invite_set_a_password_sign_in_and_see_the_roles_pages(demo_site, open_page):
    call_command("setup_roles")
    staff = signed_in_staff(demo_site, open_page)
    staff.get_by_role("link", name="스태프 초대").click()  # click 1, from the admin's index
    staff.get_by_label("이름").fill("한주무관")
    staff.get_by_label("이메일").fill("han@gwangju.go.kr")
    staff.get_by_label("콘텐츠 편집자").check()  # click 2
    save_screenshot(staff, "staff-invite")
    staff.get_by_role("button", name="계정 만들고 링크 보내기").click()  # click 3
    expect(staff.locator(".messagelist")).to_contain_text("한주무관 님의 계정을 콘텐츠 편집자 역할로 만들었습니다.")

    [mail] = queued_mail(to__contains="han@gwangju.go.kr")
    [link] = re.findall(r"http://\S+/admin/password/set/\S+/", mail.message)
    colleague = open_page("phone")
    colleague.goto(link)
    colleague.get_by_label(re.compile(r"^새 비밀번호:?$")).fill("breakfast-at-7:30")
    colleague.get_by_label(re.compile(r"^새 비밀번호 \(확인\):?$")).fill("breakfast-at-7:30")
    colleague.get_by_role("button", name="비밀번호 정하기").click()
    expect(colleague.get_by_text("비밀번호를 정했습니다. 이메일 주소와 이 비밀번호로 로그인하세요.")).to_be_visible()
    colleague.get_by_role("link", name="로그인").click()
    colleague.get_by_label("사용자 이름").fill("han@gwangju.go.kr")
    colleague.get_by_label("비밀번호").fill("breakfast-at-7:30")
    colleague.get_by_role("button", name="로그인").click()
    expect(colleague).to_have_url(re.compile(r"/admin/$"))
    save_screenshot(colleague, "staff-invited-editor-index-phone")
    # Exactly the editor's pages: what the public reads and the survey's results; no
    # registration, no desk, no accounts.
    offered = sorted(
        set(colleague.locator("#content-main a[href^='/admin/']").evaluate_all("links => links.map(a => a.pathname)"))
    )
    assert offered == EDITOR_PAGES, offered
