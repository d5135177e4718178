"""Every mail has an HTML part beside the plain text, from the same words, and comes from
the site's name in the person's language."""

import datetime

import pytest

from attendees.outbox.delivery import outbox_deliver
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
    text, html = (part.get_content() for part in alternative.iter_parts())
    manage_url = settings.SITE_URL + registration.management_path
    assert manage_url in text
    assert f'<a href="{manage_url}" rel="nofollow">{manage_url}</a>' in html
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
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; 님, 안녕하세요." in html


def test_only_the_sites_own_addresses_and_the_map_are_links_in_the_html(settings):
    """A registration stored before names were checked for addresses still cannot put a
    link into the forum's mail: only SITE_URL's addresses and the venue's map are linked."""
    import re

    from attendees.outbox import mail
    from tests.factories import RegistrationFactory

    port = free_port()
    use_smtp_server(settings, port)
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    registration = RegistrationFactory(
        forum=forum, name="재인증 http://evil.example/login www.evil.example", email="phish-victim@example.org"
    )
    mail.queue_confirmation(registration)
    with running_smtp_server(port) as inbox:
        assert outbox_deliver() == 1
    [message] = inbox.parsed()
    alternative = next(part for part in message.iter_parts() if part.get_content_type() == "multipart/alternative")
    html = alternative.get_payload()[1].get_content()
    links = re.findall(r'href="([^"]+)"', html)
    ours = [link for link in links if link == settings.SITE_URL or link.startswith(settings.SITE_URL + "/")]
    assert [link for link in links if link not in ours] == [forum.venue.map_link.replace("&", "&amp;")]
    assert len(ours) >= 3  # the management page, the forum page, the QR code page at least
    assert "재인증 http://evil.example/login www.evil.example 님" in html
