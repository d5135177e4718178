"""Speakers: their address, their search words and their photo."""

import pytest

from speakers.models import Speaker

pytestmark = pytest.mark.django_db


def test_a_speaker_without_a_slug_gets_one_from_the_english_name_or_the_name():
    english = Speaker.objects.create(name="이경일", name_en="Lee Kyung-il")
    korean = Speaker.objects.create(name="김광주")
    assert (english.slug, korean.slug) == ("lee-kyung-il", "김광주")
    assert english.get_absolute_url() == "/speakers/lee-kyung-il/"
    assert str(korean) == "김광주"


def test_the_search_words_follow_every_save():
    speaker = Speaker.objects.create(name="이경일", organization="솔트룩스", position="대표이사")
    assert speaker.search_text == "이경일\n솔트룩스\n대표이사"
    speaker.position = "의장"
    speaker.save()
    assert Speaker.objects.get(pk=speaker.pk).search_text == "이경일\n솔트룩스\n의장"


def test_without_a_photo_the_initial_stands_in():
    speaker = Speaker.objects.create(name="이경일")
    assert (speaker.initial, bool(speaker.photo), bool(speaker.photo_thumbnail)) == ("이", False, False)
