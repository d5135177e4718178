"""Each staff role sees only what it may use: a crawler logs in as the role and follows
every link, submits every search and filter form, and runs every admin action offered, on
every admin and desk page it can reach. It must meet no refusal (403, or a redirect to the
sign-in page), no missing page (404) and no error (500). Each walk is written out for
people to read, in var/role-crawl/."""

import datetime
import re
from collections import Counter, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from attendees.models import (
    ActorKind,
    Question,
    Registration,
    Subscription,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyItem,
    SurveyResponse,
)
from attendees.news.thank_you import thank_you_send
from attendees.questions.answers import answers_save
from attendees.questions.form_fields import Given
from attendees.registrations import services
from forum_site.core import clock
from tests.factories import (
    ForumFactory,
    ForumPhotoFactory,
    PullQuoteFactory,
    RegistrationFactory,
    SpeakerFactory,
    TalkFactory,
    seoul,
    staff_with_role,
)

pytestmark = pytest.mark.django_db

START = ["/admin/"]  # the desk too is reached from the admin's index, where it is offered
# Where the crawler goes: the staff's pages. Signing out would end the walk.
INSIDE = re.compile(r"^/(ko/|en/)?(admin|desk)/")
OUTSIDE = re.compile(r"/logout/|/password_change/")
MAX_PAGES = 1500
# A changelist's filters, orderings and dates combine without end: each is tried alone
# (the walk is breadth-first, so the single ones come first), then a few combinations.
VARIANTS_PER_PAGE = 15


