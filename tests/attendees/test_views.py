"""The registration pages as a browser without JavaScript would use them."""

import datetime
import re

import icalendar
import pytest
import time_machine
from django.test import Client

from attendees.models import Registration
from attendees.registrations.addresses import management_path
from events.models import ForumStatus
from tests.factories import RegistrationFactory, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
REGISTER = "/forums/gwangju-ai/3/register/"
SENT = "/forums/gwangju-ai/3/register/sent/"

VALID = {
    "name": "김광주",
    "email": " Kim.Gwangju@Example.KR ",
    "phone": "010-1234-5678",
    "organization": "광주AI  주식회사",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


@pytest.fixture
def forum_3(demo, day_after_second_forum):
    return demo.forums.get(number=3)


def without_csrf_token(html):
    # The token is masked afresh for every response; nothing else may differ.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def field_errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_register_page_shows_the_form_and_the_consent_notice(client, forum_3):
    response = client.get(REGISTER)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields) == [
        "name",
        "email",
        "phone",
        "organization",
        "position",
        "sector",
        "consent_privacy",
        "consent_marketing",
        "homepage",
    ]
    html = response.text
    assert "개인정보 수집·이용 동의" in html
    assert "포럼 종료 후 365일까지 보유하며" in html
    assert "동의하지 않으시면 참가 신청을 받을 수 없습니다" in html
    assert 'name="consent_marketing"' in html
    assert 'name="consent_marketing" class="form-check-input" id="id_consent_marketing" checked' not in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_home_and_forum_page_link_to_the_registration(client, forum_3):
    for url in ("/", "/forums/gwangju-ai/3/"):
        assert f'href="{REGISTER}"' in client.get(url).text


def test_valid_registration_is_normalised_stored_and_confirmed(client, forum_3):
    response = client.post(REGISTER, VALID)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response.url == SENT
    assert (registration.name, registration.email, registration.phone, registration.organization) == (
        "김광주",
        "kim.gwangju@example.kr",
        "01012345678",
        "광주AI 주식회사",
    )
    assert (registration.status, registration.language, registration.consent_marketing) == ("confirmed", "ko", False)
    sent = client.get(response.url)
    assert "메일을 확인해 주세요" in sent.text
    assert registration.token not in sent.text
    [confirmation] = queued_mail(to="kim.gwangju@example.kr")
    assert f"/registrations/{registration.token}/" in confirmation.message


def test_english_name_and_international_phone(client, forum_3):
    client.post(
        "/en" + REGISTER,
        {**VALID, "name": "Anne-Marie O'Neil", "phone": "+82 62-123-4567", "email": "anne@example.com"},
    )
    registration = Registration.objects.get()
    assert (registration.name, registration.phone, registration.language) == ("Anne-Marie O'Neil", "0621234567", "en")


def test_missing_fields_are_explained_in_korean_next_to_each_field(client, forum_3):
    response = client.post(REGISTER, {})
    assert response.status_code == 200
    assert field_errors(response) == {
        "name": ["이름을 입력해 주세요."],
        "email": ["이메일 주소를 입력해 주세요."],
        "organization": ["소속을 입력해 주세요."],
        "position": ["직위를 입력해 주세요."],
        "sector": ["분야를 선택해 주세요."],
        "consent_privacy": ["참가 신청을 하려면 개인정보 수집·이용에 동의해 주셔야 합니다."],
    }
    assert 'id="error_1_id_name"' in response.text  # crispy renders it under the field
    assert Registration.objects.count() == 0


def test_errors_in_english_when_the_visitor_chose_english(client, forum_3):
    response = client.post("/en" + REGISTER, {**VALID, "email": "not-an-email", "phone": "12345"})
    assert field_errors(response) == {
        "email": ["Please enter a valid email address."],
        "phone": [
            "This is not a phone number we can use: write it like 010‑1234‑5678, "
            "or one from abroad with its country code, e.g. +49 …"
        ],
    }


