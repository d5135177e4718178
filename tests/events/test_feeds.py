"""The Atom feed of reports and the sitemap."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import etree

from events.models import Forum, ForumStatus
from events.sitemaps import LanguageSitemap
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


ATOM_SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "atom.rng")))


@pytest.mark.parametrize(
    ("path", "language", "author"),
    [("/forums/feed/", "ko", "광주광역시"), ("/en/forums/feed/", "en", "Gwangju Metropolitan City")],
)
def test_each_languages_feed_is_valid_atom_with_an_author(client, demo, day_after_second_forum, path, language, author):
    feed = etree.fromstring(client.get(path).content)
    assert ATOM_SCHEMA.validate(feed), ATOM_SCHEMA.error_log
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == author
    # RFC 4287's Schematron rules, which RELAX NG cannot say (the W3C validator checks them):
    # an author for every entry, here the feed's; an alternate link where an entry has no content.
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        assert feed.find(f"{ATOM}author") is not None or entry.find(f"{ATOM}author") is not None
        assert entry.find(f"{ATOM}content") is not None or entry.find(f"{ATOM}link[@rel='alternate']") is not None


def test_sitemap_lists_public_pages_in_both_languages_section_by_section(client, demo):
    ForumFactory(series=demo, number=9, status=ForumStatus.DRAFT)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [sitemap.find(f"{SITEMAP}loc").text for sitemap in index.findall(f"{SITEMAP}sitemap")]
    assert sections == [
        f"http://testserver/sitemap-{section}-{language}.xml"
        for section in ("pages", "forums", "talks", "speakers")
        for language in ("ko", "en")
    ]
    locations = set()
    for section in sections:
        root = ET.fromstring(client.get(section.removeprefix("http://testserver")).content)
        locations |= {url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")}
    korean = {
        "/",
        "/forums/",
        "/speakers/",
        "/forums/gwangju-ai/1/",
        "/forums/gwangju-ai/2/",
        "/forums/gwangju-ai/3/",
        "/forums/gwangju-ai/1/talks/founding-lecture/",
        "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/",
        "/speakers/park-young-sun/",
        "/speakers/lee-kyung-il/",
    }
    assert locations == {f"http://testserver{path}" for path in korean} | {
        f"http://testserver/en{path}" for path in korean
    }


def test_sitemap_index_names_every_page_of_each_section_with_its_last_change(client, demo, monkeypatch):
    monkeypatch.setattr(LanguageSitemap, "limit", 2)  # the demo's 3 forums fill two pages
    Forum.objects.update(updated_at=seoul(2020, 7, 1))
    Forum.objects.filter(number=2).update(updated_at=seoul(2020, 8, 6, 10, 30))

    index = ET.fromstring(client.get("/sitemap.xml").content)

    entries = [
        (sitemap.find(f"{SITEMAP}loc").text, getattr(sitemap.find(f"{SITEMAP}lastmod"), "text", None))
        for sitemap in index.findall(f"{SITEMAP}sitemap")
    ]
    forums = [entry for entry in entries if "sitemap-forums-" in entry[0]]
    assert forums == [
        ("http://testserver/sitemap-forums-ko.xml", "2020-08-06T10:30:00+09:00"),
        ("http://testserver/sitemap-forums-ko.xml?p=2", "2020-08-06T10:30:00+09:00"),
        ("http://testserver/sitemap-forums-en.xml", "2020-08-06T10:30:00+09:00"),
        ("http://testserver/sitemap-forums-en.xml?p=2", "2020-08-06T10:30:00+09:00"),
    ]
    assert ("http://testserver/sitemap-talks-en.xml", None) in entries
    pages = [
        [url.find(f"{SITEMAP}loc").text for url in ET.fromstring(client.get(address).content).findall(f"{SITEMAP}url")]
        for address in ("/sitemap-forums-en.xml", "/sitemap-forums-en.xml?p=2")
    ]
    # Two forums on the first page, the third on the second: pages follow the keys.
    assert [len(page) for page in pages] == [2, 1]
    assert sorted(pages[0] + pages[1]) == [f"http://testserver/en/forums/gwangju-ai/{number}/" for number in (1, 2, 3)]
    assert client.get("/sitemap-forums-en.xml?p=3").status_code == 404
