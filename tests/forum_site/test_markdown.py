"""Staff write reports and summaries in Markdown; what reaches the page is safe HTML."""

import re
from html.parser import HTMLParser

import pytest

from forum_site.core.markdown import markdown_html, markdown_plain


class Tags(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_headings_lists_bold_and_links_become_html_below_the_page_headings():
    html = markdown_html(
        "# 요약\n\n## 논의\n\n- **데이터** 댐\n- [솔트룩스](https://www.saltlux.com)\n\n1. 첫째\n2. 둘째"
    )
    assert html == (
        "<h3>요약</h3>\n<h4>논의</h4>\n<ul>\n<li><strong>데이터</strong> 댐</li>\n"
        '<li><a href="https://www.saltlux.com" rel="nofollow">솔트룩스</a></li>\n</ul>\n'
        "<ol>\n<li>첫째</li>\n<li>둘째</li>\n</ol>\n"
    )


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        ("## 요약\n\n본문\n\n## 논의", "<h3>요약</h3><h3>논의</h3>"),  # as docs/staff.md tells editors
        ("## 요약\n\n#### 세부", "<h3>요약</h3><h4>세부</h4>"),  # a skipped level closes up
        ("### 요약\n\n# 맺음", "<h4>요약</h4><h3>맺음</h3>"),
    ],
)
def test_the_texts_highest_heading_is_an_h3_and_none_skips_a_level(text, headings):
    html = markdown_html(text)
    assert "".join(re.findall(r"<h\d>[^<]*</h\d>", html)) == headings


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[눌러 보세요](javascript:alert(1))",
        "[눌러 보세요](JAVASCRIPT:alert(1))",
        "[눌러 보세요](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="javascript:alert(1)">링크</a>',
    ],
)
def test_raw_html_scripts_and_unsafe_links_never_reach_the_page(text):
    # Shown as text, or as words without their link: nothing but a paragraph.
    assert Tags(markdown_html(text)).found == [("p", {})]


def test_an_image_in_the_text_is_at_most_a_link_photos_belong_in_the_gallery():
    assert [tag for tag, _attrs in Tags(markdown_html("![사진](https://example.com/x.png)")).found] == ["p", "a"]


def test_a_line_break_in_a_paragraph_is_kept():
    assert markdown_html("첫 줄\n둘째 줄") == "<p>첫 줄<br>\n둘째 줄</p>\n"


def test_the_plain_words_of_markdown_for_excerpts_and_descriptions():
    assert markdown_plain("## 다음 포럼\n\n**9월 9일**에 [열립니다](https://example.com) & 기대됩니다.") == (
        "다음 포럼 9월 9일에 열립니다 & 기대됩니다."
    )


def test_each_text_is_rendered_once_per_process_however_often_it_is_shown():
    text = "**한 번만** 그려지는 보고서"
    markdown_html.cache_clear()
    markdown_plain.cache_clear()

    pages = [(markdown_html(text), markdown_plain(text)) for _page in range(3)]

    assert pages == [("<p><strong>한 번만</strong> 그려지는 보고서</p>\n", "한 번만 그려지는 보고서")] * 3
    assert (markdown_html.cache_info().misses, markdown_html.cache_info().hits) == (1, 2)
    assert (markdown_plain.cache_info().misses, markdown_plain.cache_info().hits) == (1, 2)
