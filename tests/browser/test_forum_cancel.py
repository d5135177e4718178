"""Staff cancel forum 3 in the admin; the registrant's mail arrives through a real SMTP
server with a calendar file that removes the forum; their own page says it is cancelled."""

import re

import icalendar
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from events.models import Forum
from tests.browser.conftest import save_screenshot, signed_in_staff
from tests.factories import registered
from tests.smtp import free_port, running_smtp_server, use_smtp_server

pytestmark = pytest.mark.browser


def test_staff_cancel_forum_3_and_the_registrant_is_told(demo_site, open_page, settings):
    port = free_port()
    use_smtp_server(settings, port)
    forum = Forum.objects.get(number=3)
    registrant = registered(forum, "kim.gwangju@example.kr")

    staff = signed_in_staff(demo_site, open_page)
    staff.goto(demo_site + f"/admin/events/forum/{forum.pk}/change/")
    staff.get_by_label("상태").select_option("cancelled")
    staff.get_by_role("button", name="저장", exact=True).click()

    # Not cancelled yet: the confirmation first, with the number of people to be told.
    expect(staff).to_have_url(re.compile(rf"/admin/events/forum/{forum.pk}/cancel/$"))
    expect(staff.locator(".forum-cancel-count")).to_contain_text("1명에게 메일로 알립니다.")
    assert Forum.objects.get(pk=forum.pk).status == "published"
    staff.get_by_label(re.compile("취소 사유")).fill("연사 사정으로 부득이하게 취소합니다.")
    save_screenshot(staff, "admin-forum-cancel")
    staff.get_by_role("button", name="네, 포럼을 취소하고 모두에게 알립니다").click()
    expect(staff.locator(".messagelist")).to_contain_text("포럼을 취소했습니다. 1명에게 메일로 알립니다.")

    with running_smtp_server(port) as inbox:
        call_command("deliver_mail")
    delivered = {message["Subject"].strip(): message for message in inbox.parsed()}
    cancellation = delivered["[AI 조찬포럼] 제3차 포럼이 취소되었습니다"]
    assert cancellation["To"] == "kim.gwangju@example.kr"
    body = cancellation.get_body(preferencelist=("plain",)).get_content()
    assert "사유: 연사 사정으로 부득이하게 취소합니다." in body
    [attachment] = list(cancellation.iter_attachments())
    assert attachment.get_content_type() == "application/ics"  # for people; calendars read the part below
    part = cancellation.get_body(preferencelist=("calendar",))
    assert (part.get_content_type(), part.get_param("method")) == ("text/calendar", "CANCEL")
    calendar = icalendar.Calendar.from_ical(part.get_content())
    [event] = calendar.walk("VEVENT")
    assert (calendar["METHOD"], event["STATUS"], event["UID"], event["SEQUENCE"]) == (
        "CANCEL",
        "CANCELLED",
        Forum.objects.get(number=3).calendar_uid,
        1,
    )

    # The registrant follows the link in that mail.
    [link] = re.findall(r"http://\S+/registrations/\S+/", body)
    assert registrant.token in link
    person = open_page("phone")
    person.goto(link)
    expect(person.get_by_role("alert")).to_contain_text("이 포럼은 취소되었습니다.")
    expect(person.get_by_role("alert")).to_contain_text("연사 사정으로 부득이하게 취소합니다.")
    expect(person.locator(".registration-details")).to_contain_text("취소됨")
    save_screenshot(person, "registration-forum-cancelled-phone")
