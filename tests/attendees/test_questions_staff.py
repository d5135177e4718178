"""The questions on the staff's side: defined in the admin with clear field errors,
counted on the forum's page, and a column each in the office's list (masked for those
who may not see typed answers whole)."""

import csv
import io

import pytest
from django.urls import reverse

from attendees.models import Answer, Question, QuestionKind
from tests.factories import ForumFactory, RegistrationFactory, seoul, staff_with_role

pytestmark = pytest.mark.django_db
EXPORT = "/admin/attendees/registration/export/"


@pytest.fixture
def manager(client):
    client.force_login(staff_with_role("포럼 담당자", "manager"))
    return client


@pytest.fixture
def forum():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    parking = Question.objects.create(forum=forum, kind=QuestionKind.YES_NO, label="주차 지원", purpose="주차 배정")
    yes = parking.options.get(label="예")
    yes.places = 10
    yes.save()
    car = Question.objects.create(
        forum=forum, kind=QuestionKind.TEXT, label="차량번호", purpose="주차 등록", shown_when=yes, position=1
    )
    for index in range(3):
        person = RegistrationFactory(forum=forum, email=f"driver{index}@example.kr")
        Answer.objects.create(registration=person, question=parking, option=yes)
        Answer.objects.create(registration=person, question=car, text=f"1{index}가345{index}")
    walker = RegistrationFactory(forum=forum, email="walker@example.kr")
    Answer.objects.create(registration=walker, question=parking, option=parking.options.get(label="아니오"))
    return forum


def question_form(question: Question, **changes) -> dict:
    data = {
        "forum": question.forum_id or "",
        "series": question.series_id or "",
        "position": question.position,
        "kind": question.kind,
        "label": question.label,
        "label_en": "",
        "help_text": "",
        "help_text_en": "",
        "shown_when": question.shown_when_id or "",
        "purpose": question.purpose,
        "purpose_en": "",
        "retention_days": "",
        "desk_mark": "",
        "number_min": "",
        "number_max": "",
        "options-TOTAL_FORMS": 0,
        "options-INITIAL_FORMS": 0,
    }
    options = list(question.options.all()) if question.pk else []
    data["options-TOTAL_FORMS"] = data["options-INITIAL_FORMS"] = len(options)
    for index, option in enumerate(options):
        data |= {
            f"options-{index}-id": option.pk,
            f"options-{index}-question": question.pk,
            f"options-{index}-position": option.position,
            f"options-{index}-label": option.label,
            f"options-{index}-label_en": option.label_en,
            f"options-{index}-places": option.places or "",
        }
    return {**data, **changes}


def errors_of(response) -> dict:
    form = response.context["adminform"].form
    formsets = response.context["inline_admin_formsets"]
    inline_errors = [errors for formset in formsets for errors in formset.formset.errors]
    return {"form": dict(form.errors), "inlines": [dict(errors) for errors in inline_errors if errors]}


def test_a_condition_on_another_forums_answer_is_a_field_error(manager, forum):
    other = ForumFactory(starts_at=seoul(2030, 2, 12))
    elsewhere = Question.objects.create(forum=other, kind=QuestionKind.YES_NO, label="다른 포럼 질문", purpose="시험")
    car = Question.objects.get(forum=forum, label="차량번호")
    url = reverse("admin:attendees_question_change", args=[car.pk])
    response = manager.post(url, question_form(car, shown_when=elsewhere.options.first().pk))
    assert response.status_code == 200
    assert errors_of(response)["form"] == {"shown_when": ["조건은 같은 포럼의 다른 질문에 대한 답이어야 합니다."]}
    assert Question.objects.get(pk=car.pk).shown_when.question.forum == forum


def test_places_below_those_taken_are_refused(manager, forum):
    parking = Question.objects.get(forum=forum, label="주차 지원")
    url = reverse("admin:attendees_question_change", args=[parking.pk])
    data = question_form(parking)
    data["options-0-places"] = 2
    response = manager.post(url, data)
    assert errors_of(response)["inlines"] == [
        {"places": ["이미 3명이 이 선택지를 골랐습니다: 자리 수를 그보다 줄일 수 없습니다."]}
    ]
    data["options-0-places"] = 3
    assert manager.post(url, data).status_code == 302
    assert parking.options.get(label="예").places == 3


def test_a_sensitive_question_cannot_be_required(manager, forum):
    url = reverse("admin:attendees_question_add")
    data = question_form(Question(forum=forum, kind=QuestionKind.TEXT, label="식이 제한", purpose="메뉴 준비"))
    response = manager.post(url, {**data, "sensitive": "on", "required": "on"})
    assert errors_of(response)["form"] == {"required": ["민감정보 질문은 필수로 할 수 없습니다: 그 동의는 선택입니다."]}


def test_the_forum_page_counts_the_answers_per_option(manager, forum):
    RegistrationFactory(forum=forum, status="cancelled", email="gone@example.kr")
    page = manager.get(reverse("admin:events_forum_change", args=[forum.pk])).text
    assert "<li>주차 지원: 예 3 (3/10) / 아니오 1</li>" in page
    assert "<li>차량번호: 3명 응답</li>" in page


def test_the_list_has_a_column_per_question_masked_for_the_forum_manager(manager, forum):
    response = manager.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "주차 명단"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-2:] == ["주차 지원", "차량번호"]
    assert [row[-2:] for row in rows[1:]] == [["예", "1***"], ["예", "1***"], ["예", "1***"], ["아니오", ""]]


def test_the_superuser_gets_the_typed_answers_whole(admin_client, forum):
    response = admin_client.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "주차 등록"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[-1] for row in rows[1:]] == ["10가3450", "11가3451", "12가3452", ""]


def test_the_series_page_holds_the_default_questions_a_new_forum_copies(manager):
    from django.utils import timezone

    from tests.factories import SeriesFactory

    series = SeriesFactory()
    page = manager.get(reverse("admin:events_series_change", args=[series.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data |= {"default_venue": "", "plan_link": "", "default_duration": "02:00:00"}
    data |= {
        "default_questions-TOTAL_FORMS": 1,
        "default_questions-INITIAL_FORMS": 0,
        "default_questions-0-position": 1,
        "default_questions-0-label": "조찬 식사 여부",
        "default_questions-0-kind": "yes_no",
        "default_questions-0-purpose": "조찬 준비",
    }
    response = manager.post(reverse("admin:events_series_change", args=[series.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    forum = ForumFactory(series=series, starts_at=timezone.now() + timezone.timedelta(days=30))
    [copied] = Question.objects.filter(forum=forum)
    assert (copied.label, [o.label for o in copied.options.all()]) == ("조찬 식사 여부", ["예", "아니오"])
