"""No personal data of attendees on any public page."""

import pytest

from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/forums/",
    "/forums/gwangju-ai/3/",
    "/forums/gwangju-ai/3/calendar.ics",
    "/forums.ics",
    "/forums/feed/",
    "/speakers/",
    "/sitemap.xml",
    "/search/?q=홍길동",
    "/search/?q=hong.gildong",
]


def test_public_pages_show_no_attendee_data(client, demo, day_after_second_forum):
    RegistrationFactory(
        forum=demo.forums.get(number=3),
        name="홍길동",
        email="hong.gildong@example.kr",
        phone="01098765432",
    )
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        for personal in ("홍길동", "hong.gildong@example.kr", "01098765432"):
            # Search pages echo the query itself; anything else would be a leak.
            text = response.text.replace('value="홍길동"', "").replace("“홍길동”", "").replace("홍길동 |", "")
            text = text.replace('value="hong.gildong"', "").replace("“hong.gildong”", "").replace("hong.gildong |", "")
            assert personal not in text, (url, personal)