def test_without_privacy_consent_nothing_is_stored(client, forum_3):
    response = client.post(REGISTER, {**VALID, "consent_privacy": ""})
    assert field_errors(response) == {
        "consent_privacy": ["참가 신청을 하려면 개인정보 수집·이용에 동의해 주셔야 합니다."]
    }
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "김" * 101, "이 값이 최대 100 개의 글자인지 확인하세요(입력값 101 자)."),
        ("name", "김\u0000광주", "null 문자는 사용할 수 없습니다. "),
        ("name", "김\u200b광주", "특수 문자를 지워 주세요."),
        # A number that cannot be one is told so, not answered as if it were missing.
        (
            "phone",
            "1234",
            "올바른 전화번호가 아닙니다. 010‑1234‑5678처럼 적어 주세요. 해외 번호는 국가 번호와 함께(예: +49 …)",
        ),
        (
            "phone",
            "010-123",
            "올바른 전화번호가 아닙니다. 010‑1234‑5678처럼 적어 주세요. 해외 번호는 국가 번호와 함께(예: +49 …)",
        ),
        (
            "phone",
            "+49 12",
            "올바른 전화번호가 아닙니다. 010‑1234‑5678처럼 적어 주세요. 해외 번호는 국가 번호와 함께(예: +49 …)",
        ),
        ("sector", "aliens", "분야 중 하나를 선택해 주세요."),
        ("email", "someone@localhost", "도메인까지 포함한 전체 주소를 입력해 주세요 (예: example.kr)."),
        # An address in a name would be copied into the forum's own mails.
        ("name", "재인증 www.evil.example/login", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
        ("name", "evil.example", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
        ("name", "http://x", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
        ("name", "a@b.kr", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
        ("organization", "광주AI (gwangju-ai.kr)", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
        ("position", "연구원 @ 광주", "웹 주소나 이메일 주소는 빼고 입력해 주세요."),
    ],
)
def test_bad_input_gets_a_field_error(client, forum_3, field, value, error):
    response = client.post(REGISTER, {**VALID, field: value})
    assert response.status_code == 200
    assert field_errors(response) == {field: [error]}


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("010 1234 5678", "01012345678", "010-1234-5678"),
        ("+82 10-1234-5678", "01012345678", "010-1234-5678"),
        ("062-123-4567", "0621234567", "062-123-4567"),
        ("+49 151 12345678", "+4915112345678", "+49 1511 2345678"),  # a partner from abroad, in E.164
        ("+1 (650) 253-0000", "+16502530000", "+1 650-253-0000"),
    ],
)
def test_phone_numbers_are_read_by_libphonenumber_and_shown_as_people_write_them(client, forum_3, typed, stored, shown):
    response = client.post(REGISTER, {**VALID, "phone": typed})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.phone == stored
    page = client.get(management_path(registration)).text
    assert f'<dd class="col-sm-8 text-nowrap">{shown}</dd>' in page


def test_a_failed_submit_lists_every_problem_at_the_top_linked_to_its_field(client, forum_3):
    response = client.post(REGISTER, {**VALID, "name": "", "phone": "12", "sector": ""})
    summary = re.search(r'<div class="alert alert-danger error-summary".*?</div>', response.text, flags=re.DOTALL)
    assert summary.start() < response.text.index('name="name"')  # above the fields
    assert re.findall(r'<li><a href="(#[\w-]+)">([^<]*)</a></li>', summary.group(0)) == [
        ("#id_name", "이름을 입력해 주세요."),
        (
            "#id_phone",
            "올바른 전화번호가 아닙니다. 010‑1234‑5678처럼 적어 주세요. 해외 번호는 국가 번호와 함께(예: +49 …)",
        ),
        ("#id_sector_0", "분야를 선택해 주세요."),
    ]
    assert "<title>오류: 참가 신청" in response.text


def test_an_address_in_a_name_is_explained_in_english_too(client, forum_3):
    response = client.post("/en" + REGISTER, {**VALID, "name": "evil.example"})
    assert field_errors(response) == {"name": ["Please leave out web and email addresses."]}
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("name", ["Dr. Kim Gwang-ju", "Ph.D. 김광주", "Saltlux Inc.", "김 광주"])
def test_names_with_dots_that_are_no_address_are_taken(client, forum_3, name):
    client.post(REGISTER, {**VALID, "name": name})
    assert list(Registration.objects.values_list("name", flat=True)) == [name]


@pytest.mark.parametrize("filled", ["http://spam.example", " ", "\u200b", "\t"])
def test_honeypot_filled_by_a_bot_looks_like_success_and_stores_nothing(client, forum_3, filled):
    response = client.post(REGISTER, {**VALID, "homepage": filled})
    assert (response.status_code, response.url) == (302, SENT)
    assert Registration.objects.count() == 0
    assert queued_mail().count() == 0


def test_registration_posts_are_rate_limited_per_ip(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "ip": "3/h"}
    statuses = [client.post(REGISTER, {**VALID, "email": f"p{i}@example.kr"}).status_code for i in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Registration.objects.count() == 3
    other_ip = client.post(REGISTER, {**VALID, "email": "p9@example.kr"}, REMOTE_ADDR="10.1.2.3")
    assert other_ip.status_code == 302


def test_form_errors_do_not_count_towards_the_limit(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "ip": "2/h"}
    for _ in range(5):
        assert client.post(REGISTER, {**VALID, "phone": "12"}).status_code == 200
    statuses = [client.post(REGISTER, {**VALID, "email": f"p{i}@example.kr"}).status_code for i in range(3)]
    assert statuses == [302, 302, 429]


def test_repeated_registrations_count_towards_the_email_limit(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "email": "2/h"}
    statuses = [client.post(REGISTER, VALID, REMOTE_ADDR=f"10.0.0.{i}").status_code for i in range(3)]
    assert statuses == [302, 302, 429]
    assert client.post(REGISTER, {**VALID, "email": "other@example.kr"}).status_code == 302


def test_forum_limit_holds_across_addresses(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "forum": "2/h"}
    statuses = [
        client.post(REGISTER, {**VALID, "email": f"p{i}@example.kr"}, REMOTE_ADDR=f"10.0.0.{i}").status_code
        for i in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_the_default_limit_lets_a_whole_office_register_from_one_address(client, forum_3):
    statuses = {client.post(REGISTER, {**VALID, "email": f"staff{i}@gwangju.go.kr"}).status_code for i in range(60)}
    assert statuses == {302}
    assert Registration.objects.count() == 60


def test_rate_limit_explains_itself(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "ip": "1/h"}
    client.post(REGISTER, VALID)
    response = client.post(REGISTER, {**VALID, "email": "other@example.kr"})
    assert "같은 네트워크에서 신청이 너무 많습니다." in response.text


def test_same_email_again_reveals_nothing_and_mails_the_link(client, forum_3):
    existing = RegistrationFactory(
        forum=forum_3, name="이미신청", email="kim.gwangju@example.kr", organization="비밀기관"
    )
    fresh = client.post(REGISTER, {**VALID, "email": "someone.new@example.kr"}, follow=True)
    again = client.post(REGISTER, VALID, follow=True)
    assert again.redirect_chain == fresh.redirect_chain == [(SENT, 302)]
    assert without_csrf_token(again.text) == without_csrf_token(fresh.text)
    for secret in ("이미신청", "비밀기관", existing.token):
        assert secret not in again.text
    [link_mail] = queued_mail(to="kim.gwangju@example.kr")
    assert link_mail.subject == "[AI 조찬포럼] 제3차 포럼 참가 신청 안내"
    assert "이미 신청되어 있으므로 바뀐 것은 없습니다." in link_mail.message
    assert existing.token in link_mail.message
    assert Registration.objects.filter(forum=forum_3).count() == 2


def test_the_already_registered_mail_goes_at_most_once_an_hour(client, forum_3, settings):
    RegistrationFactory(forum=forum_3, email="kim.gwangju@example.kr")
    for _ in range(4):
        assert client.post(REGISTER, VALID).status_code == 302
    assert queued_mail(to="kim.gwangju@example.kr").count() == 1
    with time_machine.travel(datetime.datetime(2020, 8, 6, 10, 1, tzinfo=SEOUL), tick=False):
        client.post(REGISTER, VALID)
    assert queued_mail(to="kim.gwangju@example.kr").count() == 2


def test_full_forum_puts_people_on_the_waiting_list(client, forum_3):
    forum_3.capacity = 1
    forum_3.save()
    RegistrationFactory(forum=forum_3)
    assert "정원이 모두 찼습니다." in client.get(REGISTER).text
    client.post(REGISTER, VALID)
    registration = Registration.objects.get(email="kim.gwangju@example.kr")
    assert registration.status == "waitlisted"
    [waiting_mail] = queued_mail(to="kim.gwangju@example.kr")
    assert "대기 순번 1번" in waiting_mail.message
    page = client.get(management_path(registration))
    assert "대기 순번 1번" in page.text


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"status": ForumStatus.CANCELLED}, "이 포럼은 취소되었습니다."),
        ({"registration_opens_at": seoul(2020, 8, 10, 9, 0)}, "아직 참가 신청 기간이 아닙니다."),
        ({"registration_closes_at": seoul(2020, 8, 6, 8, 0)}, "이 포럼의 참가 신청이 마감되었습니다."),
    ],
)
def test_closed_registration_says_why_and_takes_nothing(client, forum_3, change, reason):
    for field, value in change.items():
        setattr(forum_3, field, value)
    forum_3.save()
    assert reason in client.get(REGISTER).text
    assert 'name="name"' not in client.get(REGISTER).text
    client.post(REGISTER, VALID)
    assert Registration.objects.count() == 0


