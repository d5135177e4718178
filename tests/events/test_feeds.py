"""The Atom feed of reports and the sitemap."""

import xml.etree.ElementTree as ET

import pytest

from events.models import ForumStatus
from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_feed_lists_past_forums_with_a_report(client, demo, day_after_second_forum):
    ForumFactory(series=demo, number=9, status=ForumStatus.DRAFT, report="초안 보고", starts_at=seoul(2020, 7, 1))
    response = client.get("/forums/feed/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["제2차 인공지능과 산업혁신", "제1차 창립 포럼"]
    assert entries[0].find(f"{ATOM}link").attrib["href"] == "http://testserver/forums/gwangju-ai/2/"
    assert entries[0].find(f"{ATOM}summary").text.startswith("제2차 포럼은 2020년 8월 5일")


def test_sitemap_lists_public_pages(client, demo):
    ForumFactory(series=demo, number=9, status=ForumStatus.DRAFT)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")}
    assert locations == {
        "http://testserver/",
        "http://testserver/forums/",
        "http://testserver/speakers/",
        "http://testserver/forums/gwangju-ai/1/",
        "http://testserver/forums/gwangju-ai/2/",
        "http://testserver/forums/gwangju-ai/3/",
        "http://testserver/forums/gwangju-ai/1/talks/founding-lecture/",
        "http://testserver/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/",
        "http://testserver/speakers/park-young-sun/",
        "http://testserver/speakers/lee-kyung-il/",
    }
