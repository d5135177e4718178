"""The satisfaction survey as a person who came answers it: one item per screen on a
phone, one grid of the ratings on a desktop; either way the answers arrive once."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from attendees.models import (
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
)
from events.models import Forum
from tests.browser.conftest import save_screenshot
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.browser


def a_survey(forum) -> str:
    survey = Survey.objects.create(forum=forum, closes_on=datetime.date(2030, 1, 1))
    for position, label in enumerate(["강연 내용", "연사 전달력", "행사 운영"]):
        SurveyItem.objects.create(survey=survey, position=position, kind="rating", label=label, required=True)
    again = SurveyItem.objects.create(survey=survey, position=5, kind="one_choice", label="다음 포럼 참석 의향")
    for position, label in enumerate(["예", "아니오"]):
        SurveyChoice.objects.create(item=again, position=position, label=label)
    SurveyItem.objects.create(survey=survey, position=6, kind="text", label="건의 사항")
    came = RegistrationFactory(forum=forum, email="came@example.kr", checked_in_at=forum.starts_at)
    return "/surveys/" + SurveyInvitation.objects.create(survey=survey, registration=came).token + "/"


def test_on_a_phone_one_item_per_screen(demo_site, open_page):
    link = a_survey(Forum.objects.get(number=2))
    page = open_page("phone")
    page.goto(demo_site + link)
    progress = page.locator(".survey-progress")
    expect(progress).to_have_text("5문항 중 1번째")
    expect(page.get_by_text("연사 전달력")).to_be_hidden()
    expect(page.get_by_role("button", name="응답 보내기")).to_be_hidden()
    page.get_by_role("radio", name="매우 만족").check()
    save_screenshot(page, "survey-phone")
    page.get_by_role("button", name="다음").click()
    expect(progress).to_have_text("5문항 중 2번째")
    page.get_by_role("radio", name="만족", exact=True).check()
    page.get_by_role("button", name="다음").click()
    page.get_by_role("radio", name="보통").check()
    page.get_by_role("button", name="다음").click()
    page.get_by_role("radio", name="예").check()
    page.get_by_role("button", name="다음").click()
    expect(progress).to_have_text("5문항 중 5번째")
    page.get_by_role("textbox", name="건의 사항").fill("주차 안내가 더 있으면 좋겠습니다")
    page.get_by_role("button", name="응답 보내기").click()
    expect(page.get_by_role("status")).to_contain_text("응답해 주셔서 감사합니다")
    assert SurveyResponse.objects.count() == 1
    assert sorted(SurveyAnswer.objects.exclude(rating=None).values_list("rating", flat=True)) == [3, 4, 5]


def test_on_a_desktop_one_grid_of_the_ratings(demo_site, open_page):
    link = a_survey(Forum.objects.get(number=2))
    page = open_page("desktop")
    page.goto(demo_site + link)
    grid = page.locator(".survey-grid")
    expect(grid.locator("thead th")).to_have_count(6)
    expect(grid.locator("tbody tr")).to_have_count(3)
    expect(page.locator(".survey-nav")).to_have_count(0)
    # A required rating left empty: the error says so on its row, nothing is stored.
    grid.locator("tbody tr").nth(0).get_by_role("radio").nth(4).check()
    page.get_by_role("button", name="응답 보내기").click()
    expect(page.locator("#error-summary")).to_contain_text(re.compile("이 항목에 답해 주세요"))
    save_screenshot(page, "survey-desktop-errors")
    assert SurveyResponse.objects.count() == 0
