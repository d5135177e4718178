"""Staff-written text is stored harmless: one line where one line is meant, NFC, no
control characters, whatever path writes it."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.models import Forum
from forum_site.text import paragraphs, single_line
from tests.factories import ForumFactory, SpeakerFactory, TalkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("인공지능과\r\n산업혁신", "인공지능과 산업혁신"),
        ("  AI\tand\u2028industry  ", "AI and industry"),
        ("제목\x00\x07\x1b[31m", "제목[31m"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("한글 NFD: \u1112\u1161\u11ab", "한글 NFD: 한"),
    ],
)
def test_titles_are_single_clean_lines_when_saved(raw, stored):
    forum = ForumFactory(title=raw)
    assert Forum.objects.get(pk=forum.pk).title == stored
    assert forum.title == stored


def test_running_text_keeps_its_lines_but_loses_control_characters():
    talk = TalkFactory(summary="첫 줄\r\n둘째 줄\x00  \r\n\x1b\n셋째\u200b 줄\n\n")
    talk.refresh_from_db()
    assert talk.summary == "첫 줄\n둘째 줄\n\n셋째 줄"


def test_speaker_names_are_cleaned_too():
    speaker = SpeakerFactory(name="이경일\r\n", organization="㈜솔트룩스\x00")
    speaker.refresh_from_db()
    assert (speaker.name, speaker.organization) == ("이경일", "㈜솔트룩스")


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_no_line_break_or_control(value):
    once = single_line(value)
    assert single_line(once) == once
    assert not any(unicodedata.category(char)[0] == "C" for char in once)
    assert "\n" not in once and "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
    text = paragraphs(value)
    assert paragraphs(text) == text
    assert "\r" not in text
