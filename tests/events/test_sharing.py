"""A shared link shows a picture and says what the page is: og:image (1200×630, drawn for
each forum), the Twitter card, rel=canonical and the language versions with x-default, and
a title and description of its own on every public page."""

import io
import re
from html import unescape

import pytest
from django.conf import settings
from PIL import Image

from events.models import Forum

pytestmark = pytest.mark.django_db
SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"


def meta(page: str, key: str) -> str:
    found = re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', page)
    assert len(found) == 1, key
    return unescape(found[0])


def picture_of(client, path: str) -> tuple[str, Image.Image]:
    url = meta(client.get(path).text, "og:image")
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response["Content-Type"] == "image/png"
    return url, Image.open(io.BytesIO(response.content))


def inked_columns(image: Image.Image, top: int, bottom: int) -> int:
    """How many pixel columns of the band hold anything but the background."""
    band = image.convert("RGB").crop((0, top, image.width, bottom))
    background = band.getpixel((image.width - 1, 0))
    pixels = band.load()
    return sum(any(pixels[x, y] != background for y in range(band.height)) for x in range(band.width))


def test_a_forum_page_shares_its_own_picture_with_its_size_and_alt(client, demo, day_after_second_forum):
    page = client.get("/forums/gwangju-ai/3/").text
    assert meta(page, "og:image:width") == "1200"
    assert meta(page, "og:image:height") == "630"
    assert meta(page, "og:image:alt") == (
        "인공지능 산업육성 조찬포럼 제3차: 연사·주제 추후 공지, 2020년 9월 9일 (수) 오전 7:30, "
        + str(Forum.objects.get(number=3).venue)
    )
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:image") == meta(page, "og:image")
    _url, image = picture_of(client, "/forums/gwangju-ai/3/")
    assert image.size == (1200, 630)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image.save(SCREENSHOTS / "og-image-forum-3.png")  # for people to look at, beside the browser's screenshots


def test_the_picture_shows_the_theme_and_is_drawn_again_when_it_changes(
    client, demo, day_after_second_forum, django_capture_on_commit_callbacks
):
    forum = Forum.objects.get(number=3)
    with django_capture_on_commit_callbacks(execute=True):  # as the admin's save commits
        forum.title = "광주 인공지능 생태계와 데이터 경제, 산업 현장의 적용 사례"
        forum.save()
    themed_url, themed = picture_of(client, "/forums/gwangju-ai/3/")
    with django_capture_on_commit_callbacks(execute=True):
        forum.title = "가"  # one letter: the theme's band is all but empty
        forum.save()
    short_url, short = picture_of(client, "/forums/gwangju-ai/3/")
    assert short_url != themed_url  # a new address, which the sharing sites fetch anew
    theme_band = (150, 420)
    assert inked_columns(themed, *theme_band) > 600
    assert inked_columns(short, *theme_band) < 100
    # Everything else on the picture is the same.
    assert inked_columns(themed, 0, 150) == inked_columns(short, 0, 150)


def test_a_talk_shares_its_forums_picture(client, demo, day_after_second_forum):
    forum_page = client.get("/forums/gwangju-ai/2/").text
    talk_page = client.get("/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/").text
    assert meta(talk_page, "og:image") == meta(forum_page, "og:image")


def test_pages_without_a_forum_share_the_sites_picture(client, demo, day_after_second_forum):
    url, image = picture_of(client, "/speakers/")
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/share\.png\?v=[0-9a-f]{12}", url)
    assert image.size == (1200, 630)
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("path", "canonical", "korean", "english"),
    [
        ("/forums/gwangju-ai/2/", "/forums/gwangju-ai/2/", "/forums/gwangju-ai/2/", "/en/forums/gwangju-ai/2/"),
        ("/en/forums/gwangju-ai/2/", "/en/forums/gwangju-ai/2/", "/forums/gwangju-ai/2/", "/en/forums/gwangju-ai/2/"),
        ("/search/?q=데이터", "/search/", "/search/", "/en/search/"),
        ("/speakers/?page=1", "/speakers/", "/speakers/", "/en/speakers/"),
    ],
)
def test_every_page_names_its_clean_address_and_its_language_versions(
    client, demo, day_after_second_forum, path, canonical, korean, english
):
    page = client.get(path).text
    site = "http://127.0.0.1:8000"
    assert re.findall(r'<link rel="canonical" href="([^"]*)">', page) == [site + canonical]
    assert meta(page, "og:url") == site + canonical
    assert re.findall(r'<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">', page) == [
        ("ko", site + korean),
        ("en", site + english),
        ("x-default", site + korean),
    ]


PUBLIC_PAGES = [
    "/",
    "/forums/",
    "/forums/2020/",
    "/forums/gwangju-ai/1/",
    "/forums/gwangju-ai/2/",
    "/forums/gwangju-ai/3/",
    "/forums/gwangju-ai/1/talks/founding-lecture/",
    "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/",
    "/speakers/",
    "/speakers/lee-kyung-il/",
    "/speakers/park-young-sun/",
    "/search/",
    "/search/?q=데이터",
]


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_public_page_has_a_title_and_description_of_its_own(client, demo, day_after_second_forum, language):
    titles, descriptions = {}, {}
    for path in PUBLIC_PAGES:
        page = client.get(language + path).text
        title = unescape(re.search(r"<title>(.*?)</title>", page, flags=re.DOTALL).group(1)).strip()
        for text in (title, meta(page, "description"), meta(page, "og:title"), meta(page, "og:description")):
            assert text.strip(), path
            assert not re.search(r"[·|,:\-–]\s*$", text), (path, text)
        titles.setdefault(title, []).append(path)
        descriptions.setdefault(meta(page, "description"), []).append(path)
    assert [paths for paths in titles.values() if len(paths) > 1] == []
    # A year of the archive is the archive, and a search is the search page, described alike.
    assert [paths for paths in descriptions.values() if len(paths) > 1] == [
        ["/forums/", "/forums/2020/"],
        ["/search/", "/search/?q=데이터"],
    ]
