"""One number for "확정": after a walk-in admitted over capacity, the forum list, the desk,
the statistics and the result report all say "2 / 2 + 정원 외 1", and the registration
list marks and filters the one admitted beyond the capacity."""

import datetime
import io
import re

import docx
import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse

from attendees.registrations import services
from attendees.registrations.seat_counts import seat_counts_recount
from attendees.reporting.result_report_docx import result_report_docx
from tests.factories import ForumFactory, RegistrationFactory, seoul, staff_with_role
from tests.forum_site.test_wording import visible_text

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
MORNING = datetime.datetime(2030, 1, 8, 7, 20, tzinfo=SEOUL)


@pytest.fixture
def full_forum_and_one_over():
    """A forum of 2 seats, both taken, and 박현장 admitted at the door beyond them."""
    with time_machine.travel(MORNING, tick=False):
        forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=2)
        for name in ("김확정", "이확정"):
            RegistrationFactory(forum=forum, name=name, checked_in_at=MORNING)
        seat_counts_recount(forum)
        desk = staff_with_role("접수 데스크", "desk")
        services.registration_create(
            forum=forum, name="박현장", email="", organization="광주AI", position="연구원", sector="industry",
            consent_privacy=True, by=desk, walk_in=True, admit_over_capacity=True,
        )  # fmt: skip
    forum.refresh_from_db()
    return forum


def test_the_forum_list_and_the_desk_say_the_same(client, full_forum_and_one_over):
    forum = full_forum_and_one_over
    with time_machine.travel(MORNING, tick=False):
        client.force_login(staff_with_role("포럼 담당자", "manager"))
        listing = client.get(reverse("admin:events_forum_changelist")).text
        [row] = re.findall(rf"<tr>.*?/admin/events/forum/{forum.pk}/change/.*?</tr>", listing, re.S)
        assert '<td class="field-seats">2 / 2 + 정원 외 1</td>' in row
        desk = visible_text(client.get(reverse("desk:page"), {"forum": forum.pk}).text)
        assert "확정 2 / 2 + 정원 외 1" in desk
        answer = client.get(reverse("desk:state", args=[forum.pk]), HTTP_ACCEPT="application/json").json()
    assert (answer["counts"]["confirmed"], answer["counts"]["over_capacity"]) == (2, "+ 정원 외 1")


def test_the_statistics_and_the_result_report_say_the_same(client, full_forum_and_one_over):
    forum = full_forum_and_one_over
    forum.status = "published"
    forum.save()
    with time_machine.travel(MORNING + datetime.timedelta(days=1), tick=False):
        client.force_login(User.objects.create_superuser("admin", password="a-long-password-1"))
        page = client.get(reverse("admin:events_forum_statistics")).text
        table = page.split('id="attendance-table"')[1].split("</table>")[0]
        headings = re.findall(r'<th scope="col">(.*?)</th>', table)
        [cells] = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tbody>.*?</tbody>", table, re.S)]
        assert cells[headings.index("확정 / 정원") - 1] == "2 / 2 + 정원 외 1"
        overview = docx.Document(io.BytesIO(result_report_docx(forum))).tables[0]
    assert {row.cells[0].text: row.cells[1].text for row in overview.rows}["확정 / 정원"] == "2 / 2 + 정원 외 1"


def test_the_registration_list_marks_and_filters_those_admitted_over_capacity(client, full_forum_and_one_over):
    client.force_login(staff_with_role("포럼 담당자", "manager"))
    url = reverse("admin:attendees_registration_changelist")
    page = client.get(url).text
    assert '<th scope="col" class="column-beyond_capacity">' in page
    over = client.get(url, {"over_capacity": "yes"}).text
    names = re.findall(r'<th class="field-name"><a [^>]*>(.*?)</a></th>', over)
    assert names == ["박현장"]
    assert "정원 외 입장" in page  # the filter's choice
    seated = re.findall(
        r'<th class="field-name"><a [^>]*>(.*?)</a></th>', client.get(url, {"over_capacity": "no"}).text
    )
    assert sorted(seated) == ["김확정", "이확정"]
