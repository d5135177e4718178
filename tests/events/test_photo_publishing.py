"""Photos as they are published: without the GPS position and camera their file
carried, turned upright, no longer than 2,560 pixels, with a thumbnail for the gallery;
and images too large to be photos refused with a form error, never a 500."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from events.models import ForumPhoto
from speakers.models import Speaker
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, TalkFactory, seoul

pytestmark = pytest.mark.django_db


def phone_photo(width=4000, height=3000) -> bytes:
    """A JPEG as a phone takes it: GPS position, camera make and model, and a
    'rotate 90°' orientation (the pixels lie on their side)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (35.0, 9.0, 36.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (126.0, 51.0, 10.0),
    }
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, format="JPEG", exif=exif, quality=60)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims these dimensions (what a decompression bomb does) with almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


@pytest.fixture
def forum():
    return ForumFactory(number=3, starts_at=seoul(2030, 1, 8))


def stored(field_file) -> Image.Image:
    with field_file.open("rb"):
        image = Image.open(io.BytesIO(field_file.read()))
        image.load()
    return image


def test_a_phone_photo_is_published_upright_without_gps_or_camera_and_downscaled(admin_client, forum):
    upload = SimpleUploadedFile("morning.jpg", phone_photo(), content_type="image/jpeg")
    url = reverse("admin:events_forum_change", args=[forum.pk])
    assert admin_client.post(url, forum_change_form(forum, new_photos=[upload])).status_code == 302
    photo = ForumPhoto.objects.get()
    published, thumbnail = stored(photo.image), stored(photo.thumbnail)
    assert published.size == (1920, 2560)  # turned upright (3000 x 4000), then 2,560 on the long edge
    assert thumbnail.size == (600, 800)
    for image in (published, thumbnail):
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
    gallery = admin_client.get(forum.get_absolute_url()).text
    assert f'src="{photo.thumbnail.url}"' in gallery and f'href="{photo.image.url}"' in gallery


def test_a_speaker_photo_loses_its_metadata_and_lists_use_its_thumbnail(admin_client):
    response = admin_client.post(
        reverse("admin:speakers_speaker_add"),
        {"name": "이경일", "slug": "", "photo": SimpleUploadedFile("lee.jpg", phone_photo(1600, 1200))},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    speaker = Speaker.objects.get()
    assert (stored(speaker.photo).size, stored(speaker.photo_thumbnail).size) == ((900, 1200), (144, 192))
    assert dict(stored(speaker.photo).getexif()) == {}
    TalkFactory(forum=ForumFactory(), speakers=[speaker])
    assert f'src="{speaker.photo_thumbnail.url}"' in admin_client.get(speaker.get_absolute_url()).text
    assert f'src="{speaker.photo_thumbnail.url}"' in admin_client.get("/speakers/").text


@pytest.mark.parametrize(
    ("width", "height"),
    [(20000, 10000), (11000, 9000)],  # a decompression bomb for Pillow; 99 megapixels
)
def test_an_image_too_large_to_be_a_photo_is_refused_with_a_form_error(admin_client, forum, width, height):
    upload = SimpleUploadedFile("huge.png", png_header_only(width, height), content_type="image/png")
    response = admin_client.post(
        reverse("admin:events_forum_change", args=[forum.pk]), forum_change_form(forum, new_photos=[upload])
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "new_photos": ["이미지가 너무 큽니다. 50메가픽셀 이하의 이미지를 올려 주세요."]
    }
    assert ForumPhoto.objects.count() == 0


def test_photos_stored_before_are_published_again_by_the_migration(forum, settings):
    """Photos uploaded before this change keep their GPS until the migration publishes them again."""
    from django.core.files.base import ContentFile

    from forum_site.core.fields import photos_republished

    photo = ForumPhoto(forum=forum, alt_text="옛 사진", order=1)
    photo.image.save("old.jpg", ContentFile(phone_photo(800, 600)), save=False)  # stored as it came
    ForumPhoto.objects.bulk_create([photo])
    original = photo.image.path
    assert dict(Image.open(original).getexif()) != {}
    assert photos_republished(ForumPhoto, "image") == 1
    photo = ForumPhoto.objects.get()
    assert dict(stored(photo.image).getexif()) == {} and stored(photo.image).size == (600, 800)
    assert stored(photo.thumbnail).size == (600, 800)
    # The original, GPS and all, is gone: only the published file is left beside the thumbnails.
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "forums").iterdir() if p.is_file()) == [
        photo.image.name.split("/")[-1]
    ]
