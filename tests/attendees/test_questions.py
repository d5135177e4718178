"""Questions at registration, as a person meets them on the form and staff on their pages:
conditions, places per option, sensitive answers, the consent notice written from the
questions, bad input answered on the field, and the answers shown where they are needed."""

import datetime

import pytest
import time_machine
from django.test import Client

from attendees.demo.questions import PARKING_PLACES, forum_3_questions
from attendees.models import Answer, Option, Question, QuestionKind, Registration
from attendees.questions.defaults import series_questions_copy
from attendees.registrations.addresses import management_path
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
REGISTER = "/forums/gwangju-ai/3/register/"
PERSON = {
    "name": "김광주",
    "email": "kim@example.kr",
    "organization": "광주AI",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


@pytest.fixture
def forum_3(demo, day_after_second_forum):
    forum = demo.forums.get(number=3)
    forum_3_questions(forum)
    return forum


def questions_of(forum) -> dict[str, Question]:
    return {question.label: question for question in Question.objects.filter(forum=forum)}


def option(question: Question, label: str) -> Option:
    return question.options.get(label=label)


def answers_post(forum, **answers) -> dict:
    """The form's fields for these answers, by question label: an option's label, a list
    of labels, or the text typed."""
    data = dict(PERSON)
    for label, value in answers.items():
        question = questions_of(forum)[label.replace("_", " ")]
        if question.is_choice:
            values = value if isinstance(value, list) else [value]
            data[f"question_{question.pk}"] = [str(option(question, v).pk) for v in values]
        else:
            data[f"question_{question.pk}"] = value
    return data


def field_errors(response) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def stored(email="kim@example.kr") -> dict[str, list[str]]:
    registration = Registration.objects.get(email=email)
    found: dict[str, list[str]] = {}
    for answer in Answer.objects.filter(registration=registration).select_related("question", "option"):
        value = answer.option.label if answer.option else answer.text or str(answer.number)
        found.setdefault(answer.question.label, []).append(value)
    return found


def test_the_form_asks_the_forums_questions_and_the_notice_says_why(client, forum_3):
    page = client.get(REGISTER).text
    assert "조찬 식사 여부" in page and "주차 지원" in page and "관심 분야" in page
    # The consent notice is written from the questions: each item, optional or not, its purpose and retention.
    assert "주차 지원 (선택): 주차 공간 배정; 포럼 후 7일까지 보관" in page
    assert "차량번호 (필수): 주차 등록; 포럼 후 7일까지 보관" in page
    assert "관심 분야 (선택): 다음 포럼 주제 선정; 신청 정보와 같은 기간 보관" in page
    # The car number is shown only on 예 (forms.js reads this).
    parking = questions_of(forum_3)["주차 지원"]
    assert f'data-shown-when="question_{parking.pk}={option(parking, "예").pk}"' in page


def test_answers_are_stored_with_the_registration_and_shown_to_the_person_and_in_the_mail(client, forum_3):
    interests = ["제조 AI", "AI 반도체"]
    data = answers_post(forum_3, 조찬_식사_여부="예", 주차_지원="예", 차량번호="12가3456", 관심_분야=interests)
    response = client.post(REGISTER, data)
    assert response.status_code == 302
    assert stored() == {
        "조찬 식사 여부": ["예"],
        "주차 지원": ["예"],
        "차량번호": ["12가3456"],
        "관심 분야": ["제조 AI", "AI 반도체"],
    }
    registration = Registration.objects.get(email="kim@example.kr")
    page = client.get(management_path(registration)).text
    assert '<dt class="col-sm-4">차량번호</dt><dd class="col-sm-8">12가3456</dd>' in page
    [mail] = queued_mail(to__contains="kim@example.kr")
    assert "- 주차 지원: 예\n- 차량번호: 12가3456\n- 관심 분야: 제조 AI, AI 반도체\n" in mail.message


def test_an_optional_question_left_empty_never_blocks_a_registration(client, forum_3):
    response = client.post(REGISTER, PERSON)
    assert response.status_code == 302
    assert stored() == {}


def test_a_question_shown_on_an_answer_is_required_only_when_shown(client, forum_3):
    response = client.post(REGISTER, answers_post(forum_3, 주차_지원="예"))
    car = questions_of(forum_3)["차량번호"]
    assert response.status_code == 200
    assert field_errors(response) == {f"question_{car.pk}": ["이 질문에 답해 주세요."]}
    assert not Registration.objects.filter(email="kim@example.kr").exists()
    response = client.post(REGISTER, answers_post(forum_3, 주차_지원="아니오"))
    assert response.status_code == 302


def test_a_hand_made_post_answering_a_hidden_question_stores_nothing_of_it(client, forum_3):
    response = client.post(REGISTER, answers_post(forum_3, 주차_지원="아니오", 차량번호="99하9999"))
    assert response.status_code == 302
    assert stored() == {"주차 지원": ["아니오"]}


def test_a_full_option_is_closed_on_the_form_and_refused_on_the_field_yet_the_person_registers(client, forum_3):
    parking = questions_of(forum_3)["주차 지원"]
    yes = option(parking, "예")
    for index in range(PARKING_PLACES):
        holder = RegistrationFactory(forum=forum_3, email=f"driver{index}@example.kr")
        Answer.objects.create(registration=holder, question=parking, option=yes)
    page = client.get(REGISTER).text
    assert f'value="{yes.pk}"' in page and "예 (마감)" in page
    assert page.split(f'value="{yes.pk}"')[1].split(">")[0].strip().endswith("disabled")
    response = client.post(REGISTER, answers_post(forum_3, 주차_지원="예", 차량번호="12가3456"))
    assert field_errors(response) == {
        f"question_{parking.pk}": ["“예”은(는) 마감되었습니다: 자리가 모두 찼습니다. 다른 답을 골라 주세요."]
    }
    assert client.post(REGISTER, answers_post(forum_3, 주차_지원="아니오")).status_code == 302
    # A cancelled registration gives its place back.
    Registration.objects.filter(email="driver0@example.kr").update(status="cancelled")
    assert "예 (남은 자리 1)" in client.get(REGISTER).text


def test_a_sensitive_answer_is_stored_only_with_its_own_consent(client, forum_3):
    diet = Question.objects.create(
        forum=forum_3,
        position=9,
        kind=QuestionKind.TEXT,
        label="식이 제한",
        purpose="조찬 메뉴 준비",
        sensitive=True,
    )
    page = client.get(REGISTER).text
    assert "식이 제한 (선택, 민감정보: 별도 동의)" in page
    data = {**PERSON, f"question_{diet.pk}": "견과류 알레르기"}
    assert client.post(REGISTER, data).status_code == 302
    assert stored() == {}
    consented = {f"question_{diet.pk}": "견과류 알레르기", f"question_{diet.pk}_consent": "on"}
    data = {**PERSON, "email": "lee@example.kr", **consented}
    assert client.post(REGISTER, data).status_code == 302
    assert stored("lee@example.kr") == {"식이 제한": ["견과류 알레르기"]}


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (QuestionKind.NUMBER, "1001", "1000 이하의 값을 입력해 주세요."),
        (QuestionKind.NUMBER, "열 명", "정수를 입력하세요."),
        (QuestionKind.TEXT, "가" * 10_000, "이 값이 최대 200 개의 글자인지 확인하세요(입력값 10000 자)."),
        (QuestionKind.ONE_CHOICE, "999999", "올바르게 선택해 주세요. 999999 이/가 선택가능항목에 없습니다."),
    ],
)
def test_bad_answers_get_a_field_error_and_store_nothing(client, forum_3, kind, value, message):
    question = Question.objects.create(
        forum=forum_3, position=9, kind=kind, label="동반 인원", purpose="좌석 배치", number_min=0, number_max=1000
    )
    response = client.post(REGISTER, {**PERSON, f"question_{question.pk}": value})
    assert response.status_code == 200
    assert field_errors(response) == {f"question_{question.pk}": [message]}
    assert Registration.objects.count() == 0


