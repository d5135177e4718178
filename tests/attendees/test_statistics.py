"""Attendance statistics per forum and over the series: exact numbers, the same after
the purge has removed every name and address, on the page and in the workbook."""

import datetime
import io
import re

import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from attendees.models import Registration
from attendees.registrations.erasure import personal_data_purge
from attendees.reporting.statistics import forums_statistics, series_statistics
from events.models import Guest
from tests.factories import ForumFactory, RegistrationFactory, SeriesFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def person(forum, email, *, sector="industry", organization="광주AI", present=True, **fields):
    return RegistrationFactory(
        forum=forum,
        email=email,
        sector=sector,
        organization=organization,
        checked_in_at=forum.starts_at if present else None,
        **fields,
    )


@pytest.fixture
def two_forums():
    """Forum 1 in March 2030, forum 2 in April; two people of forum 1 come back."""
    series = SeriesFactory()
    first = ForumFactory(series=series, number=1, starts_at=seoul(2030, 3, 13))
    second = ForumFactory(series=series, number=2, starts_at=seoul(2030, 4, 10))
    with time_machine.travel(datetime.datetime(2030, 3, 1, 9, 0, tzinfo=SEOUL), tick=False):
        person(first, "a@example.kr", organization="광주AI")
        person(first, "b@example.kr", sector="academia", organization="전남대학교")
        person(first, "c@example.kr", sector="research", organization="광주테크노파크")
        person(first, "d@example.kr", present=False)  # a no-show
        person(first, "e@example.kr", status="cancelled", present=False)
        person(first, "f@example.kr", sector="government", organization="광주광역시", walk_in=True)
        person(second, "A@example.kr", organization="광주 AI ")  # a, again; the same organisation
        person(second, "b@example.kr", sector="academia", organization="전남대학교")
        person(second, "g@example.kr", organization="무등데이터")
        person(second, "h@example.kr", present=False)
        person(second, "i@example.kr", status="waitlisted", present=False)
        person(second, "j@example.kr", status="waitlisted", present=False)
    Guest.objects.create(forum=second, name="이용섭", title="광주광역시장", arrived_at=second.starts_at)
    Guest.objects.create(forum=second, name="김용집", title="광주광역시의회 의장")  # did not come
    return series, first, second


def numbers(statistics):
    return {
        "registered": statistics.registered,
        "confirmed": statistics.confirmed,
        "waitlisted": statistics.waitlisted,
        "cancelled": statistics.cancelled,
        "checked_in": statistics.checked_in,
        "walk_ins": statistics.walk_ins,
        "no_show_rate": statistics.no_show_rate,
        "guests_present": statistics.guests_present,
        "returning": statistics.returning,
        "organisations": statistics.organisations,
        "by_sector": {str(sector): count for sector, count in statistics.by_sector.items()},
    }


FIRST = {
    "registered": 5, "confirmed": 5, "waitlisted": 0, "cancelled": 1, "checked_in": 4, "walk_ins": 1,
    "no_show_rate": 0.25, "guests_present": 0, "returning": 0, "organisations": 4,
    "by_sector": {"industry": 1, "academia": 1, "research": 1, "government": 1, "other": 0},
}  # fmt: skip
SECOND = {
    "registered": 6, "confirmed": 4, "waitlisted": 2, "cancelled": 0, "checked_in": 3, "walk_ins": 0,
    "no_show_rate": 0.25, "guests_present": 1, "returning": 2, "organisations": 3,
    "by_sector": {"industry": 2, "academia": 1, "research": 0, "government": 0, "other": 0},
}  # fmt: skip


def test_each_forum_counts_registrations_attendance_sectors_guests_and_returning_people(two_forums):
    _series, first, second = two_forums
    assert [numbers(each) for each in forums_statistics([first, second])] == [FIRST, SECOND]


def test_the_numbers_are_the_same_after_the_purge_removed_every_name_and_address(two_forums):
    series, first, second = two_forums
    with time_machine.travel(datetime.datetime(2030, 5, 1, 9, 0, tzinfo=SEOUL), tick=False):
        before = [numbers(each) for each in series_statistics(series).forums]
    with time_machine.travel(datetime.datetime(2031, 6, 1, 9, 0, tzinfo=SEOUL), tick=False):
        assert personal_data_purge().registrations == 12
        assert not Registration.objects.filter(email__endswith="@example.kr").exists()  # nobody left to count by
        after = [numbers(each) for each in series_statistics(series).forums]
    assert before == after == [FIRST, SECOND]


def test_upcoming_and_cancelled_forums_are_left_out_of_the_series(two_forums):
    series, _first, _second = two_forums
    ForumFactory(series=series, number=3, starts_at=seoul(2030, 5, 8), status="cancelled")
    ForumFactory(series=series, number=4, starts_at=seoul(2030, 6, 12))
    with time_machine.travel(datetime.datetime(2030, 6, 1, 9, 0, tzinfo=SEOUL), tick=False):
        statistics = series_statistics(series)
    assert [row.forum.number for row in statistics.forums] == [1, 2]
    assert statistics.total("checked_in") == 7
    assert [(str(sector), count) for sector, count, _share in statistics.sector_rows] == [
        ("industry", 3), ("academia", 2), ("research", 1), ("government", 1), ("other", 0),
    ]  # fmt: skip


