"""Between forums, in the admin: staff plan the next three forums from the series, add a
speaker from the forum's talk row, and read the statistics of the series (screenshots in
var/screenshots/)."""

import re

from playwright.sync_api import expect

from attendees.demo.attendance import load_demo_attendance
from events.models import Forum, Series
from speakers.models import Speaker
from tests.browser.conftest import save_screenshot, signed_in_staff


def test_staff_plan_the_next_three_forums_from_the_series(demo_site, open_page):
    series = Series.objects.get(slug="gwangju-ai")
    staff = signed_in_staff(demo_site, open_page)
    staff.goto(demo_site + f"/admin/events/series/{series.pk}/change/")
    staff.get_by_role("link", name="다음 몇 달 계획하기").click()
    staff.get_by_label("계획할 개월 수").fill("5")
    staff.get_by_role("button", name="날짜 보기").click()

    # August and September are taken (forum 3 is on 9 September); three new dates follow.
    rows = staff.locator("#plan-table tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.nth(0)).to_contain_text("건너뜀: 시리즈에 더 나중 포럼이 있습니다")
    expect(rows.nth(1)).to_contain_text("이미 포럼이 있습니다")
    expect(rows.nth(2)).to_contain_text("2020년 10월 14일 (수)")
    expect(rows.nth(2)).to_contain_text("제4차")
    expect(rows.nth(4)).to_contain_text("2020년 12월 9일 (수)")
    assert series.forums.count() == 3  # nothing made by looking
    save_screenshot(staff, "admin-plan-forums")

    staff.get_by_role("button", name="초안 포럼 3개 만들기").click()
    expect(staff.locator(".messagelist")).to_contain_text("초안 포럼 3개를 만들었습니다.")
    expect(staff.locator("#result_list tbody tr")).to_have_count(3)
    assert list(series.forums.filter(status="draft").values_list("number", flat=True).order_by("number")) == [4, 5, 6]


def test_staff_read_the_statistics_of_the_series(demo_site, open_page):
    load_demo_attendance(Series.objects.get(slug="gwangju-ai"))
    staff = signed_in_staff(demo_site, open_page)
    staff.get_by_role("link", name="참석 통계").click()
    expect(staff.locator("h1")).to_have_text("참석 통계")
    table = staff.get_by_role("table", name="포럼별 참석", exact=True)
    expect(table.locator("tbody tr")).to_have_count(2)  # forums 1 and 2; forum 3 is still to come
    expect(table.locator("tfoot")).to_contain_text("합계")
    expect(staff.get_by_role("img", name=re.compile("포럼마다 신청"))).to_be_visible()
    save_screenshot(staff, "admin-statistics")


def test_staff_add_a_new_speaker_from_the_talk_row_without_leaving_the_forum(demo_site, open_page):
    forum = Forum.objects.get(number=2)
    talk = forum.talks.order_by("order").first()
    speakers_before = list(talk.talk_speakers.values_list("speaker__name", flat=True))
    staff = signed_in_staff(demo_site, open_page)
    staff.goto(demo_site + f"/admin/events/forum/{forum.pk}/change/")
    with staff.expect_popup() as opened:
        staff.locator("#add_id_talks-0-speakers_in_order").click()
    popup = opened.value
    popup.locator("#id_name").fill("한지민")
    popup.locator("#id_organization").fill("광주과학기술원")
    popup.get_by_role("button", name="저장", exact=True).click()
    popup.wait_for_event("close")

    # Back on the forum, the new speaker is chosen after the talk's own, and saved with it.
    expect(staff.locator("#id_talks-0-speakers_in_order option:checked").last).to_have_text("한지민")
    save_screenshot(staff, "admin-talk-speaker-added")
    staff.get_by_role("button", name="저장", exact=True).click()
    expect(staff.locator(".messagelist")).to_contain_text("성공적으로 변경되었습니다")
    assert list(talk.talk_speakers.values_list("speaker__name", flat=True)) == [
        *speakers_before,
        "한지민",
    ]
    assert Speaker.objects.get(name="한지민").organization == "광주과학기술원"


def test_the_badges_link_says_it_is_building_until_the_pdf_arrives(demo_site, open_page):
    staff = signed_in_staff(demo_site, open_page)
    staff.goto(demo_site + "/admin/events/forum/")
    # The PDF's navigation is held back (after the page's own click handler has run), so that
    # the page can be read as it stands while a PDF builds.
    staff.evaluate("() => window.addEventListener('click', (event) => event.preventDefault())")
    staff.get_by_role("link", name="명찰").first.click()
    expect(staff.get_by_role("status")).to_have_text("명찰을 만드는 중입니다…")
    expect(staff.get_by_role("link", name="명찰").first).to_have_attribute("aria-busy", "true")
    save_screenshot(staff, "admin-badges-building")
