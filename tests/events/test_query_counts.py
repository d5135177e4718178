"""Every public page costs a fixed number of queries, however many forums there are."""

import datetime

import pytest
import time_machine

from tests.factories import (
    ForumFactory,
    ForumPhotoFactory,
    PullQuoteFactory,
    RegistrationFactory,
    SeriesFactory,
    SpeakerFactory,
    TalkFactory,
    seoul,
)

pytestmark = pytest.mark.django_db

# page -> (url, queries), or queries by moment where an empty list spares its queries.
# The numbers are what the pages cost today: a change that adds a query per forum, talk or
# speaker fails here with 30 forums. (These are the uncached pages: a visitor after the
# first is served from the cache without any query, see tests/forum_site/test_page_cache.py.)
PAGES = {
    "home": ("/", 4),
    # The years, the upcoming forums, and the latest year of the archive.
    "forum-list": ("/forums/", {"all-upcoming": 4, "all-past": 5}),
    "forum-detail": ("/forums/qc/1/", 4),
    "talk-detail": ("/forums/qc/1/talks/talk-1-1/", 4),
    "speaker-list": ("/speakers/", 2),  # one page (and whether there is a next), its talk counts
    "speaker-detail": ("/speakers/qc-speaker-1/", 2),
    "search": ("/search/?q=인공지능", 4),
    # Forums of the last twelve months and to come: when all are long past, the feed is
    # empty whatever the archive holds, so only the moment before them is counted.
    "calendar": ("/forums.ics", {"all-upcoming": 3}),
    "forum-ics": ("/forums/qc/1/calendar.ics", 4),
    "feed": ("/forums/feed/", 1),
    # The first and last key of each section (for both languages), the latest edit.
    "sitemap": ("/sitemap.xml", 7),
    # The first and last key, and the page's range of keys.
    "sitemap-forums": ("/sitemap-forums-ko.xml", 3),
    "sitemap-talks": ("/sitemap-talks-en.xml", 3),
    "sitemap-speakers": ("/sitemap-speakers-ko.xml", 3),
    # When and where (not the programme), and the forum's questions (none here: their options are not asked).
    "register": ("/forums/qc/1/register/", 2),
}


def add_forums(series, numbers):
    """Forums a month apart around 2030-06, each with two talks of two speakers,
    a quote, two photos and a registration."""
    for number in numbers:
        forum = ForumFactory(
            series=series,
            number=number,
            title=f"인공지능 포럼 {number}",
            report="인공지능 보고",
            starts_at=seoul(2028, 1, 12) + datetime.timedelta(days=28 * number),
        )
        for order in (1, 2):
            speakers = [SpeakerFactory(slug=f"qc-speaker-{number}-{order}-{i}") for i in (1, 2)]
            talk = TalkFactory(
                forum=forum,
                order=order,
                slug=f"talk-{number}-{order}",
                title=f"인공지능 강연 {number}-{order}",
                speakers=speakers,
            )
            PullQuoteFactory(talk=talk, speaker=speakers[0])
        ForumPhotoFactory.create_batch(2, forum=forum)
        RegistrationFactory(forum=forum)


@pytest.fixture
def one_forum():
    series = SeriesFactory(slug="qc")
    add_forums(series, [1])
    # A speaker with a stable slug for the speaker page.
    speaker = SpeakerFactory(slug="qc-speaker-1")
    TalkFactory(forum=series.forums.get(number=1), order=3, slug="by-speaker-1", speakers=[speaker])
    return series


# The forums run from 2028-02 to 2030-05: one moment before all of them, one after.
MOMENTS = {
    "all-upcoming": datetime.datetime(2028, 1, 1, tzinfo=datetime.UTC),
    "all-past": datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC),
}


def _page_moments():
    for page, (_url, queries) in PAGES.items():
        moments = queries if isinstance(queries, dict) else MOMENTS
        for moment in moments:
            yield pytest.param(page, moment, id=f"{page}-{moment}")


@pytest.mark.parametrize(("page", "moment"), list(_page_moments()))
def test_public_page_query_count_is_the_same_for_1_and_30_forums(
    client, one_forum, django_assert_num_queries, django_capture_on_commit_callbacks, page, moment
):
    url, queries = PAGES[page]
    if isinstance(queries, dict):
        queries = queries[moment]
    with time_machine.travel(MOMENTS[moment], tick=False), django_assert_num_queries(queries):
        assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):  # committed: the cached page is stale
        add_forums(one_forum, range(2, 31))
        speaker = SpeakerFactory._meta.model.objects.get(slug="qc-speaker-1")
        for forum in one_forum.forums.filter(number__gt=1):
            TalkFactory(forum=forum, order=9, slug=f"more-by-speaker-1-{forum.number}", speakers=[speaker])
    assert one_forum.forums.count() == 30
    with time_machine.travel(MOMENTS[moment], tick=False), django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
