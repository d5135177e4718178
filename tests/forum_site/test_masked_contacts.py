"""Masked means masked: a 포럼 담당자 without the export_unmasked permission meets no whole
email address or phone number on any page the crawler can reach (lists, searches, filters,
change and history pages, the desk, the actions' pages), and searching by parts of an
address finds nothing, so no run of searches rebuilds what the mask hides."""

import datetime
import string

import pytest
import time_machine

from attendees.contacts import phone_display
from attendees.models import Registration, Subscription
from forum_site.core import clock
from tests.factories import ForumFactory, RegistrationFactory, seoul, staff_with_role
from tests.forum_site.test_role_crawler import crawl, shape

pytestmark = pytest.mark.django_db
SECRET = "formula4@example.org"


@pytest.fixture
def contacts_world():
    first = ForumFactory(number=1, starts_at=seoul(2030, 1, 8), capacity=3)
    second = ForumFactory(series=first.series, number=2, starts_at=seoul(2030, 2, 12), capacity=2)
    RegistrationFactory(
        forum=first, name="김참석", email="came.whole@example.kr", phone="01011112222", checked_in_at=seoul(2030, 1, 8)
    )
    RegistrationFactory(forum=second, name="박공식", organization="광주광역시", email=SECRET, phone="01033334444")
    RegistrationFactory(forum=second, name="정대기", email="waiting.whole@example.kr", phone="+4915112345678")
    RegistrationFactory(forum=second, name="최대기", status="waitlisted", phone="0212345678")
    Subscription.objects.create(email="news.whole@example.kr", consented_at=clock.now(), consent_version="1")
    Subscription.objects.create(email=SECRET, consented_at=clock.now(), consent_version="1")


def whole_contacts() -> list[str]:
    registrations = Registration.objects.all()
    emails = [*registrations.values_list("email", flat=True), *Subscription.objects.values_list("email", flat=True)]
    phones = list(registrations.values_list("phone", flat=True))
    shown = [phone_display(phone) for phone in phones]
    return sorted({value for value in [*emails, *phones, *shown] if value})


def test_a_manager_without_the_permission_meets_no_whole_address_on_any_page(client, contacts_world):
    manager = staff_with_role("포럼 담당자", "manager")
    assert not manager.has_perm("attendees.export_unmasked")
    whole = whole_contacts()
    assert len(whole) == 13  # 5 addresses, 4 phones each stored and shown
    leaks: dict[str, list[str]] = {}

    def read(url, response):
        if getattr(response, "streaming", False):
            return
        body = response.content.decode(errors="replace")
        if found := [value for value in whole if value in body]:
            leaks[url] = found

    with time_machine.travel(datetime.datetime(2030, 2, 11, 22, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(manager)
        answers = crawl(client, read=read)
    pages = {shape(url.removeprefix("POST ").split(" ")[0]).split("?")[0] for url in answers}
    print(f"masked crawl: {len(answers)} requests, {len(pages)} pages, leaks: {leaks}")
    assert leaks == {}
    assert {
        "/admin/attendees/registration/",
        "/admin/attendees/registration/N/change/",
        "/admin/attendees/registration/N/history/",
        "/admin/attendees/subscription/",
        "/admin/attendees/subscription/N/change/",
        "/desk/",
    } - pages == set()


def test_the_same_manager_with_the_permission_sees_them_whole(client, contacts_world):
    from django.contrib.auth.models import Permission

    manager = staff_with_role("포럼 담당자", "manager")
    manager.user_permissions.add(Permission.objects.get(codename="export_unmasked"))
    client.force_login(manager)
    page = client.get("/admin/attendees/subscription/").text
    assert ("news.whole@example.kr" in page, "n***@example.kr" in page) == (True, False)
    found = client.get("/admin/attendees/registration/", {"q": "formula"}).context["cl"].result_count
    assert found == 1  # a part matches for those who see addresses whole anyway


def partial_searches() -> list[str]:
    """What someone rebuilding f***@example.org one letter at a time would type: each prefix
    of the hidden part with every next letter, with and without the visible domain."""
    local, domain = SECRET.split("@")
    searches = []
    for known in range(len(local)):
        for letter in string.ascii_lowercase + string.digits:
            guess = local[:known] + letter
            searches += [guess, f"{guess}@{domain}"] if guess != local else [guess]
    searches += ["@example.org", "example.org", "4@example.org", "ormula4@example.org"]
    return searches[:200]


@pytest.mark.parametrize("changelist", ["/admin/attendees/registration/", "/admin/attendees/subscription/"])
def test_two_hundred_partial_searches_rebuild_nothing_and_a_whole_address_is_found(client, contacts_world, changelist):
    client.force_login(staff_with_role("포럼 담당자", "manager"))
    searches = partial_searches()
    assert len(searches) == 200

    def finds_the_secret(term) -> bool:
        # A match on another field (an organisation with an "a") tells nothing of the address.
        return any(row.email == SECRET for row in client.get(changelist, {"q": term}).context["cl"].result_list)

    assert [term for term in searches if finds_the_secret(term)] == []
    assert finds_the_secret(SECRET.upper())
