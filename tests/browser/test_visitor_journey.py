"""A visitor finds the next forum, reads the archive and the Saltlux talk, switches to
English and searches, on a phone and on a desktop."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.browser


def open_menu_if_collapsed(page):
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        expect(page.locator("#site-nav")).to_be_visible()
        # Opened, not opening: a tap during Bootstrap's slide can miss a link on a loaded machine.
        expect(page.locator("#site-nav")).to_have_class(re.compile(r"\bshow\b"))


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_visitor_reads_the_archive_and_finds_the_saltlux_talk(demo_site, open_page, size):
    page = open_page(size)
    page.goto(demo_site + "/")

    # The next forum is forum 3, with its Korean date and an open registration.
    next_forum = page.locator(".next-forum")
    expect(next_forum).to_contain_text("제3차")
    expect(next_forum).to_contain_text("2020년 9월 9일 (수) 오전 7:30")
    expect(next_forum.get_by_role("link", name=re.compile("참가 신청"))).to_be_visible()
    next_forum.get_by_role("link", name="연사·주제 추후 공지").click()
    expect(page).to_have_url(demo_site + "/forums/gwangju-ai/3/")
    expect(page.locator("h1")).to_have_text("연사·주제 추후 공지")

    # Back to the archive, then the second forum.
    page.get_by_role("navigation", name="현재 위치").get_by_role("link", name="포럼").click()
    expect(page).to_have_url(demo_site + "/forums/")
    page.locator("#past").get_by_role("link", name="인공지능과 산업혁신").click()
    expect(page).to_have_url(demo_site + "/forums/gwangju-ai/2/")

    # The Saltlux talk and its summary.
    page.locator(".programme").get_by_role("link", name="인공지능과 산업혁신").click()
    expect(page).to_have_url(demo_site + "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/")
    summary = page.locator("section.summary")
    expect(summary.get_by_role("heading")).to_have_text("강연 요약")
    expect(summary).to_contain_text("문제에 맞는 적정 기술을 고르는 것")
    expect(page.locator(".pull-quote")).to_have_count(3)
    save_screenshot(page, f"journey-{size}-talk-ko")

    # English, on the same page.
    open_menu_if_collapsed(page)
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(demo_site + "/en/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("section.summary").get_by_role("heading")).to_have_text("Summary")

    # Search in English for the company.
    open_menu_if_collapsed(page)
    page.get_by_role("searchbox", name="Search").first.fill("Saltlux")
    page.get_by_role("searchbox", name="Search").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Saltlux$"))
    results = page.locator("#talks")
    expect(results.get_by_role("heading")).to_have_text("Talks")
    results.get_by_role("link", name="AI and industrial innovation").click()  # the English title
    expect(page).to_have_url(demo_site + "/en/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/")
    save_screenshot(page, f"journey-{size}-talk-en")
