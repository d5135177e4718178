"""Markdown that staff write (forum reports, talk summaries), made safe to show.

markdown-it-py turns CommonMark into HTML with raw HTML switched off, so a `<script>` in
a report is shown as text; nh3 then keeps only the tags a report needs and only http,
https and mailto links, so `[click](javascript:...)` loses its link. Headings start at
level 3, as the page around a report already has its h1 and h2, and never skip a level:
whether the staff wrote `#` or `##` (as docs/staff.md suggests), the text's highest heading is
an <h3> and the next one down an <h4>.
"""

import dataclasses
import functools
import html

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}


@functools.cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True})
    parser.disable("image")  # photos belong in the gallery, with their alt text
    return parser


FIRST_HEADING_LEVEL = 3


def _rendered_below_the_page(text: str) -> str:
    parser = _parser()
    env: dict = {}
    tokens = parser.parse(text, env)
    written = sorted({int(token.tag[1]) for token in tokens if token.type == "heading_open"})
    # The levels used, in order, become h3, h4...: "##" then "####" is h3 then h4, no gap.
    level = {f"h{used}": f"h{min(FIRST_HEADING_LEVEL + rank, 6)}" for rank, used in enumerate(written)}
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = level[token.tag]
    return parser.renderer.render(tokens, parser.options, env)


# Rendering is a pure function of the text, and the same reports and summaries are shown
# on page after page (an archive of 24 cards spent 6 ms of each request on them): each
# process keeps the latest results, as it keeps the calendar's time-zone block.
MEMOIZED_TEXTS = 512


@functools.lru_cache(maxsize=MEMOIZED_TEXTS)
def markdown_html(text: str) -> SafeString:
    """The text as HTML fit to put in a page."""
    rendered = _rendered_below_the_page(text or "")
    return mark_safe(  # nh3 has just removed all but the allowed tags
        nh3.clean(
            rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES, link_rel="nofollow"
        )
    )


@functools.lru_cache(maxsize=MEMOIZED_TEXTS)
def markdown_plain(text: str) -> str:
    """The words alone, for an excerpt, a description or a mail: no `**`, no `#`."""
    return " ".join(html.unescape(strip_tags(_parser().render(text or ""))).split())


@dataclasses.dataclass(frozen=True)
class Block:
    """One block of a text for a document that is not HTML (the result report in Word):
    a heading, a list item (with its depth and whether its list is numbered) or a
    paragraph, as runs of (text, bold)."""

    kind: str  # "heading", "item" or "paragraph"
    runs: tuple[tuple[str, bool], ...]
    depth: int = 0
    numbered: bool = False

    @property
    def text(self) -> str:
        return "".join(text for text, _bold in self.runs)


def markdown_blocks(text: str) -> list[Block]:
    """The text's headings, list items and paragraphs, in order, with bold kept."""
    blocks, lists, kind = [], [], "paragraph"
    for token in _parser().parse(text or ""):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "item" if lists else "paragraph"
        elif token.type == "inline":
            runs, bold = [], False
            for child in token.children or []:
                if child.type in ("strong_open", "strong_close"):
                    bold = child.type == "strong_open"
                elif child.type in ("text", "code_inline") and child.content:
                    runs.append((child.content, bold))
                elif child.type in ("softbreak", "hardbreak"):
                    runs.append((" ", bold))
            if runs:
                numbered = bool(lists) and lists[-1]
                blocks.append(Block(kind, tuple(runs), depth=max(len(lists) - 1, 0), numbered=numbered))
            kind = "paragraph"
    return blocks