def test_an_option_of_another_forum_is_not_a_valid_answer(client, forum_3):
    other = ForumFactory(starts_at=seoul(2020, 10, 14))
    elsewhere = Question.objects.create(forum=other, kind=QuestionKind.YES_NO, label="다른 질문", purpose="시험")
    parking = questions_of(forum_3)["주차 지원"]
    response = client.post(REGISTER, {**PERSON, f"question_{parking.pk}": str(elsewhere.options.first().pk)})
    assert f"question_{parking.pk}" in field_errors(response)
    assert Answer.objects.count() == 0


def test_the_person_corrects_their_answers_until_the_cancellation_deadline(client, forum_3):
    client.post(REGISTER, answers_post(forum_3, 주차_지원="예", 차량번호="12가3456"))
    registration = Registration.objects.get(email="kim@example.kr")
    correct = f"/registrations/{registration.token}/correct/"
    parking = questions_of(forum_3)["주차 지원"]
    car = questions_of(forum_3)["차량번호"]
    form = {
        "name": "김광주",
        "organization": "광주AI",
        "position": "연구원",
        "sector": "industry",
        f"question_{parking.pk}": str(option(parking, "예").pk),
        f"question_{car.pk}": "34나5678",
    }
    assert client.post(correct, form).status_code == 302
    assert stored()["차량번호"] == ["34나5678"]
    with time_machine.travel(forum_3.starts_at - datetime.timedelta(hours=1)):
        page = client.get(correct)
        assert f"question_{car.pk}" not in page.context["form"].fields
        client.post(correct, {**form, f"question_{car.pk}": "56다7890"})
    assert stored()["차량번호"] == ["34나5678"]


