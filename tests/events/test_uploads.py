"""Uploads are what their names say, checked by content; slides are only ever downloaded."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import ForumPhoto, Talk
from tests.factories import ForumFactory, TalkFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
CFB = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504


def zipped(**members) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def image(image_format) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format=image_format)
    return buffer.getvalue()


PPTX = zipped(**{"[Content_Types].xml": "<Types/>", "ppt__presentation.xml": "<p/>"})
HWPX = zipped(mimetype="application/hwp+zip", Contents__section0="<s/>")


def slides_errors(name, content):
    talk = TalkFactory.build(forum=ForumFactory(), slides=SimpleUploadedFile(name, content))
    try:
        talk.full_clean()
    except ValidationError as error:
        return error.message_dict.get("slides", [])
    return []


@pytest.mark.parametrize(
    ("name", "content"), [("talk.pdf", PDF), ("talk.PPTX", PPTX), ("talk.hwpx", HWPX), ("talk.hwp", CFB)]
)
def test_real_slides_are_accepted(name, content):
    assert slides_errors(name, content) == []


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("talk.html", HTML, "발표 자료는 PDF, PPTX, HWP, HWPX 파일이어야 합니다."),
        ("talk.svg", SVG, "발표 자료는 PDF, PPTX, HWP, HWPX 파일이어야 합니다."),
        ("talk.pdf.html", PDF, "발표 자료는 PDF, PPTX, HWP, HWPX 파일이어야 합니다."),
        ("talk.pdf", HTML, "이 파일은 올바른 PDF 파일이 아닙니다."),
        ("talk.pptx", zipped(**{"word__document.xml": "<w/>"}), "이 파일은 올바른 PPTX 파일이 아닙니다."),
        ("talk.hwpx", zipped(mimetype="text/html"), "이 파일은 올바른 HWPX 파일이 아닙니다."),
        ("talk.hwp", SVG, "이 파일은 올바른 HWP 파일이 아닙니다."),
    ],
)
def test_anything_else_is_refused(name, content, error):
    assert slides_errors(name, content) == [error]


def test_the_admin_refuses_an_svg_as_slides(admin_client):
    talk = TalkFactory()
    response = admin_client.post(
        reverse("admin:events_talk_change", args=[talk.pk]),
        {
            "title": talk.title,
            "slug": talk.slug,
            "forum": talk.forum.pk,
            "order": 1,
            "abstract": "",
            "summary": "",
            "slides": SimpleUploadedFile("slides.svg", SVG, content_type="image/svg+xml"),
            "video_url": "",
            "talk_speakers-TOTAL_FORMS": 0,
            "talk_speakers-INITIAL_FORMS": 0,
            "quotes-TOTAL_FORMS": 0,
            "quotes-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "slides": ["발표 자료는 PDF, PPTX, HWP, HWPX 파일이어야 합니다."]
    }
    assert not Talk.objects.get(pk=talk.pk).slides


def test_slides_are_served_as_a_download_that_is_never_sniffed(client):
    talk = TalkFactory(slides=SimpleUploadedFile("intro.pdf", PDF))
    page = client.get(talk.get_absolute_url())
    download_url = f"{talk.get_absolute_url()}slides/"
    assert f'href="{download_url}"' in page.text
    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="intro')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_talk_without_slides_has_no_download(client):
    talk = TalkFactory()
    assert client.get(f"{talk.get_absolute_url()}slides/").status_code == 404


def photo_errors(name, content):
    photo = ForumPhoto(forum=ForumFactory(), alt_text="강연 장면", image=SimpleUploadedFile(name, content))
    try:
        photo.full_clean()
    except ValidationError as error:
        return error.message_dict.get("image", [])
    return []


@pytest.mark.parametrize(("name", "image_format"), [("p.jpg", "JPEG"), ("p.png", "PNG"), ("p.webp", "WEBP")])
def test_real_photos_are_accepted(name, image_format):
    assert photo_errors(name, image(image_format)) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("p.svg", SVG), ("p.png", HTML), ("p.png", SVG), ("p.html", image("PNG")), ("p.png", image("JPEG"))],
)
def test_photos_that_are_not_what_they_say_are_refused(name, content):
    assert photo_errors(name, content) == ["JPEG, PNG, WebP 이미지를 올려 주세요."]
