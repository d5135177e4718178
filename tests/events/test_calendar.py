"""The .ics files, read back with icalendar as a calendar app would."""

import datetime
import html
import re
import zoneinfo
from urllib.parse import parse_qsl, urlsplit

import icalendar
import pytest

from events.models import Forum, ForumStatus
from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


def events_in(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return [component for component in calendar.walk("VEVENT")]


def test_forum_ics_starts_at_0730_in_seoul(client, demo):
    response = client.get("/forums/gwangju-ai/3/calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="gwangju-ai-3.ics"'
    [event] = events_in(response)
    assert str(event["SUMMARY"]) == "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지"
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2020, 9, 9, 7, 30, tzinfo=SEOUL)
    assert str(start.tzinfo) == "Asia/Seoul"
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert event.decoded("DTEND") == datetime.datetime(2020, 9, 9, 9, 30, tzinfo=SEOUL)
    assert str(event["LOCATION"]) == "광주과학기술진흥원 12층 국제회의실, 광주광역시 북구"
    assert str(event["URL"]) == "http://testserver/forums/gwangju-ai/3/"
    # The forum's own UID, in the site's domain (SITE_URL), whatever its number or slug.
    forum = Forum.objects.get(series__slug="gwangju-ai", number=3)
    assert str(event["UID"]) == forum.calendar_uid
    assert re.fullmatch(r"forum-[0-9a-f-]{36}@127\.0\.0\.1", forum.calendar_uid)


def test_ics_carries_the_seoul_time_zone_definition(client, demo):
    calendar = icalendar.Calendar.from_ical(client.get("/forums/gwangju-ai/2/calendar.ics").content)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Asia/Seoul"


def test_ics_lists_the_talks(client, demo):
    [event] = events_in(client.get("/forums/gwangju-ai/2/calendar.ics"))
    assert str(event["DESCRIPTION"]).splitlines()[0] == "인공지능과 산업혁신 (이경일)"


def test_calendar_feed_holds_the_published_forums_of_the_last_year_and_to_come(client, demo, day_after_second_forum):
    ForumFactory(series=demo, number=4, status=ForumStatus.DRAFT)
    cancelled = ForumFactory(series=demo, number=5, status=ForumStatus.CANCELLED, starts_at=seoul(2020, 11, 11))
    ForumFactory(series=demo, number=10, starts_at=seoul(2019, 8, 5))  # a year and a day ago
    events = events_in(client.get("/forums.ics"))
    assert [str(event["UID"]) for event in events] == [
        *(demo.forums.get(number=number).calendar_uid for number in (1, 2, 3)),
        cancelled.calendar_uid,
    ]
    assert [str(event["STATUS"]) for event in events] == ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"]


def test_the_time_zone_block_is_built_once_per_process(client, demo):
    from events.calendar import site_timezone

    site_timezone.cache_clear()
    for url in ("/forums.ics", "/forums/gwangju-ai/1/calendar.ics", "/forums/gwangju-ai/2/calendar.ics"):
        assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul" in client.get(url).content
    assert (site_timezone.cache_info().misses, site_timezone.cache_info().hits) == (1, 2)


def test_a_coming_forum_page_links_google_calendar_filled_in_with_the_forum(client, demo, day_after_second_forum):
    page = client.get("/forums/gwangju-ai/3/").text
    [link] = re.findall(r'<a href="(https://calendar\.google\.com/[^"]+)"', page)
    address = urlsplit(html.unescape(link))
    forum = Forum.objects.get(number=3)
    assert (address.path, dict(parse_qsl(address.query))) == (
        "/calendar/render",
        {
            "action": "TEMPLATE",
            "text": "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지",
            "dates": "20200909T073000/20200909T093000",
            "ctz": "Asia/Seoul",
            "details": "http://127.0.0.1:8000/forums/gwangju-ai/3/",
            "location": f"{forum.venue}, {forum.venue.address}",
        },
    )
    assert "calendar.google.com" not in client.get("/forums/gwangju-ai/2/").text  # a past forum: the .ics only
