"""An English visitor reads the forums in English: the English texts staff wrote beside the
Korean ones, and where there are none the Korean, marked lang="ko" so that a screen reader
reads it with a Korean voice (WCAG 3.1.2)."""

import re
from html.parser import HTMLParser

import pytest

from events.models import Forum, Talk
from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class MainText(HTMLParser):
    """The text of <main>, split into what is marked lang="ko" and what is not."""

    def __init__(self):
        super().__init__()
        self.depth, self.korean_depth = 0, 0
        self.in_main = False
        self.unmarked, self.marked = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if self.in_main and tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.depth += 1
            if attrs.get("lang") == "ko" or self.korean_depth:
                self.korean_depth += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if self.in_main and tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.depth -= 1
            if self.korean_depth:
                self.korean_depth -= 1

    def handle_data(self, data):
        if self.in_main:
            (self.marked if self.korean_depth else self.unmarked).append(data)


def main_text(client, path: str) -> MainText:
    parser = MainText()
    parser.feed(client.get(path).text)
    return parser


def test_forum_2_reads_in_english_with_no_unmarked_korean(client, demo, day_after_second_forum):
    page = main_text(client, "/en/forums/gwangju-ai/2/")
    text = " ".join(page.unmarked)
    assert "AI and industrial innovation" in text
    assert "About 100 people came" in text  # the report, in English
    assert "Lee Kyung-il" in text and "CEO, Saltlux Inc." in text
    assert HANGUL.findall(text) == []
    # The Korean left is the photos' captions, written in Korean only, and marked so.
    captions = {photo.caption for photo in Forum.objects.get(number=2).photos.all()}
    assert {chunk.strip() for chunk in page.marked if HANGUL.search(chunk)} == captions


def test_the_talk_its_quotes_and_the_speaker_read_in_english(client, demo, day_after_second_forum):
    talk = main_text(client, "/en/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/")
    text = " ".join(talk.unmarked)
    assert "Lee Kyung-il began with the words themselves" in text
    assert "We should focus the right technology on the problem we are trying to solve." in text
    assert HANGUL.findall(text) == []
    speaker = " ".join(main_text(client, "/en/speakers/lee-kyung-il/").unmarked)
    assert "Chief executive of Saltlux" in speaker
    assert HANGUL.findall(speaker) == []


def test_korean_pages_stay_korean(client, demo, day_after_second_forum):
    page = client.get("/forums/gwangju-ai/2/").text
    assert "<h1>인공지능과 산업혁신</h1>" in page
    assert "AI and industrial innovation" not in page
    assert 'lang="ko"' not in page.replace('<html lang="ko">', "").replace('hreflang="ko"', "").replace(
        'lang="ko" class="btn', ""
    )


def test_text_without_english_falls_back_to_the_korean_marked_as_korean(client, demo, day_after_second_forum):
    forum = ForumFactory(
        series=Forum.objects.get(number=2).series, number=9, title="데이터 댐", starts_at=seoul(2020, 12, 9)
    )
    page = client.get(f"/en/forums/{forum.series.slug}/9/").text
    assert '<h1><span lang="ko">데이터 댐</span></h1>' in page
    english = main_text(client, f"/en/forums/{forum.series.slug}/9/")
    assert HANGUL.findall(" ".join(english.unmarked)) == []  # whatever Korean is left is marked


def test_search_finds_english_words(client, demo, day_after_second_forum):
    page = client.get("/en/search/", {"q": "innovation"}).text
    assert Talk.objects.get(slug="ai-and-industrial-innovation").get_absolute_url() in page


def test_staff_edit_the_english_beside_the_korean(admin_client, demo):
    forum = Forum.objects.get(number=2)
    page = admin_client.get(f"/admin/events/forum/{forum.pk}/change/").text
    row = page[page.index('<div class="form-row field-title field-title_en">') :][:3000]  # one row, both fields
    assert 'name="title"' in row and 'name="title_en"' in row
    assert 'name="report_en"' in page and 'name="talks-0-summary_en"' in page