@pytest.fixture
def signed_in_in_may_2030(client, admin_user):
    """The admin, signed in after both forums (a session started in real time would have expired)."""
    with time_machine.travel(datetime.datetime(2030, 5, 1, 9, 0, tzinfo=SEOUL), tick=False):
        client.force_login(admin_user)
        yield client


def test_the_statistics_page_shows_the_tables_beside_the_charts(signed_in_in_may_2030, two_forums):
    series, _first, _second = two_forums
    page = signed_in_in_may_2030.get(reverse("admin:events_forum_statistics"), {"series": series.pk})
    assert page.status_code == 200
    text = page.text
    assert '<svg class="bar-chart" role="img" aria-labelledby="attendance-caption"' in text
    assert '<table id="attendance-table">' in text and '<table id="sector-table">' in text
    totals = "".join(f"<td>{value}</td>" for value in (11, "9 / 200", 2, 1, 7, 1, 1, 2, 7))  # two forums of 100
    assert f'<tfoot><tr><th scope="row">합계</th>{totals}<td>25%</td></tr></tfoot>' in text
    assert '<tr><th scope="row">산업</th><td>3</td><td>42.9%</td></tr>' in text
    assert "@example.kr" not in text  # numbers only


def test_the_same_numbers_download_as_xlsx(signed_in_in_may_2030, two_forums):
    series, _first, _second = two_forums
    response = signed_in_in_may_2030.get(reverse("admin:events_forum_statistics_xlsx"), {"series": series.pk})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    forums, sectors = workbook.worksheets
    rows = [list(row) for row in forums.iter_rows(values_only=True)]
    assert rows[0][:3] == ["회차", "날짜", "주제"]
    assert rows[0][3:7] == ["온라인 신청", "참가 확정", "정원", "정원 외"]  # the seats as numbers, to add up
    assert rows[1][3:] == [5, 5, 100, 0, 0, 1, 4, 1, 0, 0, 4, 0.25]
    assert rows[2][3:] == [6, 4, 100, 0, 2, 0, 3, 0, 1, 2, 3, 0.25]
    assert rows[3][0] == "합계" and rows[3][3:14] == [11, 9, 200, 0, 2, 1, 7, 1, 1, 2, 7]
    sector_rows = [list(row) for row in sectors.iter_rows(values_only=True)]
    assert sector_rows[0] == ["회차", "산업", "학계", "연구", "관(행정)", "기타", "현장 확인"]
    assert sector_rows[3] == ["합계", 3, 2, 1, 1, 0, 7]


def test_staff_without_the_statistics_permission_are_refused(client, two_forums):
    clerk = User.objects.create_user("desk", password="a-long-password-1", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(clerk)
    assert client.get(reverse("admin:events_forum_statistics")).status_code == 403
    assert client.get(reverse("admin:events_forum_statistics_xlsx")).status_code == 403


def test_a_forum_theme_typed_as_a_formula_stays_text_in_the_statistics_workbook(signed_in_in_may_2030, two_forums):
    series, first, _second = two_forums
    first.title = '=HYPERLINK("http://evil.example/","클릭")'
    first.save()
    response = signed_in_in_may_2030.get(reverse("admin:events_forum_statistics_xlsx"), {"series": series.pk})
    forums = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    theme = forums.cell(row=2, column=3)
    assert (theme.value, theme.data_type) == ('=HYPERLINK("http://evil.example/","클릭")', "s")


def test_the_charts_name_each_forum_and_sector_and_write_their_numbers(signed_in_in_may_2030, two_forums):
    series, _first, _second = two_forums
    page = signed_in_in_may_2030.get(reverse("admin:events_forum_statistics"), {"series": series.pk})
    attendance, sectors = re.findall(r'<svg class="bar-chart".*?</svg>', page.text, flags=re.DOTALL)
    texts = re.compile(r'<text class="chart-(?:label|value)"[^>]*>([^<]*)</text>')
    assert texts.findall(attendance) == ["제1차", "신청 6명 중 4명 참석", "제2차", "신청 6명 중 3명 참석"]
    assert texts.findall(sectors) == [
        "산업", "3명 (42.9%)", "학계", "2명 (28.6%)", "연구", "1명 (14.3%)",
        "관(행정)", "1명 (14.3%)", "기타", "0명 (0.0%)",
    ]  # fmt: skip
    # The bars are as long as their numbers: 6 people fill the space, 4 of them two thirds.
    assert re.findall(r'class="bar-(?:registered|present)"[^>]*width="([\d.]+)"', attendance) == [
        "420", "280", "420", "210",
    ]  # fmt: skip