def test_past_forum_registration_page_says_it_has_taken_place(client, forum_3):
    assert "이미 끝난 포럼입니다." in client.get("/forums/gwangju-ai/2/register/").text


def test_draft_forum_has_no_registration_page(client, forum_3):
    forum_3.status = ForumStatus.DRAFT
    forum_3.save()
    assert client.get(REGISTER).status_code == 404


def test_management_page_shows_the_registration_privately(client, forum_3):
    registration = RegistrationFactory(forum=forum_3, name="김광주", phone="01012345678")
    response = client.get(management_path(registration))
    assert response.status_code == 200
    assert "김광주" in response.text and "010-1234-5678" in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert f'href="/registrations/{registration.token}/cancel/"' in response.text
    assert (
        '온라인 취소는 <span class="text-nowrap">2020년 9월 8일 (화)</span> '
        '<span class="text-nowrap">오후 7:30</span>까지 가능합니다.' in response.text
    )


def test_unknown_token_is_not_found(client, forum_3):
    assert client.get("/registrations/not-a-real-token/").status_code == 404


def test_registration_ics_download(client, forum_3):
    registration = RegistrationFactory(forum=forum_3)
    response = client.get(f"/registrations/{registration.token}/calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="gwangju-ai-3.ics"'
    assert b"DTSTART;TZID=Asia/Seoul:20200909T073000" in response.content


def test_cancel_asks_first_then_cancels_and_promotes(client, forum_3):
    forum_3.capacity = 1
    forum_3.save()
    holder = RegistrationFactory(forum=forum_3)
    waiting = RegistrationFactory(forum=forum_3, status="waitlisted")
    ask = client.get(f"/registrations/{holder.token}/cancel/")
    assert "정말 취소하시겠습니까?" in ask.text
    assert Registration.objects.get(pk=holder.pk).status == "confirmed"

    response = client.post(f"/registrations/{holder.token}/cancel/", follow=True)
    assert response.redirect_chain == [(f"/registrations/{holder.token}/", 302)]
    assert "참가 신청이 취소되었습니다." in response.text
    assert "비게 된 자리는 첫 번째 대기자에게 배정되었습니다." in response.text
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_a_personal_cancellation_takes_the_forum_out_of_the_persons_calendar(client, forum_3):
    registration = RegistrationFactory(forum=forum_3, email="kim@example.kr")
    client.post(f"/registrations/{registration.token}/cancel/")
    [mail] = queued_mail(to=["kim@example.kr"], subject__contains="취소")
    [(filename, content, mimetype)] = [
        attachment for attachment in mail.email_message().attachments if attachment[2] == "text/calendar; method=CANCEL"
    ]
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    # The UID of the file the confirmation carried, one revision later, withdrawn.
    assert (filename, calendar["METHOD"], event["UID"], event["SEQUENCE"], event["STATUS"]) == (
        "gwangju-ai-3.ics",
        "CANCEL",
        forum_3.calendar_uid,
        forum_3.calendar_sequence + 1,
        "CANCELLED",
    )
    forum_3.refresh_from_db()
    assert forum_3.status == "published"  # the forum itself still takes place


def test_cancel_needs_csrf(forum_3):
    registration = RegistrationFactory(forum=forum_3)
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/registrations/{registration.token}/cancel/").status_code == 403
    assert client.post(REGISTER, VALID).status_code == 403
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


def test_cancel_after_the_deadline_is_refused_with_a_message(client, forum_3):
    registration = RegistrationFactory(forum=forum_3)
    with time_machine.travel(datetime.datetime(2020, 9, 8, 20, 0, tzinfo=SEOUL), tick=False):
        page = client.get(management_path(registration))
        assert "온라인 취소 기간이 지났습니다" in page.text
        response = client.post(f"/registrations/{registration.token}/cancel/", follow=True)
    assert "이 포럼의 온라인 취소 기간이 지났습니다. 주최 측에 문의해 주세요." in response.text
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


@pytest.mark.parametrize("page", ["", "cancel/", "news/"])
def test_management_pages_query_budget(client, forum_3, django_assert_num_queries, page):
    RegistrationFactory.create_batch(5, forum=forum_3, status="waitlisted")
    registration = RegistrationFactory(forum=forum_3, status="waitlisted")
    # The registration with its forum, the count of people ahead in line, its answers (none).
    with django_assert_num_queries(3):
        assert client.get(f"/registrations/{registration.token}/{page}").status_code == 200


@pytest.mark.parametrize("value", ["0", "off", "no", "N", "null", " ", "true", "1", "yes", "on ", "ON", "False"])
def test_only_the_checkbox_own_value_is_consent(client, forum_3, value):
    response = client.post(REGISTER, {**VALID, "consent_privacy": value, "consent_marketing": value})
    assert response.status_code == 200
    assert field_errors(response) == {
        "consent_privacy": ["참가 신청을 하려면 개인정보 수집·이용에 동의해 주셔야 합니다."]
    }
    assert Registration.objects.count() == 0


def test_a_marketing_value_other_than_on_is_no_consent(client, forum_3):
    client.post(REGISTER, {**VALID, "consent_marketing": "no"})
    assert Registration.objects.get().consent_marketing is False
