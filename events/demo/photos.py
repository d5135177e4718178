"""Drawn pictures for the demo's forum 2, in place of photographs we do not have: the
talk, the greeting, breakfast at the tables, the group photo. Each caption says it is a
demo drawing. Made with Pillow once, on the first load of the demo."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from ..models import Forum, ForumPhoto

SIZE = (1200, 800)
KOREAN_FONTS = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
]
NAVY, WALL, FLOOR, SCREEN = (31, 78, 121), (236, 232, 224), (176, 160, 140), (250, 250, 252)
SKIN, HAIR, SUITS = (236, 200, 170), (40, 34, 30), [(45, 55, 72), (80, 80, 90), (110, 70, 60), (60, 90, 120)]


def _font(size: int):
    for path in KOREAN_FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default()  # no Korean font on this machine: the drawing without words


def _person(draw, x, y, scale, index) -> None:
    body = SUITS[index % len(SUITS)]
    draw.rounded_rectangle([x - 26 * scale, y, x + 26 * scale, y + 70 * scale], radius=int(18 * scale), fill=body)
    draw.ellipse([x - 16 * scale, y - 34 * scale, x + 16 * scale, y - 2 * scale], fill=SKIN)
    draw.chord([x - 17 * scale, y - 36 * scale, x + 17 * scale, y - 10 * scale], 180, 360, fill=HAIR)


def _room(title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", SIZE, WALL)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 560, SIZE[0], SIZE[1]], fill=FLOOR)
    draw.rectangle([0, 0, SIZE[0], 70], fill=NAVY)
    draw.text((40, 16), title, font=_font(30), fill="white")
    return image, draw


def _talk() -> Image.Image:
    image, draw = _room("제2차 인공지능 산업육성 조찬포럼")
    draw.rectangle([300, 120, 900, 440], fill=SCREEN, outline=NAVY, width=6)
    draw.text((600, 250), "인공지능과 산업혁신", font=_font(48), fill=NAVY, anchor="mm")
    draw.text((600, 320), "㈜솔트룩스 이경일 대표이사", font=_font(28), fill=(70, 70, 70), anchor="mm")
    draw.rectangle([960, 380, 1060, 560], fill=(120, 84, 52))
    _person(draw, 1010, 330, 1.2, 0)
    for row, y in enumerate((600, 680)):
        for column in range(9):
            _person(draw, 90 + column * 125 + row * 60, y, 1.1, column + row)
    return image


def _greeting() -> Image.Image:
    image, draw = _room("인사말")
    draw.rectangle([200, 110, 1000, 220], fill=NAVY)
    draw.text((600, 165), "광주, 인공지능 중심도시로", font=_font(44), fill="white", anchor="mm")
    draw.rectangle([540, 400, 660, 600], fill=(120, 84, 52))
    _person(draw, 600, 330, 1.6, 1)
    return image


def _breakfast() -> Image.Image:
    image, draw = _room("조찬과 교류")
    for index, (x, y) in enumerate([(260, 430), (600, 470), (940, 430)]):
        for seat in range(4):
            _person(draw, x - 110 + seat * 73, y - 60, 0.9, index + seat)
        draw.ellipse([x - 170, y, x + 170, y + 110], fill="white", outline=(200, 200, 200), width=3)
    return image


def _group() -> Image.Image:
    image, draw = _room("기념 촬영")
    draw.rectangle([120, 110, 1080, 230], fill=NAVY)
    draw.text((600, 170), "인공지능 산업육성 조찬포럼 · 2020. 8. 5.", font=_font(40), fill="white", anchor="mm")
    for row, y in enumerate((400, 520)):
        for column in range(8):
            _person(draw, 170 + column * 125 + row * 60, y, 1.3, column * 3 + row)
    return image


PICTURES = [
    (
        _talk,
        "이경일 솔트룩스 대표이사의 강연 (데모용 그림)",
        "강연 화면 앞에 선 연사와 객석의 참석자들을 그린 데모용 그림",
    ),
    (
        _greeting,
        "이용섭 광주광역시장의 인사말 (데모용 그림)",
        "현수막 아래 연단에서 인사말을 하는 모습을 그린 데모용 그림",
    ),
    (_breakfast, "강연 뒤 조찬과 교류 (데모용 그림)", "원탁에 둘러앉아 이야기를 나누는 참석자들을 그린 데모용 그림"),
    (_group, "참석자 기념 촬영 (데모용 그림)", "포럼 현수막 앞에 두 줄로 선 참석자들을 그린 데모용 그림"),
]


def load_demo_photos(forum: Forum) -> int:
    """The four drawings for this forum, unless it has photos already; returns how many were added."""
    if forum.photos.exists():
        return 0
    for order, (draw, caption, alt_text) in enumerate(PICTURES, start=1):
        buffer = io.BytesIO()
        draw().save(buffer, "JPEG", quality=85)
        photo = ForumPhoto(forum=forum, caption=caption, alt_text=alt_text, order=order)
        photo.image.save(f"demo-forum-{forum.number}-{order}.jpg", ContentFile(buffer.getvalue()), save=False)
        photo.save()
    return len(PICTURES)
