"""A person registers for forum 3 on a phone and answers its questions: the car number
appears only once they ask for parking, and a full option cannot be tapped."""

import re

import pytest
from playwright.sync_api import expect

from attendees.demo.questions import forum_3_questions
from attendees.models import Answer, Registration
from events.models import Forum
from tests.browser.conftest import save_screenshot
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.browser


def test_the_car_number_is_asked_only_on_parking_and_a_full_option_is_closed(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    questions = {question.label: question for question in forum_3_questions(forum)}
    interests = questions["관심 분야"]
    page = open_page("phone")
    page.goto(demo_site + "/forums/gwangju-ai/3/register/")
    car = page.get_by_role("textbox", name=re.compile("^차량번호"))
    expect(car).to_be_hidden()
    parking = page.get_by_role("group", name=re.compile("주차 지원"))
    parking.get_by_label("예").check()
    expect(car).to_be_visible()
    parking.get_by_label("아니오").check()
    expect(car).to_be_hidden()
    parking.get_by_label("예").check()
    car.fill("12가3456")
    page.get_by_role("group", name=re.compile("관심 분야")).get_by_label("AI 반도체").check()
    page.get_by_role("textbox", name=re.compile("^이름")).fill("김광주")
    page.get_by_role("textbox", name=re.compile("^이메일")).fill("kim@example.kr")
    page.get_by_role("textbox", name=re.compile("^소속")).fill("광주AI")
    page.get_by_role("textbox", name=re.compile("^직위")).fill("연구원")
    page.get_by_label("산업").check()
    page.get_by_label(re.compile("개인정보를 수집·이용하는 데 동의합니다")).check()
    save_screenshot(page, "register-questions-phone")
    page.get_by_role("button", name="참가 신청").click()
    expect(page.locator("h1")).to_have_text("메일을 확인해 주세요")
    mine = Registration.objects.get(email="kim@example.kr")
    answers = sorted(
        (a.question.label, a.option.label if a.option else a.text) for a in Answer.objects.filter(registration=mine)
    )
    assert answers == [("관심 분야", "AI 반도체"), ("주차 지원", "예"), ("차량번호", "12가3456")]

    # The other nine places go: the next person sees 예 closed.
    yes = questions["주차 지원"].options.get(label="예")
    for index in range(9):
        Answer.objects.create(
            registration=RegistrationFactory(forum=forum, email=f"d{index}@example.kr"),
            question=questions["주차 지원"],
            option=yes,
        )
    assert interests.options.count() == 5
    page.goto(demo_site + "/forums/gwangju-ai/3/register/")
    closed = page.get_by_role("group", name=re.compile("주차 지원")).get_by_label("예 (마감)")
    expect(closed).to_be_disabled()
