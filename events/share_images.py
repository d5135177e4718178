"""The picture a shared link shows (og:image, Twitter's card): 1200×630, the forum's series
and number, its theme, date and venue in Noto Sans CJK, drawn with Pillow.

An image is a pure function of the lines it shows, so those lines name it: the page links
`share.png?v=<their hash>`, a change of theme, date or venue gives a new address (which the
crawlers of KakaoTalk, Facebook and LinkedIn fetch anew), and the drawn PNG is kept in the
cache under the same hash.
"""

import dataclasses
import functools
import hashlib
import io
import subprocess

from django.core.cache import cache
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from forum_site.core.dates import forum_datetime

from .models import Forum

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND = (23, 55, 94)  # the site's dark blue
ACCENT = (255, 196, 61)
TEXT = (255, 255, 255)
QUIET = (205, 220, 238)
KEPT_FOR_SECONDS = 30 * 24 * 60 * 60
DESIGN = "1"  # raised when the drawing changes, so that every forum's address changes too


@dataclasses.dataclass(frozen=True)
class ShareCard:
    heading: str  # the series and number
    theme: str
    when: str
    where: str

    @property
    def version(self) -> str:
        lines = "\n".join((DESIGN, self.heading, self.theme, self.when, self.where))
        return hashlib.sha256(lines.encode()).hexdigest()[:12]


def share_card(forum: Forum) -> ShareCard:
    """What a forum's picture shows, in the active language."""
    return ShareCard(
        heading=forum.series_and_number,
        theme=forum.shown_title if not forum.is_cancelled else _("Cancelled: %(theme)s") % {"theme": forum.shown_title},
        when=forum_datetime(localtime(forum.starts_at)),
        where=forum.venue.shown if forum.venue else "",
    )


@functools.cache
def _font_file(weight: str) -> tuple[str, int]:
    """Noto Sans CJK KR, as fontconfig finds it (Debian's fonts-noto-cjk): the file and the
    index of the Korean face in its collection."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}|%{index}", f"Noto Sans CJK KR:{weight}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path, index = found.rsplit("|", 1)
    return path, int(index or 0)


def _font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont:
    path, index = _font_file(weight)
    return ImageFont.truetype(path, size=size, index=index)


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """The text in lines no wider than `width`, broken between words (and inside a word
    only when it alone is too wide); the last line ends in … if the text does not fit."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:  # one word wider than the picture
            cut = max(index for index in range(1, len(line) + 1) if font.getlength(line[:index]) <= width)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


def _drawn(card: ShareCard) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    draw.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    draw.text((MARGIN, MARGIN), card.heading, font=_font(36, "bold"), fill=ACCENT)
    theme_font = _font(68, "bold")
    top = MARGIN + 80
    for line in _wrapped(card.theme, theme_font, inner, max_lines=3):
        draw.text((MARGIN, top), line, font=theme_font, fill=TEXT)
        top += 88
    detail_font = _font(34)
    draw.text((MARGIN, HEIGHT - MARGIN - 96), card.when, font=detail_font, fill=QUIET)
    for line in _wrapped(card.where, detail_font, inner, max_lines=1):
        draw.text((MARGIN, HEIGHT - MARGIN - 46), line, font=detail_font, fill=QUIET)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def share_image_png(card: ShareCard) -> bytes:
    key = f"share-image:{card.version}"
    png = cache.get(key)
    if png is None:
        png = _drawn(card)
        cache.set(key, png, timeout=KEPT_FOR_SECONDS)
    return png


def site_card() -> ShareCard:
    """The picture of the pages that show no one forum (home, archive, speakers, search)."""
    return ShareCard(
        heading=_("Gwangju AI Industry Breakfast Forum"),
        theme=_("AI companies, universities, research institutes and government, over breakfast"),
        when=_("Every second Wednesday of the month, 7:30 AM"),
        where="",
    )
