"""Addresses of public objects, remembered per process: the same as reverse() gives, in
the language, script prefix and URLconf of the moment."""

import pytest
from django.test import override_settings
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from forum_site.core.addresses import _reversed, address_of
from tests.factories import ForumFactory, SpeakerFactory, TalkFactory

pytestmark = pytest.mark.django_db


def test_the_address_of_a_forum_talk_and_speaker_is_what_reverse_gives():
    talk = TalkFactory(forum=ForumFactory(number=3), slug="ai-industry")
    speaker = SpeakerFactory(slug="lee")
    forum = talk.forum
    assert forum.get_absolute_url() == f"/forums/{forum.series.slug}/3/"
    assert talk.get_absolute_url() == f"/forums/{forum.series.slug}/3/talks/ai-industry/"
    assert speaker.get_absolute_url() == reverse("events:speaker-detail", kwargs={"slug": "lee"}) == "/speakers/lee/"


def test_an_address_asked_again_is_remembered_not_reversed_again():
    address_of("events:speaker-detail", slug="remembered")
    hits = _reversed.cache_info().hits
    assert address_of("events:speaker-detail", slug="remembered") == "/speakers/remembered/"
    assert _reversed.cache_info().hits == hits + 1


def test_an_address_follows_the_active_language():
    speaker = SpeakerFactory(slug="lee")
    assert speaker.get_absolute_url() == "/speakers/lee/"
    with translation.override("en"):
        assert speaker.get_absolute_url() == "/en/speakers/lee/"
    assert speaker.get_absolute_url() == "/speakers/lee/"


def test_an_address_follows_the_script_prefix_of_a_site_served_under_a_path():
    speaker = SpeakerFactory(slug="lee")
    assert speaker.get_absolute_url() == "/speakers/lee/"
    set_script_prefix("/forum/")
    try:
        assert speaker.get_absolute_url() == "/forum/speakers/lee/"
    finally:
        clear_script_prefix()
    assert speaker.get_absolute_url() == "/speakers/lee/"


@override_settings(ROOT_URLCONF="tests.forum_site.urls_under_a_path")
def test_an_address_follows_the_urlconf_of_the_moment():
    assert address_of("events:speaker-detail", slug="lee") == "/site/speakers/lee/"


def test_a_changed_slug_gives_the_new_address():
    speaker = SpeakerFactory(slug="before")
    assert speaker.get_absolute_url() == "/speakers/before/"
    speaker.slug = "after"
    assert speaker.get_absolute_url() == "/speakers/after/"
