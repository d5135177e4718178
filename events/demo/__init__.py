"""The real history of the Gwangju AI breakfast forum series, as demo data.

Facts (dates, names, titles, organizations) follow the series' public record; the
abstracts, summaries and reports are written for this site. Loading is keyed on
natural keys (slugs, series + number), so running it again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from speakers.models import Speaker

from ..models import Forum, ForumStatus, Guest, PullQuote, Series, Talk, TalkSpeaker, Venue, Weekday, WeekOfMonth
from . import english
from .photos import load_demo_photos

SERIES_SLUG = "gwangju-ai"

SERIES_DESCRIPTION = (
    "광주 지역의 인공지능 기업과 대학, 연구기관, 행정기관(산·학·연·관)이 한자리에 모여 "
    "AI 도입 사례를 나누고 관계망을 넓히는 정기 조찬 모임입니다. 아침 식사와 인사, "
    "초청 강연에 이어 회원 간 토론과 교류가 이어집니다."
)

FORUM_1_REPORT = (
    "2020년 6월 10일, 광주의 인공지능 산·학·연·관이 함께하는 조찬포럼이 첫발을 뗐습니다. "
    "창립 포럼의 연사로는 박영선 중소벤처기업부 장관이 나섰습니다.\n\n"
    "지역 AI 기업과 대학, 연구기관, 행정기관 관계자들이 정기적으로 만나 사례를 나누고 "
    "협력의 길을 찾자는 취지로 시작된 이 포럼은, 광주를 인공지능 중심도시로 키우려는 "
    "시의 구상에서 교류의 장 역할을 맡게 됩니다."
)

FORUM_2_REPORT = (
    "제2차 포럼은 2020년 8월 5일 오전 7시 30분, 광주과학기술진흥원 12층 국제회의실에서 "
    "열렸습니다. 6월 창립 포럼 뒤 코로나19가 다시 번지면서 미뤄졌던 모임이 두 달 만에 "
    "다시 열린 자리였습니다.\n\n"
    "이용섭 광주광역시장과 김용집 광주시의회 의장, 정병석 전남대학교 총장, 김기선 "
    "광주과학기술원(GIST) 총장, 이경일 솔트룩스 대표이사를 비롯해 지역 AI 기업과 "
    "유관기관 관계자 100여 명이 참석했습니다.\n\n"
    "이 시장은 인사말에서 20세기의 산업이 전기 없이 돌아갈 수 없었듯 21세기의 경쟁력은 "
    "AI와의 결합에서 나온다고 강조했습니다. 광주를 택한 기업들이 그 선택을 잘했다고 "
    "말할 수 있도록 힘껏 돕고, 광주에서 유니콘 기업이 여럿 나오기를 바란다는 뜻도 "
    "밝혔습니다. 창립 포럼에서 박영선 장관이 한국의 G7 진입 여부가 광주 AI의 성패에 "
    "달려 있다고 말한 일도 다시 전했습니다.\n\n"
    "이어 이경일 솔트룩스 대표이사가 「인공지능과 산업혁신」을 주제로 강연했고, "
    "참석자들은 강연 뒤 자유롭게 의견을 나누며 교류했습니다.\n\n"
    "## 앞으로의 포럼\n\n"
    "- 광주시는 이날부터 포럼을 **매월 둘째 주 수요일** 아침에 정례적으로 열기로 했습니다.\n"
    "- **다음 포럼**: 제3차 포럼은 9월 9일(수) 오전 7시 30분에 열립니다."
)

TALK_2_ABSTRACT = (
    "인공지능은 산업 현장을 어떻게 바꾸고 있으며, 기업은 무엇부터 따져 보아야 할까요? "
    "국내에서 인공지능 특허를 가장 많이 보유한 AI·빅데이터 분석 플랫폼 기업 솔트룩스(Saltlux)의 "
    "경험을 바탕으로, 인공지능이 이끄는 산업혁신과 광주의 역할을 이야기합니다."
)

TALK_2_SUMMARY = (
    "이경일 대표는 '인공지능(人工知能)'이라는 말의 뜻풀이로 강연을 열었습니다. '인공'은 "
    "원래 자연에 있던 것이 아니라 사람이 만들어 낸 것이고, '지능'은 지식을 다루는 힘이니, "
    "사람이 만든 물건이 지식을 다룰 수 있게 하는 일이 곧 인공지능이라는 설명입니다.\n\n"
    "그는 기술 그 자체보다 풀어야 할 문제를 먼저 보라고 당부했습니다. 어떤 문제를 풀려는지, "
    "그 문제가 풀리면 무엇이 달라지는지, 그러려면 어떤 데이터와 기술이 필요한지를 차분히 "
    "따져서 문제에 맞는 적정 기술을 고르는 것이 지금 가장 중요하다는 것입니다.\n\n"
    "이 대표는 일하는 시간이 줄고 코로나19 이후 비대면 사회가 넓어질수록 지식 노동의 "
    "자동화가 피할 수 없는 흐름이 된다고 내다봤습니다. 사람과 기계가 함께 일하도록 돕는 "
    "자동화 기술, 곧 인공지능이 기업의 경쟁력과 산업 생산성을 높이는 중심에 설 것이라는 "
    "전망입니다.\n\n"
    "강연은 솔트룩스와 광주의 협력 계획으로 이어졌습니다. 솔트룩스는 2020년 3월 광주시와 "
    "업무협약을 맺고 4월 광주에 인공지능센터를 열었으며, 광주 법인 설립 뒤 20명 가까이를 "
    "새로 채용했습니다. 정부의 데이터 댐·디지털 뉴딜 사업과 발맞춰 시민이 함께 참여하는 "
    "인공지능 학습 데이터 구축 거점을 광주에 만들고, 나아가 광주시와 함께 대규모 "
    "데이터센터와 AI 센터를 세워 글로벌 기업으로 다시 도약하겠다는 구상입니다."
)

TALK_2_QUOTES = [
    "적정 기술을 우리가 해결하려고 하는 문제에 집중해야 합니다.",
    "인공지능 기술의 발전은 근본적으로 우리 인간에 대해 배워가는 과정입니다.",
    "지적노동의 자동화, 그리고 인공지능의 역할은 필연적입니다.",
]


def _seoul(year, month, day, hour=7, minute=30) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_default_timezone())


FORUM_2_GUESTS = [
    ("이용섭", "광주광역시장", "광주광역시", True),
    ("김용집", "광주광역시의회 의장", "광주광역시의회", True),
    ("정병석", "전남대학교 총장", "전남대학교", False),
    ("김기선", "광주과학기술원 총장", "광주과학기술원(GIST)", False),
    ("이경일", "㈜솔트룩스 대표이사", "㈜솔트룩스", False),
]


@transaction.atomic
def load_demo() -> Series:
    venue, _ = Venue.objects.update_or_create(
        name="광주과학기술진흥원",
        room="12층 국제회의실",
        defaults={"address": "광주광역시 북구", "address_en": english.VENUE_ADDRESS, **english.VENUE},
    )
    series, _ = Series.objects.update_or_create(
        slug=SERIES_SLUG,
        defaults={
            "name": "인공지능 산업육성 조찬포럼",
            "name_en": "Gwangju AI Breakfast Forum",
            "description": SERIES_DESCRIPTION,
            "description_en": english.SERIES_DESCRIPTION,
            "week_of_month": WeekOfMonth.SECOND,
            "weekday": Weekday.WEDNESDAY,
            "default_start_time": datetime.time(7, 30),
            "default_duration": datetime.timedelta(hours=2),
            "default_venue": venue,
            "default_capacity": 100,
        },
    )

    park, _ = Speaker.objects.update_or_create(
        slug="park-young-sun",
        defaults={
            "name": "박영선",
            "name_en": "Park Young-sun",
            "position": "장관",
            "organization": "중소벤처기업부",
            "bio": "중소벤처기업부 장관으로 인공지능 산업육성 조찬포럼의 창립 포럼에서 강연했습니다.",
            **english.SPEAKERS["park-young-sun"],
        },
    )
    lee, _ = Speaker.objects.update_or_create(
        slug="lee-kyung-il",
        defaults={
            "name": "이경일",
            "name_en": "Lee Kyung-il",
            "position": "대표이사",
            "organization": "㈜솔트룩스",
            "bio": (
                "인공지능·빅데이터 분석 플랫폼 기업 솔트룩스의 대표이사. 솔트룩스는 국내에서 "
                "인공지능 관련 특허를 가장 많이 보유한 기업으로, 2020년 광주시와 업무협약을 맺고 "
                "광주에 인공지능센터를 열었습니다."
            ),
            **english.SPEAKERS["lee-kyung-il"],
        },
    )

    forum_1 = _forum(
        series, 1, "창립 포럼", _seoul(2020, 6, 10), venue=None, report=FORUM_1_REPORT, report_en=english.FORUM_1_REPORT
    )
    talk_1 = _talk(
        forum_1, "founding-lecture", "창립 포럼 초청 강연", abstract="", summary="", title_en=english.TALK_1_TITLE
    )
    _speakers(talk_1, [park])

    forum_2 = _forum(
        series,
        2,
        "인공지능과 산업혁신",
        _seoul(2020, 8, 5),
        venue=venue,
        report=FORUM_2_REPORT,
        report_en=english.FORUM_2_REPORT,
    )
    talk_2 = _talk(
        forum_2,
        "ai-and-industrial-innovation",
        "인공지능과 산업혁신",
        TALK_2_ABSTRACT,
        TALK_2_SUMMARY,
        title_en=english.TALK_2_TITLE,
        abstract_en=english.TALK_2_ABSTRACT,
        summary_en=english.TALK_2_SUMMARY,
    )
    _speakers(talk_2, [lee])
    load_demo_photos(forum_2)
    for order, (text, text_en) in enumerate(zip(TALK_2_QUOTES, english.TALK_2_QUOTES, strict=True), start=1):
        PullQuote.objects.update_or_create(
            talk=talk_2, order=order, defaults={"speaker": lee, "text": text, "text_en": text_en}
        )
    # The guests the reports name, in protocol order: the host city, its council, the
    # universities, then the invited speaker's company.
    for order, (name, title, organization, greeting) in enumerate(FORUM_2_GUESTS, start=1):
        Guest.objects.update_or_create(
            forum=forum_2,
            name=name,
            defaults={
                "title": title,
                "organization": organization,
                "protocol_order": order,
                "gives_greeting": greeting,
            },
        )

    _forum(
        series,
        3,
        "연사·주제 추후 공지",
        _seoul(2020, 9, 9),
        venue=venue,
        report="",
        report_en="",
        registration_opens_at=_seoul(2020, 8, 5, 12, 0),
        registration_closes_at=_seoul(2020, 9, 9, 0, 0),  # open through the day before
    )
    return series


def _forum(series, number, title, starts_at, *, venue, report, report_en, **registration_window) -> Forum:
    forum, _ = Forum.objects.update_or_create(
        series=series,
        number=number,
        defaults={
            "title": title,
            "title_en": english.FORUM_TITLES[number],
            "slug": f"{series.slug}-{number}",
            "starts_at": starts_at,
            "ends_at": starts_at + series.default_duration,
            "venue": venue,
            "capacity": series.default_capacity,
            "status": ForumStatus.PUBLISHED,
            "report": report,
            "report_en": report_en,
            # Published the morning after, as staff would once the photos are in.
            "report_published_at": starts_at + datetime.timedelta(days=1) if report else None,
            **registration_window,
        },
    )
    return forum


def _talk(forum, slug, title, abstract, summary, **english_texts) -> Talk:
    talk, _ = Talk.objects.update_or_create(
        forum=forum,
        slug=slug,
        defaults={"title": title, "abstract": abstract, "summary": summary, "order": 1, **english_texts},
    )
    return talk


def _speakers(talk, speakers) -> None:
    for order, speaker in enumerate(speakers, start=1):
        TalkSpeaker.objects.update_or_create(talk=talk, speaker=speaker, defaults={"order": order})
