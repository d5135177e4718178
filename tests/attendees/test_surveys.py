"""The satisfaction survey as those who came meet it: a personal link in the thank-you,
answered once and without their name, one reminder to those who have not answered, a
closed survey that says so; and the anonymity that holds by construction."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command

from attendees.models import (
    ActorKind,
    PendingMail,
    Registration,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyInvitation,
    SurveyItem,
    SurveyItemKind,
    SurveyResponse,
)
from attendees.news.thank_you import thank_you_send
from attendees.outbox.delivery import outbox_deliver
from attendees.surveys.mails import SurveyMail, survey_reminders_send
from tests.factories import ForumFactory, RegistrationFactory, SeriesFactory, seoul, staff_with_role
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    series = SeriesFactory()
    template = Survey.objects.create(series=series)
    SurveyItem.objects.create(survey=template, position=1, kind="rating", label="강연 내용", required=True)
    SurveyItem.objects.create(survey=template, position=2, kind="rating", label="행사 운영")
    venue = SurveyItem.objects.create(survey=template, position=3, kind="one_choice", label="다음 참석 의향")
    for position, label in enumerate(["예", "아니오"]):
        SurveyChoice.objects.create(item=venue, position=position, label=label)
    SurveyItem.objects.create(survey=template, position=4, kind="text", label="건의 사항")
    forum = ForumFactory(series=series, number=5, starts_at=seoul(2020, 10, 14), report="좋은 아침")
    forum.report_published_at = forum.ends_at
    forum.save()
    Survey.objects.filter(forum=forum).update(closes_on=datetime.date(2020, 10, 31))  # set on the forum's own
    for index in range(3):
        RegistrationFactory(forum=forum, email=f"came{index}@example.kr", checked_in_at=forum.starts_at)
    RegistrationFactory(forum=forum, email="absent@example.kr")
    return forum


@pytest.fixture
def thanked(forum):
    with time_machine.travel(seoul(2020, 10, 15, 9, 0)):
        thank_you_send(forum=forum, include_absent=True, by=ActorKind.SYSTEM)
    return forum


def survey_link(email) -> str:
    with time_machine.travel(seoul(2020, 10, 15, 9, 5)):  # rendered by the worker just after the thank-you
        [mail] = queued_mail(to__contains=email, subject__contains="감사")
    [link] = re.findall(r"http://\S+/surveys/[\w-]+/", mail.message)
    return link.split("8000", 1)[1] if "8000" in link else "/" + link.split("/", 3)[3]


def answers(forum, **values) -> dict:
    items = {item.label: item for item in forum.survey.items.all()}
    data = {}
    for label, value in values.items():
        item = items[label.replace("_", " ")]
        if item.kind == SurveyItemKind.ONE_CHOICE:
            value = str(item.choices.get(label=value).pk)
        data[f"item_{item.pk}"] = value
    return data


def test_a_new_forum_has_its_series_survey_and_only_those_who_came_are_asked(thanked):
    assert [item.label for item in thanked.survey.items.all()] == [
        "강연 내용",
        "행사 운영",
        "다음 참석 의향",
        "건의 사항",
    ]
    invited = SurveyInvitation.objects.filter(survey=thanked.survey).values_list("registration__email", flat=True)
    assert sorted(invited) == ["came0@example.kr", "came1@example.kr", "came2@example.kr"]
    [sorry] = queued_mail(to__contains="absent@example.kr")
    assert "/surveys/" not in sorry.message


def test_the_link_shows_nothing_of_the_person_and_takes_one_answer(client, thanked):
    link = survey_link("came0@example.kr")
    with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
        page = client.get(link).text
        assert "만족도 조사" in page and "came0" not in page and "참가자" not in page
        response = client.post(
            link, answers(thanked, 강연_내용="5", 행사_운영="4", 다음_참석_의향="예", 건의_사항="좋았습니다")
        )
        assert "응답해 주셔서 감사합니다" in response.text
        again = client.post(link, answers(thanked, 강연_내용="1"))
    assert "이미 응답하셨습니다" in again.text
    assert SurveyResponse.objects.count() == 1
    assert sorted(SurveyAnswer.objects.values_list("rating", flat=True).exclude(rating=None)) == [4, 5]
    assert SurveyInvitation.objects.filter(answered=True).count() == 1


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({"강연_내용": "6"}, ["올바르게 선택해 주세요. 6 이/가 선택가능항목에 없습니다."]),
        ({"강연_내용": "0"}, ["올바르게 선택해 주세요. 0 이/가 선택가능항목에 없습니다."]),
        ({"행사_운영": "3"}, ["이 항목에 답해 주세요."]),
    ],
)
def test_bad_answers_get_a_field_error_and_store_nothing(client, thanked, values, errors):
    link = survey_link("came0@example.kr")
    with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
        response = client.post(link, answers(thanked, **values))
    first = thanked.survey.items.get(label="강연 내용")
    assert {name: list(e) for name, e in response.context["form"].errors.items()} == {f"item_{first.pk}": errors}
    assert SurveyResponse.objects.count() == 0
    assert not SurveyInvitation.objects.filter(answered=True).exists()


def test_a_forged_link_is_404_and_a_late_link_says_the_survey_closed(client, thanked):
    assert client.get("/surveys/not-a-token/").status_code == 404
    link = survey_link("came0@example.kr")
    with time_machine.travel(seoul(2020, 11, 1, 9, 0)):
        page = client.get(link).text
        client.post(link, answers(thanked, 강연_내용="5"))
    assert "이 조사는 2020년 10월 31일 (토)에 마감되었습니다." in page
    assert SurveyResponse.objects.count() == 0


def test_one_reminder_goes_to_those_who_have_not_answered(client, thanked):
    link = survey_link("came0@example.kr")
    with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
        client.post(link, answers(thanked, 강연_내용="4"))
        assert survey_reminders_send() == 0  # three days after the thank-you, not one
    with time_machine.travel(seoul(2020, 10, 18, 10, 0)):
        assert survey_reminders_send() == 2
        assert survey_reminders_send() == 0  # once
    reminders = queued_mail(subject__contains="설문")
    assert sorted(mail.to[0] for mail in reminders) == ["came1@example.kr", "came2@example.kr"]
    assert all("/surveys/" in mail.message for mail in reminders)


def test_a_reminder_to_someone_who_answers_before_it_goes_is_dropped(client, thanked, mailoutbox):
    link = survey_link("came1@example.kr")
    with time_machine.travel(seoul(2020, 10, 18, 10, 0)):
        survey_reminders_send()
        client.post(link, answers(thanked, 강연_내용="3"))
        outbox_deliver()  # the worker's round: the reminder to came1 is no longer true
    reminders = [message for message in mailoutbox if "설문" in message.subject]
    assert sorted(message.to[0] for message in reminders) == ["came0@example.kr", "came2@example.kr"]
    assert not PendingMail.objects.filter(kind=SurveyMail.REMINDER).exists()


def test_no_query_can_join_an_answer_to_a_person():
    """Anonymous by construction: no field of a response or an answer leads to an
    invitation or a registration, and none says when, nor counts in order."""
    for model in (SurveyResponse, SurveyAnswer):
        related = {field.related_model for field in model._meta.get_fields() if field.is_relation}
        assert related.isdisjoint({Registration, SurveyInvitation}), model
        assert not [f.name for f in model._meta.get_fields() if f.get_internal_type() in ("DateTimeField", "DateField")]
        assert model._meta.pk.get_internal_type() == "UUIDField"  # no sequence to line up with the invitations
    invitation_fields = {field.name for field in SurveyInvitation._meta.get_fields()}
    assert invitation_fields == {"id", "survey", "registration", "token", "answered"}


def test_the_reminder_is_on_the_schedule():
    from attendees import jobs
    from forum_site.schedule import SCHEDULE

    assert (jobs.survey_reminders, datetime.timedelta(hours=1)) in SCHEDULE
    call_command("check")


def test_the_results_page_gives_the_rate_the_levels_the_mean_and_no_person(client, thanked):
    from django.urls import reverse

    for index, (talk, running, again, note) in enumerate([("5", "4", "예", "좋았습니다"), ("4", "2", "아니오", "")]):
        link = survey_link(f"came{index}@example.kr")
        with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
            client.post(link, answers(thanked, 강연_내용=talk, 행사_운영=running, 다음_참석_의향=again, 건의_사항=note))
    editor = staff_with_role("콘텐츠 편집자", "editor")
    client.force_login(editor)
    page = client.get(reverse("admin:attendees_survey_results", args=[thanked.survey.pk])).text
    assert "응답률: 참석 3명 중 응답 2명, 66.7 %" in page
    talk_row = page.split("강연 내용")[1].split("</table>")[0]
    assert "<td>0 (0.0 %)</td><td>0 (0.0 %)</td><td>0 (0.0 %)</td><td>1 (50.0 %)</td><td>1 (50.0 %)</td>" in talk_row
    assert "<td>4.5</td><td>100.0 %</td>" in talk_row
    assert '<th scope="row">예</th><td>1</td><td>50.0 %</td>' in page
    assert "<li>좋았습니다</li>" in page
    # Nobody's address or name (the factory's people are 참가자1, 참가자2...).
    assert "came0" not in page and not re.search(r"참가자\d", page)


def test_the_workbook_holds_the_summary_and_one_row_per_response_without_a_person(client, thanked):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    for index, (talk, note) in enumerate([("5", "좋았습니다"), ("3", "")]):
        link = survey_link(f"came{index}@example.kr")
        with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
            client.post(link, answers(thanked, 강연_내용=talk, 다음_참석_의향="예", 건의_사항=note))
    client.force_login(staff_with_role("포럼 담당자", "manager"))
    response = client.get(reverse("admin:attendees_survey_results_xlsx", args=[thanked.survey.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    summary, raw = workbook.worksheets
    rows = [list(row) for row in summary.iter_rows(values_only=True)]
    assert rows[0] == ["응답률", "2 / 3", 66.7]
    assert ["평균 (5점 만점)", 4, None] in rows and ["만족 이상 (4~5점)", 50, None] in rows
    answers_rows = sorted(list(row) for row in raw.iter_rows(min_row=2, values_only=True))
    assert sorted(row[1:] for row in answers_rows) == [[3, None, "예", None], [5, None, "예", "좋았습니다"]]
    assert [cell.value for cell in raw[1]] == ["번호", "강연 내용", "행사 운영", "다음 참석 의향", "건의 사항"]
    assert "came" not in str(rows) + str(answers_rows)


def test_the_results_page_draws_the_share_satisfied_and_each_item_as_the_statistics_page_does(client, thanked):
    from django.urls import reverse

    for index, (talk, running, again) in enumerate([("5", "4", "예"), ("4", "2", "예")]):
        link = survey_link(f"came{index}@example.kr")
        with time_machine.travel(seoul(2020, 10, 16, 9, 0)):
            client.post(link, answers(thanked, 강연_내용=talk, 행사_운영=running, 다음_참석_의향=again))
    client.force_login(staff_with_role("콘텐츠 편집자", "editor"))
    page = client.get(reverse("admin:attendees_survey_results", args=[thanked.survey.pk])).text
    charts = re.findall(r'<svg class="bar-chart" role="img" aria-labelledby="([\w-]+)".*?</svg>', page, re.DOTALL)
    assert charts == ["satisfaction-caption", "item-1", "item-2", "item-3"]  # the free text has no chart
    satisfaction, talk, running, again = re.findall(r'<svg class="bar-chart".*?</svg>', page, re.DOTALL)

    def rows(svg):
        labels = re.findall(r'<text class="chart-label"[^>]*>([^<]*)</text>', svg)
        widths = re.findall(r'<rect class="[^"]*" x="\d+" y="[\d.]+" width="([\d.]+)"', svg)
        values = re.findall(r'<text class="chart-value"[^>]*>([^<]*)</text>', svg)
        return list(zip(labels, widths, values, strict=True))

    # Both chose 4-5 for the talk, one of two for the running of it; the longest bar is 100 %.
    assert rows(satisfaction) == [
        ("문항 1", "420", "만족 이상 100.0%, 평균 4.5"),
        ("문항 2", "210", "만족 이상 50.0%, 평균 3.0"),
    ]
    assert rows(talk) == [
        ("5 매우 만족", "380", "1명 (50.0%)"),
        ("4 만족", "380", "1명 (50.0%)"),
        ("3 보통", "0", "0명 (0.0%)"),
        ("2 불만족", "0", "0명 (0.0%)"),
        ("1 매우 불만족", "0", "0명 (0.0%)"),
    ]
    assert rows(again) == [("예", "380", "2명 (100.0%)"), ("아니오", "0", "0명 (0.0%)")]