class PageParts(HTMLParser):
    """The links, the GET forms (with their fields' values) and the admin's action form."""

    def __init__(self):
        super().__init__()
        self.links, self.get_forms, self.actions, self.selectable = [], [], [], []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action", ""),
                "fields": [],
            }
        elif self._form is not None and tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if attrs["name"] == "_selected_action":
                self.selectable.append(attrs["value"])
            elif kind not in ("submit", "checkbox", "radio", "file") or "checked" in attrs:
                self._form["fields"].append((attrs["name"], attrs.get("value", "")))
        elif self._form is not None and tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select == "action" and attrs.get("value"):
            self.actions.append(attrs["value"])
        elif tag == "option" and self._select and self._form is not None and "selected" in attrs:
            self._form["fields"].append((self._select, attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            if self._form["method"] == "get":
                self.get_forms.append(self._form)
            self._form = None


def shape(url: str) -> str:
    """Pages that differ only by ids or by the values of their query are one page to try."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def crawl(client, read=None, start=START) -> dict:
    """Walk the staff pages from `start`; returns {url: status} of every request made.
    `read(url, response)`, when given, sees every answer."""
    seen, answers = set(), {}
    variants = Counter()
    queue = deque(start)
    while queue and len(answers) < MAX_PAGES:
        url = queue.popleft()
        page = shape(url).split("?")[0]
        if shape(url) in seen or variants[page] >= VARIANTS_PER_PAGE:
            continue
        seen.add(shape(url))
        variants[page] += 1
        response = client.get(url)
        answers[url] = response.status_code
        if read is not None:
            read(url, response)
        if response.status_code == 302:
            target = response["Location"]
            if "/login/" in target:
                answers[url] = "sign-in"
            elif INSIDE.match(urlsplit(target).path):
                queue.append(target)
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parts = PageParts()
        parts.feed(response.content.decode())
        for href in parts.links:
            target = urljoin(url, href)
            if (
                INSIDE.match(urlsplit(target).path)
                and not OUTSIDE.search(target)
                and urlsplit(target).netloc in ("", "testserver")
            ):
                queue.append(urlsplit(target)._replace(scheme="", netloc="").geturl())
        for form in parts.get_forms:
            target = urljoin(url, form["action"] or url)
            if INSIDE.match(urlsplit(target).path):
                queue.append(urlsplit(target).path + "?" + urlencode(form["fields"]))
        for action in parts.actions if parts.selectable else []:
            posted = client.post(url, {"action": action, "_selected_action": parts.selectable[:1], "index": 0})
            if read is not None:
                read(f"POST {url} action={action}", posted)
            answers[f"POST {url} action={action}"] = (
                "sign-in" if posted.status_code == 302 and "/login/" in posted["Location"] else posted.status_code
            )
            if posted.status_code == 302 and INSIDE.match(urlsplit(posted["Location"]).path):
                queue.append(posted["Location"])  # an action's own page: a count to confirm
    return answers


WALKS = Path(settings.BASE_DIR) / "var" / "role-crawl"


def write_walk(role: str, answers: dict) -> None:
    """What the walk requested, for people to read (var/role-crawl/<role>.txt): every request
    with its answer, then the pages by shape with how many requests each took."""
    WALKS.mkdir(parents=True, exist_ok=True)
    shapes = Counter(shape(url.removeprefix("POST ").split(" ")[0]).split("?")[0] for url in answers)
    lines = [f"{role}: {len(answers)} requests, {len(shapes)} pages", ""]
    lines += [f"{count:4d}  {page}" for page, count in sorted(shapes.items())]
    lines += ["", *(f"{status}  {url}" for url, status in answers.items())]
    (WALKS / f"{role}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def forum_world():
    """Two forums as the office has them on the morning of the second: the first past,
    with its report, photos, a talk and attendance; the second today, with people
    confirmed and waiting, a guest, and a subscriber to news."""
    call_command("setup_roles")
    first = ForumFactory(number=1, starts_at=seoul(2030, 1, 8), capacity=3, report="주요 내용")
    first.report_published_at = seoul(2030, 1, 9)
    first.save()
    second = ForumFactory(series=first.series, number=2, starts_at=seoul(2030, 2, 12), capacity=2)
    talk = TalkFactory(forum=first)
    talk.speakers.add(SpeakerFactory())
    PullQuoteFactory(talk=talk, speaker=talk.speakers.get())
    ForumPhotoFactory(forum=first)
    RegistrationFactory(forum=first, name="김참석", checked_in_at=seoul(2030, 1, 8, 7, 20))
    RegistrationFactory(forum=first, name="이불참")
    RegistrationFactory(forum=second, name="박확정")
    RegistrationFactory(forum=second, name="최확정")
    RegistrationFactory(forum=second, name="정대기", status="waitlisted")
    second.guests.create(name="초청 내빈", organization="광주광역시")
    Subscription.objects.create(email="news@example.kr", consented_at=clock.now(), consent_version="1")
    services.forum_capacity_change(forum=second, capacity=2, by=User.objects.create_user("system-clerk"))
    _asked_and_answered(first, second)
    return first, second


def _asked_and_answered(first, second):
    """The first forum's survey, sent with the thank-you and answered once; the second's
    questions, one with places, answered by one person."""
    survey = Survey.objects.create(forum=first, closes_on=datetime.date(2030, 1, 31))
    SurveyItem.objects.create(survey=survey, position=1, kind="rating", label="강연 내용", required=True)
    again = SurveyItem.objects.create(survey=survey, position=2, kind="one_choice", label="다음 참석 의향")
    yes = SurveyChoice.objects.create(item=again, position=0, label="예")
    SurveyItem.objects.create(survey=survey, position=3, kind="text", label="건의 사항")
    with time_machine.travel(seoul(2030, 1, 9, 10, 0), tick=False):
        thank_you_send(forum=first, include_absent=False, by=ActorKind.SYSTEM)
    response = SurveyResponse.objects.create(survey=survey)
    SurveyAnswer.objects.create(response=response, item=survey.items.get(position=1), rating=5)
    SurveyAnswer.objects.create(response=response, item=again, choice=yes)
    parking = Question.objects.create(forum=second, position=1, kind="yes_no", label="주차 지원", purpose="주차 배정")
    parking_yes = parking.options.get(position=0)
    parking_yes.places = 1
    parking_yes.save()
    answers_save(second.registrations.get(name="박확정"), [Given(parking, options=(parking_yes,))])


ROLE_GROUPS = {"forum-manager": "포럼 담당자", "content-editor": "콘텐츠 편집자", "desk": "접수 데스크"}
# Pages each role's work needs, which the walk must have reached through what it was shown,
# and pages it must never have been offered.
REACHED = {
    "forum-manager": {
        "/admin/attendees/registration/",
        "/admin/attendees/registration/export/",
        "/admin/events/forum/N/cancel/",
        "/admin/events/forum/N/announce/",
        "/admin/events/forum/statistics/",
        "/admin/events/series/N/plan/",
        "/admin/attendees/survey/N/results/",
        "/admin/attendees/survey/N/results.xlsx",
        "/admin/attendees/registration/N/certificate.pdf",
        "/desk/",
        "/desk/N/walk-in/",
    },
    "content-editor": {
        "/admin/events/forum/N/change/",
        "/admin/events/talk/N/change/",
        "/admin/events/forumphoto/add/",
        "/admin/speakers/speaker/N/change/",
        "/admin/attendees/survey/N/results/",
    },
    "desk": {"/desk/", "/desk/N/walk-in/", "/desk/N/guests/"},
}
NEVER_OFFERED = {
    "forum-manager": {"/admin/auth/user/"},
    "content-editor": {
        "/admin/attendees/registration/",
        "/desk/",
        "/admin/events/forum/N/cancel/",
        "/admin/attendees/registration/N/certificate.pdf",
    },
    "desk": {"/admin/attendees/registration/", "/admin/events/forum/"},
}


def first_pages(role: str) -> list[str]:
    """Where the walk begins besides the index: for the forum manager, the registration of
    someone who came, as a search finds it. The walk opens one change page of each kind
    and runs the list's actions on its first row, which may undo that row's check-in."""
    if role != "forum-manager":
        return []
    came = Registration.objects.get(name="김참석")
    return [f"/admin/attendees/registration/{came.pk}/change/"]


@pytest.mark.parametrize("role", ROLE_GROUPS)
def test_a_role_meets_no_refusal_missing_page_or_error_on_any_page_it_can_reach(client, forum_world, role):
    user = staff_with_role(ROLE_GROUPS[role], role)
    # The morning of the second forum (07:00 in Seoul), signed in that morning.
    with time_machine.travel(datetime.datetime(2030, 2, 11, 22, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(user)
        answers = crawl(client, start=[*START, *first_pages(role)])
    troubles = {url: status for url, status in answers.items() if status not in (200, 302)}
    print(f"{role}: {len(answers)} requests; troubles:", *sorted(troubles.items(), key=str), sep="\n")
    write_walk(role, answers)
    assert troubles == {}
    reached = {shape(url.removeprefix("POST ").split(" ")[0]).split("?")[0] for url in answers}
    assert REACHED[role] - reached == set()
    assert NEVER_OFFERED[role] & reached == set()
