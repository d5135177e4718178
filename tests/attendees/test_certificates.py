"""The 참석확인서: only for those who came, from their own page, the thank-you mail and the
staff's admin page (on record); its number opens a public page that confirms it with the
forum and a masked name, and nothing more."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from attendees.models import ActionRecord, Certificate, Registration
from attendees.news.thank_you import thank_you_send
from attendees.registrations.addresses import management_path
from attendees.registrations.erasure import registration_erase
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail
from tests.pdf import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    forum = ForumFactory(
        number=2,
        title="인공지능과 산업혁신",
        starts_at=seoul(2020, 8, 5),
        venue__name="광주과학기술진흥원",
        report="기업과 대학이 함께 들은 아침",
    )
    forum.report_published_at = forum.ends_at
    forum.save()
    return forum


@pytest.fixture
def kim(forum):
    return RegistrationFactory(
        forum=forum, name="김광주", organization="광주AI", position="연구원", checked_in_at=forum.starts_at
    )


def download(client, registration):
    return client.get(f"/registrations/{registration.token}/certificate.pdf")


def test_who_came_downloads_it_from_their_own_page(client, kim, tmp_path):
    page = client.get(management_path(kim)).text
    assert f'href="/registrations/{kim.token}/certificate.pdf"' in page
    response = download(client, kim)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(text_of(response.content, tmp_path).split())
    number = Certificate.objects.get(registration=kim).number
    assert text.startswith("참석확인서")
    assert "김광주" in text and "광주AI · 연구원" in text
    assert "제2차 «인공지능과 산업혁신»" in text and "2020년 8월 5일" in text
    assert "위 사람은 위 포럼에 참석하였음을 확인합니다." in text
    assert "광주광역시" in text and f"확인번호: {number}" in text
    # Issued once: the same number on every download.
    download(client, kim)
    assert Certificate.objects.filter(registration=kim).count() == 1


@pytest.mark.parametrize(
    "who",
    ["did not come", "cancelled after the check-in", "erased"],
)
def test_who_did_not_come_gets_404(client, forum, kim, who):
    if who == "did not come":
        person = RegistrationFactory(forum=forum, email="absent@example.kr")
    elif who == "cancelled after the check-in":
        person = RegistrationFactory(
            forum=forum, email="c@example.kr", checked_in_at=forum.starts_at, status="cancelled"
        )
    else:
        token = kim.token
        registration_erase(registration=kim)
        assert client.get(f"/registrations/{token}/certificate.pdf").status_code == 404
        return
    assert download(client, person).status_code == 404
    assert "certificate.pdf" not in client.get(management_path(person)).text
    assert not Certificate.objects.filter(registration=person).exists()


def test_the_verification_page_shows_the_forum_and_a_masked_name_and_nothing_more(client, kim):
    download(client, kim)
    number = Certificate.objects.get(registration=kim).number
    page = client.get(f"/certificates/{number}/")
    assert page.status_code == 200
    text = page.text
    assert f"확인번호 {number}의 참석확인서는 진본입니다." in text
    assert "김*주" in text and "인공지능과 산업혁신" in text
    assert "김광주" not in text and "광주AI" not in text and kim.email not in text
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get("/certificates/AAAA-BBBB-CCCC/").status_code == 404
    # A certificate whose registration is erased confirms nothing any more.
    registration_erase(registration=kim)
    assert client.get(f"/certificates/{number}/").status_code == 404


def test_the_thank_you_mail_links_the_certificate_of_those_who_came(forum, kim):
    from attendees.models import ActorKind

    RegistrationFactory(forum=forum, email="absent@example.kr")
    thank_you_send(forum=forum, include_absent=True, by=ActorKind.SYSTEM)
    [thanks] = queued_mail(to__contains=kim.email)
    assert f"/registrations/{kim.token}/certificate.pdf" in thanks.message
    [sorry] = queued_mail(to__contains="absent@example.kr")
    assert "certificate.pdf" not in sorry.message
    assert sorted(Registration.objects.values_list("email", flat=True)) == sorted([kim.email, "absent@example.kr"])


def test_staff_issue_it_from_the_registration_page_on_record(admin_client, forum, kim):
    page = admin_client.get(reverse("admin:attendees_registration_change", args=[kim.pk])).text
    url = reverse("admin:attendees_registration_certificate", args=[kim.pk])
    assert f'href="{url}"' in page
    response = admin_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    record = ActionRecord.objects.get(action="certificate_issued")
    number = Certificate.objects.get(registration=kim).number
    assert (record.actor.username, record.registration, record.details) == ("admin", kim, {"number": number})
    absent = RegistrationFactory(forum=forum, email="absent@example.kr")
    assert admin_client.get(reverse("admin:attendees_registration_certificate", args=[absent.pk])).status_code == 404
    page = admin_client.get(reverse("admin:attendees_registration_change", args=[absent.pk])).text
    assert "참석한 분에게만 발급합니다." in page


def test_the_desk_role_cannot_issue_one(forum, kim):
    from tests.factories import staff_with_role

    client = Client()
    client.force_login(staff_with_role("접수 데스크"))
    assert client.get(reverse("admin:attendees_registration_certificate", args=[kim.pk])).status_code == 403
    assert not ActionRecord.objects.filter(action="certificate_issued").exists()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", Certificate(registration=kim).number)
