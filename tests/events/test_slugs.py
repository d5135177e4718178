"""Slugs staff leave empty are made on save, in Korean as in English."""

import pytest
from django.urls import reverse

from events.models import Talk
from speakers.models import Speaker
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, SeriesFactory, TalkFactory, seoul

pytestmark = pytest.mark.django_db


def test_a_speaker_with_only_a_korean_name_is_saved_in_the_admin_and_has_a_page(admin_client, client):
    response = admin_client.post(
        reverse("admin:speakers_speaker_add"),
        {"name": "홍길동", "name_en": "", "slug": "", "organization": "광주AI", "position": "", "bio": ""},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    speaker = Speaker.objects.get(name="홍길동")
    assert speaker.slug == "홍길동"
    assert speaker.get_absolute_url() == "/speakers/%ED%99%8D%EA%B8%B8%EB%8F%99/"


def test_an_english_name_makes_the_slug_when_given_and_a_taken_slug_is_numbered():
    assert Speaker.objects.create(name="이경일", name_en="Lee Kyung-il").slug == "lee-kyung-il"
    assert Speaker.objects.create(name="이경일", name_en="Lee Kyung-il").slug == "lee-kyung-il-2"
    assert Speaker.objects.create(name="이경일", name_en="Lee Kyung-il").slug == "lee-kyung-il-3"


def test_two_korean_talks_added_at_once_in_the_forum_admin_get_their_own_slugs(admin_client):
    forum = ForumFactory(venue=None, starts_at=seoul(2030, 1, 8))
    talks = [("AI와 산업혁신", 1), ("AI와 산업혁신", 2)]
    data = forum_change_form(forum, **{"talks-TOTAL_FORMS": len(talks)})
    for index, (title, order) in enumerate(talks):
        data |= {f"talks-{index}-title": title, f"talks-{index}-order": order, f"talks-{index}-slug": ""}
        data |= {f"talks-{index}-{field}": "" for field in ("abstract", "summary", "video_url")}
    response = admin_client.post(reverse("admin:events_forum_change", args=[forum.pk]), data)
    assert response.status_code == 302
    assert list(Talk.objects.filter(forum=forum).values_list("slug", flat=True)) == ["ai와-산업혁신", "ai와-산업혁신-2"]


def test_the_same_talk_title_at_two_forums_keeps_the_same_slug():
    first, second = ForumFactory(), ForumFactory()
    assert TalkFactory(forum=first, title="인공지능과 산업혁신", slug="").slug == "인공지능과-산업혁신"
    assert TalkFactory(forum=second, title="인공지능과 산업혁신", slug="").slug == "인공지능과-산업혁신"


def test_a_forum_left_without_a_slug_is_named_after_its_series_and_number():
    forum = ForumFactory(series=SeriesFactory(slug="gwangju-ai"), number=7, slug="")
    assert forum.slug == "gwangju-ai-7"


def test_a_title_of_signs_only_still_makes_a_slug():
    assert TalkFactory(title="?!", slug="").slug == "talk"
