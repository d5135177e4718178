"""Every forum page carries schema.org Event data (JSON-LD) for search engines' event
results: the fields Google requires and recommends, following the forum's state."""

import json
import re

import pytest
from django.contrib.auth.models import User

from attendees.registrations.forum_changes import forum_cancel
from events.models import Forum
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def event_of(client, path: str) -> dict:
    page = client.get(path).text
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_the_coming_forum_says_when_where_who_and_how_to_register(client, demo, day_after_second_forum):
    event = event_of(client, "/forums/gwangju-ai/3/")
    image = event.pop("image")
    description = event.pop("description")
    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지",
        "url": "http://127.0.0.1:8000/forums/gwangju-ai/3/",
        "inLanguage": "ko",
        "startDate": "2020-09-09T07:30:00+09:00",
        "endDate": "2020-09-09T09:30:00+09:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "Organization", "name": "광주광역시", "url": "https://www.gwangju.go.kr"},
        "location": {
            "@type": "Place",
            "name": str(Forum.objects.get(number=3).venue),
            "address": {
                "@type": "PostalAddress",
                "addressCountry": "KR",
                "streetAddress": "광주광역시 북구 광주과학기술진흥원 12층 국제회의실",  # down to the room
                "addressRegion": "광주광역시",
                "addressLocality": "북구",
            },
        },
        "offers": {
            "@type": "Offer",
            "url": "http://127.0.0.1:8000/forums/gwangju-ai/3/#registration",
            "price": 0,
            "priceCurrency": "KRW",
            "availability": "https://schema.org/InStock",
            "validFrom": "2020-08-05T12:00:00+09:00",
        },
    }
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/forums/gwangju-ai/3/share\.png\?v=[0-9a-f]{12}", image[0])
    assert description == "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지"  # no talk announced yet
    assert "performer" not in event


def test_a_past_forum_keeps_its_data_with_its_speakers_and_no_offer(client, demo, day_after_second_forum):
    event = event_of(client, "/forums/gwangju-ai/2/")
    assert event["name"] == "인공지능 산업육성 조찬포럼 제2차: 인공지능과 산업혁신"
    assert event["startDate"] == "2020-08-05T07:30:00+09:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert [(person["name"], person["affiliation"]["name"]) for person in event["performer"]] == [
        ("이경일", "㈜솔트룩스")
    ]
    assert event["description"].startswith("제2차 포럼은 2020년 8월 5일")
    assert "offers" not in event


def test_a_full_forum_is_sold_out(client, demo, day_after_second_forum):
    forum = Forum.objects.get(number=3)
    forum.capacity = 2
    forum.save()
    RegistrationFactory.create_batch(2, forum=forum)
    assert event_of(client, "/forums/gwangju-ai/3/")["offers"]["availability"] == "https://schema.org/SoldOut"


def test_a_cancelled_forum_says_so_and_offers_nothing(client, demo, day_after_second_forum):
    forum_cancel(forum=Forum.objects.get(number=3), by=User.objects.create_user("clerk"), reason="태풍")
    event = event_of(client, "/forums/gwangju-ai/3/")
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in event


def test_a_theme_cannot_close_the_script_early(client, demo, day_after_second_forum):
    forum = Forum.objects.get(number=3)
    forum.title = "</script><script>alert(1)</script>"
    forum.save()
    page = client.get("/forums/gwangju-ai/3/").text
    assert "<script>alert(1)</script>" not in page
    assert event_of(client, "/forums/gwangju-ai/3/")["name"].endswith("</script><script>alert(1)</script>")


def test_every_forum_has_a_place_even_one_whose_venue_was_never_recorded(client, demo, day_after_second_forum):
    assert Forum.objects.get(number=1).venue is None  # the founding forum's venue is not in the record
    location = event_of(client, "/forums/gwangju-ai/1/")["location"]
    assert location == {
        "@type": "Place",
        "name": "광주광역시",
        "address": {"@type": "PostalAddress", "addressCountry": "KR", "addressRegion": "광주광역시"},
    }
    assert event_of(client, "/en/forums/gwangju-ai/1/")["location"]["name"] == "Gwangju"


def test_a_moved_forum_gives_its_previous_start(client, demo, day_after_second_forum):
    import datetime

    from attendees.registrations.forum_changes import forum_reschedule

    forum = Forum.objects.get(number=3)
    before = forum.starts_at
    forum_reschedule(
        forum=forum,
        by=User.objects.create_user("clerk"),
        starts_at=before + datetime.timedelta(days=7),
        ends_at=forum.ends_at + datetime.timedelta(days=7),
        venue=forum.venue,
    )
    event = event_of(client, "/forums/gwangju-ai/3/")
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (event["previousStartDate"], event["startDate"]) == (
        "2020-09-09T07:30:00+09:00",
        "2020-09-16T07:30:00+09:00",
    )
    assert "previousStartDate" not in event_of(client, "/forums/gwangju-ai/2/")
