"""Several photos at once in the forum's admin page, each checked, placed after the others."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import ForumPhoto
from tests.admin_forms import forum_change_form
from tests.events.test_uploads import SVG, image
from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    ForumPhoto.objects.create(forum=forum, image=SimpleUploadedFile("first.png", image("PNG")), alt_text="첫 사진")
    return forum


def test_several_photos_upload_at_once_after_the_ones_there(admin_client, forum):
    uploads = [SimpleUploadedFile(f"p{index}.jpg", image("JPEG"), content_type="image/jpeg") for index in (1, 2, 3)]
    url = reverse("admin:events_forum_change", args=[forum.pk])
    assert admin_client.post(url, forum_change_form(forum, new_photos=uploads)).status_code == 302
    photos = list(forum.photos.order_by("order").values_list("order", "alt_text"))
    assert photos == [(1, "첫 사진"), (2, f"{forum} 사진 2"), (3, f"{forum} 사진 3"), (4, f"{forum} 사진 4")]
    page = admin_client.get(url)
    assert page.text.count('width="120" loading="lazy"') == 4  # a thumbnail per photo


def test_one_bad_file_among_them_adds_none_and_says_why(admin_client, forum):
    uploads = [
        SimpleUploadedFile("good.jpg", image("JPEG"), content_type="image/jpeg"),
        SimpleUploadedFile("bad.png", SVG, content_type="image/png"),
    ]
    response = admin_client.post(
        reverse("admin:events_forum_change", args=[forum.pk]), forum_change_form(forum, new_photos=uploads)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"new_photos": ["JPEG, PNG, WebP 이미지를 올려 주세요."]}
    assert forum.photos.count() == 1


def test_a_photo_left_at_order_0_goes_after_the_others(forum):
    later = ForumPhoto.objects.create(forum=forum, image=SimpleUploadedFile("x.png", image("PNG")), alt_text="다음")
    assert later.order == 2
