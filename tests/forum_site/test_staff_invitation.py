"""A staff account in one step: a name, an email and a role make the account (staff
status, the role's group), on the admin's record, and a mail with a link to set the
password, valid for 3 days; only those who may manage accounts are offered the page."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from attendees.models import PendingMail
from tests.factories import staff_with_role
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
INVITE = "/admin/staff/invite/"
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture
def superuser_client(client):
    call_command("setup_roles")
    client.force_login(User.objects.create_superuser("city", password="a-long-password-1"))
    return client


def invite(client, **fields):
    data = {"name": "한주무관", "email": "han@gwangju.go.kr", "role": "접수 데스크", **fields}
    return client.post(INVITE, data, follow=True)


def mailed_link(email: str) -> str:
    [mail] = queued_mail(to__contains=email)
    [link] = re.findall(r"http://\S+/admin/password/set/\S+/", mail.message)
    return "/" + link.split("/", 3)[3]


def test_one_form_makes_the_account_its_role_its_record_and_its_mail(superuser_client):
    assert 'href="/admin/staff/invite/"' in superuser_client.get("/admin/").text  # offered on the index
    done = invite(superuser_client)
    assert "한주무관 님의 계정을 접수 데스크 역할로 만들었습니다." in done.text
    user = User.objects.get(username="han@gwangju.go.kr")
    assert (user.is_staff, user.is_superuser, user.has_usable_password(), user.first_name) == (
        True,
        False,
        False,
        "한주무관",
    )
    assert [group.name for group in user.groups.all()] == ["접수 데스크"]
    [entry] = LogEntry.objects.filter(object_id=str(user.pk))
    assert (entry.user.username, entry.is_addition()) == ("city", True)
    [mail] = queued_mail(to__contains="han@gwangju.go.kr")
    assert mail.subject == "AI 조찬포럼: 관리자 계정이 준비되었습니다. 비밀번호를 정해 주세요"
    assert "city 님이 포럼 관리 사이트에 접수 데스크 역할로 계정을 만들었습니다." in mail.message
    assert "아래 링크에서 3일 안에 비밀번호를 정해 주세요." in mail.message
    assert ">비밀번호 정하기</a>" in mail.html_message  # a short label, not the long link


def test_the_link_sets_a_password_and_the_person_signs_in_to_their_roles_pages(superuser_client):
    invite(superuser_client)
    link = mailed_link("han@gwangju.go.kr")
    person = Client()
    form_page = person.get(link, follow=True)
    assert form_page.status_code == 200 and 'name="new_password1"' in form_page.text
    done = person.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "breakfast-at-7:30", "new_password2": "breakfast-at-7:30"},
        follow=True,
    )
    assert "비밀번호를 정했습니다. 이메일 주소와 이 비밀번호로 로그인하세요." in done.text
    assert '<a class="button" href="/admin/login/">로그인</a>' in done.text
    signed_in = person.post(
        "/admin/login/?next=/admin/", {"username": "han@gwangju.go.kr", "password": "breakfast-at-7:30"}, follow=True
    )
    assert signed_in.redirect_chain[-1][0] == "/admin/"
    index = signed_in.text
    assert 'href="/desk/"' in index and 'href="/admin/events/forum/"' not in index
    assert person.get(link, follow=True).context["validlink"] is False  # once only
    assert not PendingMail.objects.exclude(email__isnull=False).exists()


def test_the_link_lapses_after_three_days(superuser_client):
    invite(superuser_client)
    link = mailed_link("han@gwangju.go.kr")
    with time_machine.travel(datetime.datetime.now(tz=SEOUL) + datetime.timedelta(days=3, hours=1)):
        page = Client().get(link, follow=True)
    assert page.context["validlink"] is False
    assert "이 링크는 쓸 수 없습니다. 이미 썼거나 3일이 지났습니다." in page.text


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"name": "", "email": "", "role": ""}, {
            "name": ["이름을 입력해 주세요."],
            "email": ["이메일 주소를 입력해 주세요."],
            "role": ["역할을 골라 주세요."],
        }),
        ({"email": "han@"}, {"email": ["올바른 이메일 주소를 입력해 주세요."]}),
        ({"email": "CITY@example.kr"}, {"email": ["이 주소로 만든 계정이 이미 있습니다."]}),
        ({"role": "관리자"}, {"role": ["올바르게 선택해 주세요. 관리자 이/가 선택가능항목에 없습니다."]}),
    ],
)  # fmt: skip
def test_bad_input_gets_field_errors_and_makes_nothing(superuser_client, fields, errors):
    User.objects.filter(username="city").update(email="city@example.kr")
    page = invite(superuser_client, **fields)
    assert page.status_code == 200
    assert page.context["form"].errors == errors
    assert not User.objects.filter(is_superuser=False).exists() and not PendingMail.objects.exists()


def test_only_those_who_manage_accounts_are_offered_the_page(client):
    manager = staff_with_role("포럼 담당자", "manager")
    client.force_login(manager)
    assert 'href="/admin/staff/invite/"' not in client.get("/admin/").text
    assert client.get(INVITE).status_code == 403
    assert invite(client).status_code == 403


def test_a_password_set_before_the_mail_goes_drops_the_mail(superuser_client):
    invite(superuser_client)
    user = User.objects.get(username="han@gwangju.go.kr")
    user.set_password("set-some-other-way-1")
    user.save()
    from attendees.outbox.delivery import outbox_deliver

    outbox_deliver()
    assert not PendingMail.objects.exists() and not queued_mail(to__contains="han@")
