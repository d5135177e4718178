"""Public pages: the right forums in the right places, drafts hidden, cancelled marked."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from events.models import ForumStatus
from tests.factories import ForumFactory, SpeakerFactory, TalkFactory, seoul

pytestmark = pytest.mark.django_db


def sections(html):
    """The text of <section id="upcoming"> and <section id="past">."""
    upcoming = html.split('<section id="upcoming"', 1)[1].split("</section>", 1)[0]
    past = html.split('<section id="past"', 1)[1].split("</section>", 1)[0]
    return upcoming, past


def test_home_shows_forum_3_as_next_with_korean_date(client, demo, day_after_second_forum):
    response = client.get("/")
    assert response.status_code == 200
    next_forum = response.text.split('class="next-forum', 1)[1].split("</section>", 1)[0]
    assert "제3차" in next_forum
    assert (
        '<span class="text-nowrap">2020년 9월 9일 (수)</span> <span class="text-nowrap">오전 7:30</span>' in next_forum
    )
    assert "광주과학기술진흥원 12층 국제회의실" in next_forum
    assert "잔여 100석" in next_forum
    assert "참가 신청" in next_forum
    recent = response.text.split('id="past-heading"', 1)[1]
    assert recent.index("제2차") < recent.index("제1차")


def test_home_without_upcoming_forum_says_so(client, db):
    assert "아직 예정된 포럼이 없습니다." in client.get("/").text


def test_forum_list_splits_upcoming_and_past_one_year_at_a_time(client, demo, day_after_second_forum):
    ForumFactory(series=demo, number=99, title="지난해 포럼", starts_at=seoul(2019, 12, 11))
    upcoming, past = sections(client.get(reverse("events:forum-list")).text)
    assert "제3차" in upcoming and "제2차" not in upcoming
    assert "제3차" not in past
    # The latest year, newest first, with a link to every year of the archive.
    assert past.index("제2차") < past.index("제1차")
    assert "제99차" not in past
    assert '<a class="page-link" href="/forums/2020/" aria-current="page">2020년</a>' in past
    assert '<a class="page-link" href="/forums/2019/">2019년</a>' in past

    _upcoming, earlier = sections(client.get("/forums/2019/").text)
    assert "제99차" in earlier and "제2차" not in earlier
    assert client.get("/forums/2018/").status_code == 404


def test_forum_detail_of_the_second_forum(client, demo, day_after_second_forum):
    response = client.get("/forums/gwangju-ai/2/")
    assert response.status_code == 200
    assert response.context["forum"].number == 2
    assert "<h1>인공지능과 산업혁신</h1>" in response.text
    assert (
        '<span class="text-nowrap">2020년 8월 5일 (수)</span> <span class="text-nowrap">오전 7:30</span></time>'
        ' – <span class="text-nowrap">오전 9:30</span>' in response.text
    )
    assert "이경일" in response.text and "㈜솔트룩스 대표이사" in response.text
    # The report, its Markdown rendered: a heading below the page's own, a list, bold.
    assert "<h3>앞으로의 포럼</h3>" in response.text  # "##" in the report, under the page's h2
    assert "<li><strong>다음 포럼</strong>: 제3차 포럼은 9월 9일(수) 오전 7시 30분에 열립니다.</li>" in response.text
    assert "**" not in response.text
    assert 'href="/forums/gwangju-ai/2/calendar.ics"' in response.text
    assert 'id="registration"' not in response.text  # past: no registration box


def test_forum_url_names_series_and_number(demo):
    assert demo.forums.get(number=3).get_absolute_url() == "/forums/gwangju-ai/3/"


def test_draft_forum_is_not_found_for_the_public(client):
    forum = ForumFactory(status=ForumStatus.DRAFT)
    talk = TalkFactory(forum=forum)
    assert client.get(forum.get_absolute_url()).status_code == 404
    assert client.get(talk.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:forum-ics", args=[forum.series.slug, forum.number])).status_code == 404


def test_draft_forum_previewed_by_staff_with_banner(admin_client):
    forum = ForumFactory(status=ForumStatus.DRAFT, title="비공개 초안")
    response = admin_client.get(forum.get_absolute_url())
    assert response.status_code == 200
    assert "미리보기: 이 포럼은 초안이며 아직 공개되지 않았습니다." in response.text


def test_drafts_appear_in_no_list(client, demo, day_after_second_forum):
    ForumFactory(series=demo, number=4, status=ForumStatus.DRAFT, title="초안 포럼", starts_at=seoul(2020, 10, 14))
    for url in ("/", "/forums/", "/search/?q=초안", "/sitemap.xml", "/forums.ics"):
        assert "초안 포럼" not in client.get(url).text, url


def test_cancelled_forum_marked_without_register_button(client, day_after_second_forum):
    forum = ForumFactory(status=ForumStatus.CANCELLED, starts_at=seoul(2020, 9, 9))
    response = client.get(forum.get_absolute_url())
    assert response.status_code == 200
    assert "이 포럼은 취소되었습니다." in response.text
    assert "참가 신청</a>" not in response.text
    upcoming, _past = sections(client.get("/forums/").text)
    assert "취소됨" in upcoming


def test_full_forum_offers_the_waiting_list(client, day_after_second_forum):
    from tests.factories import RegistrationFactory

    forum = ForumFactory(capacity=1, starts_at=seoul(2020, 9, 9))
    RegistrationFactory(forum=forum)
    response = client.get(forum.get_absolute_url())
    assert "정원 마감: 대기 신청 가능" in response.text
    assert "대기자로 신청" in response.text


def test_talk_detail_shows_summary_and_quotes(client, demo):
    response = client.get("/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/")
    assert response.status_code == 200
    assert "<h1>인공지능과 산업혁신</h1>" in response.text
    assert response.text.count('<figure class="pull-quote">') == 3
    assert "적정 기술을 우리가 해결하려고 하는 문제에 집중해야 합니다." in response.text
    assert 'href="/speakers/lee-kyung-il/"' in response.text


def test_talk_speakers_listed_in_speaking_order(client):
    first, second = SpeakerFactory(name="하나"), SpeakerFactory(name="가나")
    talk = TalkFactory(speakers=[first, second])
    text = client.get(talk.get_absolute_url()).text
    assert text.index("하나") < text.index("가나")


def test_speaker_list_shows_only_speakers_of_public_talks(client, demo):
    TalkFactory(forum=ForumFactory(status=ForumStatus.DRAFT), speakers=[SpeakerFactory(name="비밀연사")])
    response = client.get(reverse("events:speaker-list"))
    assert [speaker.name for speaker in response.context["speakers"]] == ["박영선", "이경일"]
    assert client.get(SpeakerFactory(name="비밀연사2").get_absolute_url()).status_code == 404


def test_speaker_detail_lists_their_talks(client, demo):
    response = client.get("/speakers/lee-kyung-il/")
    assert response.status_code == 200
    assert [talk.title for talk in response.context["speaker"].public_talks] == ["인공지능과 산업혁신"]
    assert 'class="speaker-photo speaker-placeholder"' in response.text  # no photo: the placeholder


@pytest.mark.parametrize("query", ["솔트룩스", "Saltlux", "saltlux", "산업혁신", "이경일", "Kyung-il"])
def test_search_finds_the_saltlux_talk(client, demo, query):
    response = client.get(reverse("events:search"), {"q": query})
    assert [talk.title for talk in response.context["results"].talks] == ["인공지능과 산업혁신"]


def test_search_groups_results(client, demo):
    results = client.get(reverse("events:search"), {"q": "솔트룩스"}).context["results"]
    assert [forum.number for forum in results.forums] == [2]
    assert [speaker.name for speaker in results.speakers] == ["이경일"]


def test_search_needs_every_word(client, demo):
    results = client.get(reverse("events:search"), {"q": "솔트룩스 박영선"}).context["results"]
    assert results.talks == [] and results.speakers == []


def test_search_nothing_found(client, demo):
    response = client.get(reverse("events:search"), {"q": "블록체인"})
    assert "“블록체인”에 대한 검색 결과가 없습니다." in response.text


def test_search_without_query_shows_only_the_form(client, demo):
    response = client.get(reverse("events:search"))
    assert response.status_code == 200
    assert "검색 결과가 없습니다" not in response.text


def test_unknown_page_gets_the_site_404(client, db):
    response = client.get("/forums/gwangju-ai/42/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.text
    assert 'href="/forums/"' in response.text


def test_server_error_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "문제가 발생했습니다" in html


def test_open_graph_tags_name_theme_and_date(client, demo):
    html = client.get("/forums/gwangju-ai/2/").text
    assert '<meta property="og:title" content="인공지능 산업육성 조찬포럼 제2차 · 인공지능과 산업혁신">' in html
    assert (
        '<meta property="og:description" content="2020년 8월 5일 (수) 오전 7:30, 광주과학기술진흥원 12층 국제회의실">'
        in html
    )
    assert '<meta property="og:url" content="http://127.0.0.1:8000/forums/gwangju-ai/2/">' in html


def test_page_titles_and_descriptions(client, demo):
    html = client.get("/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/").text
    assert "<title>인공지능과 산업혁신 | 광주 인공지능 산업육성 조찬포럼</title>" in html
    assert '<meta name="description" content="이경일 대표는' in html


def test_language_switch_keeps_the_page_and_speaks_english(client, demo):
    korean = client.get("/forums/gwangju-ai/2/").text
    # A link, not a form: a public page needs no CSRF cookie, and its address says its language.
    assert '<a href="/en/forums/gwangju-ai/2/" hreflang="en" lang="en"' in korean
    page = client.get("/en/forums/gwangju-ai/2/")
    assert '<a href="/forums/gwangju-ai/2/" hreflang="ko" lang="ko"' in page.text
    assert page.headers["Content-Language"] == "en"
    assert "Wednesday, August 5, 2020, 7:30 AM" in page.text
    assert "No. 2" in page.text
    assert "Programme" in page.text


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /registrations/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_the_speakers_come_a_page_at_a_time(client, day_after_second_forum):
    from events import views
    from tests.factories import SpeakerFactory, TalkFactory

    forum = ForumFactory(starts_at=seoul(2020, 6, 10))
    for index in range(views.SPEAKERS_PER_PAGE + 5):
        TalkFactory(forum=forum, slug=f"t{index}", speakers=[SpeakerFactory(name=f"연사{index:03}")])
    first = client.get("/speakers/")
    assert first.text.count('class="card h-100"') == views.SPEAKERS_PER_PAGE
    assert 'href="?page=2" rel="next"' in first.text and 'rel="prev"' not in first.text
    second = client.get("/speakers/?page=2")
    assert second.text.count('class="card h-100"') == 5
    assert "연사064" in second.text and 'href="?page=1" rel="prev"' in second.text and 'rel="next"' not in second.text
    assert client.get("/speakers/?page=3").status_code == 404
    assert client.get("/speakers/?page=x").status_code == 404
