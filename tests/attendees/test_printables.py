"""The sign-in sheet and the name badges: A4 PDFs whose Korean text can be extracted
(pdftotext finds every name, which proves the font is embedded)."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from attendees.models import AccessRecord
from events.models import Guest
from tests.factories import ForumFactory, RegistrationFactory
from tests.pdf import info_of, pages_of, save_first_page, text_of

pytestmark = pytest.mark.django_db
LONG_ENGLISH_NAME = "Maximilian Alexander von Württemberg-Hohenlohe"


@pytest.fixture
def forum():
    forum = ForumFactory(number=3, title="AI와 제조")
    for index, (name, organization) in enumerate(
        [("김광주", "광주AI"), ("박서연", "전남대학교"), ("이도윤", "광주AI")]
    ):
        RegistrationFactory(forum=forum, name=name, organization=organization, email=f"p{index}@example.kr")
    RegistrationFactory(forum=forum, name=LONG_ENGLISH_NAME, organization="Fraunhofer Institute", email="m@example.de")
    RegistrationFactory(forum=forum, name="대기자", status="waitlisted")
    Guest.objects.create(forum=forum, name="이용섭", title="광주광역시장", organization="광주광역시", protocol_order=1)
    return forum


def test_the_sign_in_sheet_lists_confirmed_people_by_organisation_with_room_for_walk_ins(admin_client, forum, tmp_path):
    response = admin_client.get(f"/admin/events/forum/{forum.pk}/sign-in-sheet.pdf")
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    text = text_of(response.content, tmp_path)
    assert "제3차 참석자 서명부" in text and "«AI와 제조»" in text
    assert "서명" in text and re.search(r"\b1\s*/\s*1\b", text)  # the page number
    order = [text.index(name) for name in ("김광주", "이도윤", "박서연")]  # 광주AI, then 전남대학교
    assert order == sorted(order)
    assert all(part in text for part in re.split(r"[\s-]+", LONG_ENGLISH_NAME))  # wrapped in its cell, never cut
    assert "대기자" not in text
    assert "16" in text  # 4 people, then 12 blank rows for walk-ins
    record = AccessRecord.objects.get(kind="export")
    assert (record.row_count, record.details["printable"]) == (4, "sign-in-sheet")


def test_name_badges_carry_every_name_and_mark_the_guests(admin_client, forum, tmp_path):
    response = admin_client.get(f"/admin/events/forum/{forum.pk}/badges.pdf")
    pdf = response.content
    text = text_of(pdf, tmp_path)
    for name in ("김광주", "박서연", "이도윤", "이용섭", "광주광역시장"):
        assert name in text
    assert "Württemberg-Hohenlohe" in text.replace("\n", " ")  # a long name wraps, it is not cut
    assert text.count("내빈") == 1
    assert pages_of(pdf, tmp_path) == 1  # 5 badges on one sheet of 8
    save_first_page(pdf, tmp_path, "badges")


@pytest.mark.parametrize(("printable", "title"), [("sign-in-sheet", "참석자 서명부"), ("badges", "명찰")])
def test_the_printables_are_tagged_korean_documents_with_a_title(admin_client, forum, tmp_path, printable, title):
    info = info_of(admin_client.get(f"/admin/events/forum/{forum.pk}/{printable}.pdf").content, tmp_path)
    assert (info["Tagged"], info["Title"], info["Lang"]) == ("yes", title, "ko")


def test_the_forum_manager_prints_and_the_desk_and_an_editor_cannot(client, forum):
    call_command("setup_roles")
    for role, status in (("포럼 담당자", 200), ("접수 데스크", 403), ("콘텐츠 편집자", 403)):
        user = User.objects.create_user(role, password="a-long-password-1", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        assert client.get(f"/admin/events/forum/{forum.pk}/badges.pdf").status_code == status
