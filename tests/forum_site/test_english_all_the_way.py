"""English all the way: every Korean text on an /en/ page (a fallback where staff wrote no
English) is marked lang="ko", in the text and in the attributes scripts copy (alt, captions);
and every link of every mail to an English registrant or subscriber opens an English page."""

import re
from html.parser import HTMLParser

import pytest

from attendees.models import ActorKind, PendingMail, Registration, Survey, SurveyInvitation
from attendees.news.mails import NewsMail
from attendees.news.subscriptions import subscription_confirmed
from attendees.outbox.composers import COMPOSERS
from attendees.registrations import services
from attendees.registrations.forum_changes import forum_cancel
from attendees.registrations.mails import RegistrationMail
from attendees.surveys.mails import SurveyMail
from tests.factories import ForumFactory, ForumPhotoFactory, RegistrationFactory, registered, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes people hear or scripts copy into the page.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "data-caption", "data-alt", "content"}


class UnmarkedHangul(HTMLParser):
    """Hangul whose nearest lang (the element's own, or an ancestor's) is not "ko". The
    document's <title> and <meta> are metadata, a whole string with no place for a mark
    (as the Nu checker reads them too); scripts and styles are no text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str]] = []
        self.found: list[str] = []

    def _lang(self) -> str:
        return self.langs[-1][1] if self.langs else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self._lang())
        for name, value in attrs.items():
            if value and (name in READ_ATTRIBUTES or name.startswith("data-")) and HANGUL.search(value):
                if lang != "ko" and tag != "meta":
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag not in VOID:
            self.langs.append((tag, lang))

    def handle_endtag(self, tag):
        for depth in range(len(self.langs) - 1, -1, -1):
            if self.langs[depth][0] == tag:
                del self.langs[depth:]
                break

    def handle_data(self, data):
        inside = self.langs[-1][0] if self.langs else ""
        if HANGUL.search(data) and self._lang() != "ko" and inside not in ("script", "style", "title"):
            self.found.append(" ".join(data.split()))


def unmarked_hangul(html: str) -> list[str]:
    scan = UnmarkedHangul()
    scan.feed(html)
    return scan.found


def test_the_scan_finds_unmarked_hangul_and_passes_marked():
    assert unmarked_hangul('<html lang="en"><p>Theme: <span lang="ko">인공지능</span></p></html>') == []
    assert unmarked_hangul('<html lang="en"><p>Theme: 인공지능</p><img alt="사진" src="x"></html>') == [
        "Theme: 인공지능",
        "<img alt='사진'>",
    ]


@pytest.fixture
def english_world(demo, day_after_second_forum):
    """The demo's forums with their English, and a forum whose staff wrote none: its title,
    its cancellation reason and its photo's alt and caption fall back to Korean."""
    plain = ForumFactory(series=demo, number=9, title="한국어 주제만", starts_at=seoul(2020, 9, 30), capacity=5)
    ForumPhotoFactory(forum=demo.forums.get(number=1), alt_text="참석자 단체 사진", caption="포럼 현장")
    cancelled = ForumFactory(series=demo, number=10, title="취소된 포럼", starts_at=seoul(2020, 10, 14))
    forum_cancel(forum=cancelled, by=ActorKind.SYSTEM, reason="연사 사정으로 취소")
    person = RegistrationFactory(forum=plain, language="en", email="jane@example.com", name="Jane Doe")
    return plain, person


def english_pages(plain, person) -> list[str]:
    return [
        "/en/",
        "/en/forums/",
        "/en/forums/gwangju-ai/1/",
        "/en/forums/gwangju-ai/2/",
        "/en/forums/gwangju-ai/3/",
        "/en/forums/gwangju-ai/9/",
        "/en/forums/gwangju-ai/10/",
        "/en/forums/gwangju-ai/9/register/",
        "/en/forums/gwangju-ai/9/register/sent/",
        "/en/speakers/",
        f"/en/registrations/{person.token}/",
        f"/en/registrations/{person.token}/correct/",
        f"/en/registrations/{person.token}/cancel/",
        f"/en/registrations/{person.token}/delete/",
    ]


