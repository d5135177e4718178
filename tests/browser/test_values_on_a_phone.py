"""On a 390 px phone a date, a time or a phone number is read in one glance: a line may
break between two values, never inside one ("2020년 9월 | 9일", "7:30 | AM", "010-1234- | 5678").
Measured where Chromium lays the words out, in Korean and in English."""

import pytest
from django.utils import translation

from attendees.registrations import services
from attendees.registrations.addresses import management_path
from events.models import Forum

pytestmark = pytest.mark.browser

# For each value, the number of lines each of its visible occurrences spans on the page.
LINES_PER_OCCURRENCE = """(values) => {
  const found = Object.fromEntries(values.map((value) => [value, []]));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const value of values) {
      for (let at = node.data.indexOf(value); at !== -1; at = node.data.indexOf(value, at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + value.length);
        const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
        if (boxes.length) found[value].push(new Set(boxes.map((box) => Math.round(box.top))).size);
      }
    }
  }
  return found;
}"""

KOREAN_PAGES = {
    "/": ["2020년 9월 9일 (수)", "오전 7:30"],
    "/forums/gwangju-ai/3/": ["2020년 9월 9일 (수)", "오전 7:30", "오전 9:30"],
    "/forums/gwangju-ai/2/": ["2020년 8월 5일 (수)", "오전 7:30", "오전 9:30"],
    "/forums/": ["2020년 9월 9일 (수)", "2020년 8월 5일 (수)", "2020년 6월 10일 (수)"],
    "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/": ["2020년 8월 5일 (수)"],
    "/forums/gwangju-ai/3/register/": ["2020년 9월 9일 (수)", "오전 7:30", "오전 9:30"],
    "/search/?q=솔트룩스": ["2020년 8월 5일 (수)"],
}
ENGLISH_PAGES = {
    "/en/": ["Wednesday, September 9, 2020", "7:30 AM"],
    "/en/forums/gwangju-ai/3/": ["Wednesday, September 9, 2020", "7:30 AM", "9:30 AM"],
    "/en/forums/gwangju-ai/2/": ["Wednesday, August 5, 2020", "7:30 AM", "9:30 AM"],
    "/en/forums/": ["Wednesday, September 9, 2020", "Wednesday, August 5, 2020", "Wednesday, June 10, 2020"],
    "/en/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/": ["Wednesday, August 5, 2020"],
    "/en/forums/gwangju-ai/3/register/": ["Wednesday, September 9, 2020", "7:30 AM", "9:30 AM"],
    "/en/search/?q=Saltlux": ["Wednesday, August 5, 2020"],
}


def values_broken_across_lines(page, values):
    """{value: lines of each occurrence} for every value found nowhere or split somewhere."""
    lines = page.evaluate(LINES_PER_OCCURRENCE, values)
    return {value: spans for value, spans in lines.items() if not spans or set(spans) != {1}}


def assert_values_kept_whole(page, url, values):
    page.goto(url)
    assert values_broken_across_lines(page, values) == {}, url
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, url  # and none runs off the screen


@pytest.mark.parametrize("pages", [KOREAN_PAGES, ENGLISH_PAGES], ids=["ko", "en"])
def test_dates_and_times_on_the_public_pages_never_break_inside(demo_site, open_page, pages):
    page = open_page("phone", "en-US" if pages is ENGLISH_PAGES else "ko-KR")
    for path, values in pages.items():
        assert_values_kept_whole(page, demo_site + path, values)


@pytest.mark.parametrize(
    ("language", "values"),
    [
        # The phone, the day they registered (the demo's day) and when online cancellation ends.
        ("ko", ["010-1234-5678", "2020년 8월 6일 (목)", "2020년 9월 8일 (화)", "오후 7:30"]),
        ("en", ["010-1234-5678", "Thursday, August 6, 2020", "Tuesday, September 8, 2020", "7:30 PM"]),
    ],
)
def test_the_attendees_own_page_keeps_phone_and_dates_whole(demo_site, open_page, language, values):
    registration = services.registration_create(
        forum=Forum.objects.get(number=3),
        name="Kim Gwangju-Hanbit",
        email="kim.gwangju@example.kr",
        phone="010-1234-5678",
        organization="Gwangju Artificial Intelligence Industry Convergence Cluster Agency",
        position="Principal Research Engineer",
        sector="industry",
        consent_privacy=True,
        consent_marketing=True,
        language=language,
    )
    with translation.override(language):
        path = management_path(registration)
    page = open_page("phone", "en-US" if language == "en" else "ko-KR")
    assert_values_kept_whole(page, demo_site + path, values)
