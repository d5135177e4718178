"""One count of attendance, everywhere. "Came" means checked in; "walk-in" means registered
at the door and checked in. A forum morning is played through the desk as staff play it,
then every output is read back: the desk's counts, the statistics page and its workbook,
the result report in DOCX and PDF, and the thank-you page. They all say the same."""

import datetime
import io
import re

import docx
import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from attendees.models import Registration
from tests.factories import ForumFactory, registered, seoul, staff_with_role
from tests.pdf import text_of

pytestmark = pytest.mark.django_db

SEOUL = datetime.timezone(datetime.timedelta(hours=9))
WALK_IN = {
    "phone": "",
    "organization": "광주광역시",
    "position": "주무관",
    "sector": "government",
    "consent_privacy": "on",
}


@pytest.fixture
def forum_played():
    """Capacity 4. Online: 김참석 and 이참석 came, 박불참 did not. At the door: 최현장 took
    the last seat and came; 정대기 found it full, went on the waiting list and left;
    한정원외 was admitted over capacity and came."""
    call_command("setup_roles")
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=4, report="주요 내용")
    with time_machine.travel(datetime.datetime(2029, 12, 20, 10, 0, tzinfo=SEOUL), tick=False):
        online = [
            registered(forum, email=f"{address}@example.kr", name=name)
            for address, name in (("kim", "김참석"), ("lee", "이참석"), ("park", "박불참"))
        ]
    desk = staff_with_role("접수 데스크", "desk")
    with time_machine.travel(datetime.datetime(2030, 1, 8, 7, 10, tzinfo=SEOUL), tick=False):
        from django.test import Client

        door = Client()
        door.force_login(desk)
        for person in online[:2]:
            door.post(reverse("desk:check-in", args=[forum.pk]), {"registration": person.pk})
        walk_in = reverse("desk:walk-in", args=[forum.pk])
        door.post(walk_in, {**WALK_IN, "name": "최현장", "email": "choi@example.kr"})
        door.post(walk_in + "?when_full=wait", {**WALK_IN, "name": "정대기", "email": "jung@example.kr"})
        door.post(walk_in + "?when_full=admit", {**WALK_IN, "name": "한정원외", "email": "han@example.kr"})
        counts = door.get(reverse("desk:state", args=[forum.pk])).json()["counts"]
    forum.report_published_at = seoul(2030, 1, 9)
    forum.save()
    return forum, counts


def test_the_morning_was_played_as_described(forum_played):
    forum, _counts = forum_played
    people = {
        r.name: (r.status, r.walk_in, r.over_capacity, r.checked_in_at is not None) for r in forum.registrations.all()
    }
    assert people == {
        "김참석": ("confirmed", False, False, True),
        "이참석": ("confirmed", False, False, True),
        "박불참": ("confirmed", False, False, False),
        "최현장": ("confirmed", True, False, True),
        "정대기": ("waitlisted", True, False, False),
        "한정원외": ("confirmed", True, True, True),
    }


def test_every_output_counts_four_who_came_two_of_them_at_the_door(forum_played, client, tmp_path):
    forum, desk_counts = forum_played
    assert (desk_counts["checked_in"], desk_counts["walk_ins"]) == (4, 2)

    with time_machine.travel(datetime.datetime(2030, 1, 9, 10, 0, tzinfo=SEOUL), tick=False):
        admin_client = client
        admin_client.force_login(User.objects.create_superuser("root", password="a-long-password-1"))
        page = admin_client.get(reverse("admin:events_forum_statistics"), {"series": forum.series_id})
        headings = [str(heading) for heading, _name in page.context["columns"]]
        (row,) = [values for statistics, values in page.context["rows"] if statistics.forum == forum]
        on_page = dict(zip(headings, row, strict=True))
        assert (on_page["현장 확인"], on_page["현장 등록"]) == (4, 2)

        workbook = admin_client.get(reverse("admin:events_forum_statistics_xlsx"), {"series": forum.series_id})
        sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).worksheets[0]
        header, *rows = [list(values) for values in sheet.iter_rows(values_only=True)]
        (forum_row,) = [values for values in rows if values[0] == forum.number]
        in_workbook = dict(zip(header, forum_row, strict=True))
        assert (in_workbook["현장 확인"], in_workbook["현장 등록"]) == (4, 2)

        report = admin_client.get(reverse("admin:events_forum_result_report", args=[forum.pk, "docx"]))
        document = docx.Document(io.BytesIO(report.content))
        overview = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
        assert overview["참석 인원"] == "4명 (사전 신청 2명, 현장 등록 2명), 내빈 0명"

        pdf = admin_client.get(reverse("admin:events_forum_result_report", args=[forum.pk, "pdf"]))
        assert "4명 (사전 신청 2명, 현장 등록 2명)" in re.sub(r"\s+", " ", text_of(pdf.content, tmp_path))

        thank_you = admin_client.get(reverse("admin:events_forum_thank_you", args=[forum.pk]))
        groups = thank_you.context["groups"]
        assert (groups.came, groups.did_not_come) == (4, 1)
    # The one who left from the waiting list registered at the door, and did not come.
    assert Registration.objects.filter(forum=forum, walk_in=True).count() == 3