def test_a_series_default_is_copied_to_a_new_forum_with_its_condition(demo):
    parking = Question.objects.create(series=demo, kind=QuestionKind.YES_NO, label="주차 지원", purpose="주차 배정")
    yes = option(parking, "예")
    yes.places = 10
    yes.save()
    Question.objects.create(
        series=demo, kind=QuestionKind.TEXT, label="차량번호", purpose="주차 등록", shown_when=yes, position=1
    )
    forum = ForumFactory(series=demo, number=50, starts_at=seoul(2030, 3, 13))
    copies = questions_of(forum)
    assert set(copies) == {"주차 지원", "차량번호"}
    assert copies["차량번호"].shown_when == option(copies["주차 지원"], "예")
    assert option(copies["주차 지원"], "예").places == 10
    assert series_questions_copy(forum) == 0  # once


def test_answers_past_their_retention_are_erased_before_the_registration(client, forum_3):
    client.post(REGISTER, answers_post(forum_3, 주차_지원="예", 차량번호="12가3456", 관심_분야=["제조 AI"]))
    from django.core.management import call_command

    with time_machine.travel(forum_3.ends_at + datetime.timedelta(days=8)):
        call_command("purge_personal_data")
    assert stored() == {"관심 분야": ["제조 AI"]}  # kept as long as the registration
    assert Registration.objects.get(email="kim@example.kr").name == "김광주"


def test_a_removed_option_keeps_its_answers_shown_as_removed(client, forum_3):
    client.post(REGISTER, answers_post(forum_3, 관심_분야=["제조 AI", "AI 반도체"]))
    option(questions_of(forum_3)["관심 분야"], "AI 반도체").delete()
    registration = Registration.objects.get(email="kim@example.kr")
    page = client.get(management_path(registration)).text
    assert "제조 AI, (삭제된 선택지)" in page


def test_the_desk_shows_the_marked_answers_and_filters_by_them(forum_3):
    from tests.factories import staff_with_role

    Client().post(REGISTER, answers_post(forum_3, 주차_지원="예", 차량번호="12가3456", 조찬_식사_여부="예"))
    with time_machine.travel(forum_3.starts_at - datetime.timedelta(minutes=30)):
        client = Client()
        client.force_login(staff_with_role("접수 데스크"))
        page = client.get(f"/desk/?forum={forum_3.pk}").text
    row = page.split('data-search="김광주')[1].split("</li>")[0]
    assert '<span class="badge text-bg-light desk-mark">🍽</span>' in row
    assert '<span class="badge text-bg-light desk-mark">🅿</span>' in row
    assert '<span class="badge text-bg-light desk-mark">🅿 12가3456</span>' in row
    assert 'data-desk-filter="🅿"' in page


def test_the_form_with_five_questions_costs_the_same_queries_however_many_answered(
    client, forum_3, django_assert_num_queries
):
    Question.objects.create(forum=forum_3, position=5, kind=QuestionKind.NUMBER, label="동반 인원", purpose="좌석")
    assert Question.objects.filter(forum=forum_3).count() == 5
    # The forum, its questions, their options with the places taken.
    with django_assert_num_queries(3):
        assert client.get(REGISTER).status_code == 200
    parking = questions_of(forum_3)["주차 지원"]
    for index in range(40):
        holder = RegistrationFactory(forum=forum_3, email=f"driver{index}@example.kr")
        Answer.objects.create(registration=holder, question=parking, option=option(parking, "아니오"))
    with django_assert_num_queries(3):
        assert client.get(REGISTER).status_code == 200
