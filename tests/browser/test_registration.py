"""A person registers for forum 3 in Korean, keeps the link, downloads the calendar file,
cancels, and the seat goes to the first person waiting."""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from attendees.models import Registration
from attendees.registrations import services
from attendees.registrations.addresses import management_path
from events.models import Forum
from tests.browser.conftest import SCREENSHOTS, save_screenshot
from tests.factories import RegistrationFactory
from tests.mailbox import queued_mail

pytestmark = pytest.mark.browser


def textbox(page, label):
    """The text field whose label starts with `label` (required ones end in "*")."""
    return page.get_by_role("textbox", name=re.compile(f"^{label}"))


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_register_download_calendar_cancel_and_the_seat_moves_on(demo_site, open_page, size):
    forum = Forum.objects.get(number=3)
    forum.capacity = 2
    forum.save()
    RegistrationFactory(forum=forum)  # one of the two seats is taken

    page = open_page(size)
    page.goto(demo_site + "/forums/gwangju-ai/3/")
    page.locator("#registration").get_by_role("link", name=re.compile("참가 신청")).click()
    expect(page.locator("h1")).to_have_text("참가 신청")
    expect(page.locator(".privacy-notice")).to_contain_text("포럼 종료 후 365일까지 보유하며")

    # A mistake first: the form says what is wrong, next to the field, in Korean.
    textbox(page, "이름").fill("김광주")
    textbox(page, "이메일").fill("kim.gwangju@gmial.com")
    textbox(page, "이메일").blur()
    # A likely misspelt mail domain: a suggestion beside the field, applied with one tap.
    expect(page.locator(".mail-suggestion")).to_contain_text("혹시 kim.gwangju@gmail.com 인가요?")
    page.get_by_role("button", name="이 주소로 고치기").click()
    expect(textbox(page, "이메일")).to_have_value("kim.gwangju@gmail.com")
    textbox(page, "이메일").fill("kim.gwangju@example.kr")
    textbox(page, "전화번호").fill("010-12")
    textbox(page, "소속").fill("광주AI 주식회사")
    textbox(page, "직위").fill("책임연구원")
    page.get_by_label("산업").check()
    page.get_by_role("button", name="참가 신청").click()
    expect(page.locator("#id_phone_error")).to_contain_text("올바른 전화번호가 아닙니다.")
    expect(textbox(page, "이름")).to_have_value("김광주")  # nothing typed is lost
    # The page opens on the summary of what is wrong, focused, with a link to each field.
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    page.screenshot(path=SCREENSHOTS / f"register-error-summary-{size}.png")  # what the screen shows
    summary.get_by_role("link", name=re.compile("올바른 전화번호가 아닙니다")).click()
    expect(textbox(page, "전화번호")).to_be_focused()
    save_screenshot(page, f"register-errors-{size}")

    textbox(page, "전화번호").fill("010-1234-5678")
    page.get_by_label(re.compile("개인정보를 수집·이용하는 데 동의합니다")).check()
    expect(page.get_by_label(re.compile("다음 포럼 소식을 이메일로 받겠습니다"))).not_to_be_checked()
    page.get_by_role("button", name="참가 신청").click()

    expect(page.locator("h1")).to_have_text("메일을 확인해 주세요")
    save_screenshot(page, f"register-done-{size}")
    mine = Registration.objects.get(email="kim.gwangju@example.kr")
    assert (mine.status, mine.phone, mine.consent_marketing) == ("confirmed", "01012345678", False)
    [confirmation] = queued_mail(to="kim.gwangju@example.kr")  # as the worker renders it
    [management_link] = re.findall(r"http://\S+/registrations/[\w-]{40,}/", confirmation.message)

    # Someone else registers after the last seat went: they wait.
    waiting = services.registration_create(
        forum=forum,
        name="이대기",
        email="wait@example.kr",
        organization="전남대",
        position="교수",
        sector="academia",
        consent_privacy=True,
    )
    assert waiting.status == "waitlisted"

    page.goto(management_link)  # the link in the mail
    expect(page.locator("h1")).to_have_text("나의 참가 신청")
    expect(page.locator(".registration-details")).to_contain_text("참가 확정")

    with page.expect_download() as download:
        page.get_by_role("link", name="캘린더 파일 받기 (.ics)").click()
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2020-09-09T07:30:00+09:00"

    page.get_by_role("link", name="참가 신청 취소").click()
    expect(page.locator("h1")).to_have_text("참가 신청 취소")
    save_screenshot(page, f"cancel-confirm-{size}")
    page.get_by_role("button", name="네, 취소합니다").click()
    expect(
        page.get_by_role("status").filter(has_text="비게 된 자리는 첫 번째 대기자에게 배정되었습니다.")
    ).to_be_visible()
    expect(page.locator(".registration-details")).to_contain_text("취소됨")
    save_screenshot(page, f"cancelled-{size}")

    # The first person waiting now holds the seat, and sees it on their own page.
    page.goto(demo_site + management_path(waiting))
    expect(page.locator(".registration-details")).to_contain_text("참가 확정")
