"""Between forums, in the admin: staff plan the next three forums from the series, and
read the statistics of the series (screenshots in var/screenshots/)."""

import re

from playwright.sync_api import expect

from attendees.registrations.demo_attendance import load_demo_attendance
from events.models import Series
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