def test_no_english_page_shows_unmarked_korean(client, english_world):
    plain, person = english_world
    found = {}
    for path in english_pages(plain, person):
        response = client.get(path)
        assert response.status_code == 200, path
        if hangul := unmarked_hangul(response.text):
            found[path] = hangul
    assert found == {}


SITE_ADDRESS = re.compile(r'https?://[^\s<>"\']+')


def site_links(mail, site_url: str) -> set[str]:
    """Every address of the site a mail holds, in its words and its HTML, as paths."""
    from html import unescape

    found = SITE_ADDRESS.findall(mail.message) + SITE_ADDRESS.findall(unescape(mail.html_message))
    return {address.removeprefix(site_url).rstrip(".,)") for address in found if address.startswith(site_url)}


def test_every_link_of_every_english_mail_opens_an_english_page(client, settings, new_years_day_2030):
    forum = ForumFactory(number=3, title="인공지능과 산업", title_en="AI and industry", starts_at=seoul(2030, 1, 8))
    forum.capacity = 1
    forum.save()
    first = registered(forum, email="first@example.com", language="en", consent_marketing=True)
    registered(forum, email="second@example.com", language="en")  # waits
    services.registration_cancel(registration=first, by=ActorKind.ATTENDEE)  # the second is promoted
    later_forum = ForumFactory(number=4, title="다음 포럼", title_en="The next forum", starts_at=seoul(2030, 2, 12))
    ForumPhotoFactory(forum=later_forum)
    english = registered(later_forum, email="jane@example.com", language="en", consent_marketing=True)
    details = {"former_starts_at": "2030-02-05T07:30:00+09:00", "former_venue": "회의장", "changed": ["starts_at"]}
    for kind in (
        RegistrationMail.MANAGEMENT_LINK,
        RegistrationMail.FORUM_RESCHEDULED,
        RegistrationMail.REMINDER,
        RegistrationMail.STILL_WAITING,
        NewsMail.THANK_YOU,
        NewsMail.SORRY_WE_MISSED_YOU,
        RegistrationMail.NEWS_WITHDRAWN,
    ):
        PendingMail.objects.create(
            registration=english,
            recipient=english.email,
            kind=kind,
            waitlist_position=1 if kind == RegistrationMail.STILL_WAITING else None,
            details=details if kind == RegistrationMail.FORUM_RESCHEDULED else {},
        )
    subscriber = subscription_confirmed(email="news@example.com", language="en", consent_version="2026-11-24")
    for kind in (NewsMail.ANNOUNCEMENT, NewsMail.RECONFIRMATION):
        PendingMail.objects.create(
            subscription=subscriber, recipient=subscriber.email, kind=kind, details={"forum": later_forum.pk}
        )
    survey = Survey.objects.create(forum=later_forum)
    SurveyInvitation.objects.create(survey=survey, registration=english)
    PendingMail.objects.create(
        registration=english, recipient=english.email, kind=SurveyMail.REMINDER, details={"survey": survey.pk}
    )
    forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="태풍")  # last: its links stay open until then
    mails = list(queued_mail())
    kinds = set(PendingMail.objects.values_list("kind", flat=True))
    # Every kind of mail the site sends to attendees and subscribers (a staff account's
    # invitation is written to the city's staff, in Korean: test_staff_invitation.py).
    assert kinds == set(COMPOSERS) - {"staff_invitation"}
    assert {mail.to[0] for mail in mails} == {
        "first@example.com",
        "second@example.com",
        "jane@example.com",
        "news@example.com",
    }
    opened, not_english = {}, {}
    for mail in mails:
        for path in site_links(mail, settings.SITE_URL):
            if path.startswith(settings.MEDIA_URL):
                continue  # a photo: a file, in no language
            answer = client.get(path, follow=True)
            opened[path] = answer.status_code
            if "text/html" in answer.get("Content-Type", "") and '<html lang="en"' not in answer.text:
                not_english[path] = mail.subject
            elif "text/html" not in answer.get("Content-Type", "") and not path.startswith("/en/"):
                not_english[path] = mail.subject
    assert not_english == {}
    assert {path: status for path, status in opened.items() if status != 200} == {}
    assert len(opened) >= 12
    assert Registration.objects.filter(language="en").count() == 3
