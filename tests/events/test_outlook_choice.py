"""The mails' one Outlook button opens a page that reaches both kinds of account: Outlook
on the web answers personal accounts at outlook.live.com and work or school accounts
(Microsoft 365) at outlook.office.com, each signing in only its own kind."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth.models import User

from attendees.registrations.forum_changes import forum_cancel
from events.models import Forum

pytestmark = pytest.mark.django_db


def buttons(page: str) -> dict[str, str]:
    found = re.findall(r'<a class="btn [^"]*" href="([^"]+)" rel="nofollow">([^<]+)</a>', page)
    return {label: unescape(address) for address, label in found}


def test_the_page_adds_the_forum_to_a_personal_or_a_work_account(client, demo, day_after_second_forum):
    page = client.get("/forums/gwangju-ai/3/outlook/")
    assert page.status_code == 200
    offered = buttons(page.text)
    personal, work = offered["개인 계정 (Outlook.com, Hotmail)"], offered["회사·학교 계정 (Microsoft 365)"]
    assert personal.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    assert work.startswith("https://outlook.office.com/calendar/0/deeplink/compose?")
    for address in (personal, work):
        query = dict(parse_qsl(urlsplit(address).query))
        assert (query["startdt"], query["enddt"], query["rru"]) == (
            "2020-09-09T07:30:00+09:00",
            "2020-09-09T09:30:00+09:00",
            "addevent",
        )
        assert query["subject"] == "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지"
    assert 'href="/forums/gwangju-ai/3/calendar.ics"' in page.text  # the Outlook app


def test_a_cancelled_forum_or_seat_opens_either_calendar_to_delete_it(client, demo, day_after_second_forum):
    removal = buttons(client.get("/forums/gwangju-ai/3/outlook/remove/").text)
    assert set(removal.values()) == {
        "https://outlook.live.com/calendar/0/view/month",
        "https://outlook.office.com/calendar/0/view/month",
    }
    forum_cancel(forum=Forum.objects.get(number=3), by=User.objects.create_user("clerk"), reason="태풍")
    page = client.get("/forums/gwangju-ai/3/outlook/").text
    assert "그곳에서 지워 주세요" in page and "deeplink/compose" not in page
