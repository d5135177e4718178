"""Bench data in bulk: a series with N forums a month apart, each with two talks of two
speakers, a quote and two photos (sharing one stored image), as the public pages show
them. Written with bulk_create: 3,000 forums take seconds, not minutes."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import F
from django.utils import timezone
from PIL import Image

from events.models import Forum, ForumPhoto, ForumStatus, PullQuote, Series, Talk, TalkSpeaker, Venue
from events.search_text import forum_search_text
from speakers.models import Speaker

SEOUL = timezone.get_fixed_timezone(9 * 60)
FIRST = datetime.datetime(2020, 6, 10, 7, 30, tzinfo=SEOUL)


def _photo_name() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "navy").save(buffer, "JPEG")
    return default_storage.save("bench/photo.jpg", ContentFile(buffer.getvalue()))


def _search_text_filled(forums, speakers, talks) -> None:
    """What save() writes (events/search_text.py), which bulk_create skips."""
    for forum in forums:
        forum.search_text = forum_search_text(forum)
    Forum.objects.bulk_update(forums, ["search_text"], batch_size=1000)
    for speaker in speakers:
        parts = (speaker.name, speaker.name_en, speaker.organization, speaker.position, speaker.bio)
        speaker.search_text = "\n".join(part for part in parts if part)
    Speaker.objects.bulk_update(speakers, ["search_text"], batch_size=1000)
    for index, talk in enumerate(talks):
        names = [name for speaker in speakers[index * 2 : index * 2 + 2] for name in (speaker.name, speaker.name_en)]
        talk.search_text = "\n".join([talk.title, talk.abstract, talk.summary, *names])
    Talk.objects.bulk_update(talks, ["search_text"], batch_size=1000)


def archive_build(count: int, *, series: Series | None = None, upcoming: int = 2) -> Series:
    """Forums 1..count, the last `upcoming` of them still to come (numbers continue a
    series given). Returns the series."""
    if series is None:
        venue = Venue.objects.create(
            name="광주과학기술진흥원", room="12층 국제회의실", address="광주광역시 북구 첨단과기로"
        )
        series = Series.objects.create(name="인공지능 산업육성 조찬포럼", slug="bench", default_venue=venue)
    venue = series.default_venue
    start = Forum.objects.filter(series=series).count()
    now = timezone.now()
    # The forums already there come first in number, so first in time: moved back `count`
    # months, they leave the last year and the upcoming ones to the new forums, as a series
    # that grew for real would.
    moved_back = datetime.timedelta(days=30 * count)
    Forum.objects.filter(series=series).update(starts_at=F("starts_at") - moved_back, ends_at=F("ends_at") - moved_back)
    numbers = range(start + 1, start + count + 1)
    total = start + count

    def starts_at(number):
        # Month by month back from the next-to-come: the last `upcoming` are in the future.
        months_from_now = number - (total - upcoming + 1)
        return now + datetime.timedelta(days=30 * months_from_now + 1)

    forums = Forum.objects.bulk_create(
        Forum(
            series=series,
            number=number,
            title=f"인공지능 포럼 {number}",
            slug=f"bench-{number}",
            starts_at=starts_at(number),
            ends_at=starts_at(number) + datetime.timedelta(hours=2),
            venue=venue,
            capacity=100,
            status=ForumStatus.PUBLISHED,
            report=f"제{number}차 포럼에서는 인공지능과 지역 산업의 협력을 논의했습니다. **다음 포럼**도 기대됩니다.",
        )
        for number in numbers
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(
            name=f"연사{number}-{index}",
            name_en=f"Speaker {number}-{index}",
            slug=f"bench-speaker-{number}-{index}",
            organization="㈜광주AI",
            position="대표이사",
            bio="인공지능 기업을 이끌고 있다.",
        )
        for number in numbers
        for index in range(4)
    )
    talks = Talk.objects.bulk_create(
        Talk(
            forum=forum,
            order=order,
            slug=f"talk-{forum.number}-{order}",
            title=f"인공지능 강연 {forum.number}-{order}",
            abstract="인공지능이 지역 산업을 바꾸는 길",
            summary="연사는 데이터와 인공지능이 제조와 서비스에 주는 기회를 설명했다.",
        )
        for forum in forums
        for order in (1, 2)
    )
    TalkSpeaker.objects.bulk_create(
        TalkSpeaker(talk=talk, speaker=speakers[index * 2 + position], order=position + 1)
        for index, talk in enumerate(talks)
        for position in (0, 1)
    )
    PullQuote.objects.bulk_create(
        PullQuote(talk=talk, speaker=speakers[index * 2], text="인공지능은 도구이자 동료입니다.")
        for index, talk in enumerate(talks)
    )
    _search_text_filled(forums, speakers, talks)
    photo = _photo_name()
    ForumPhoto.objects.bulk_create(
        ForumPhoto(forum=forum, image=photo, alt_text="참석자들이 강연을 듣는 모습", caption="강연 장면", order=order)
        for forum in forums
        for order in (1, 2)
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would have, after a bulk load
    return series
