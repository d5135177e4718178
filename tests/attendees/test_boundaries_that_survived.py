"""The boundaries mutation testing found no test for: each test here fails when its line
is changed (a `<` made `<=`, a check removed), which the suite before it did not."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from attendees.models import PendingMail, Registration
from attendees.registrations import services
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.reminders import reminders_send
from tests.factories import ForumFactory, RegistrationFactory, registered, seoul, staff_with_role

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
JSON = {"HTTP_ACCEPT": "application/json"}


def at(*moment):
    return time_machine.travel(datetime.datetime(*moment, tzinfo=SEOUL), tick=False)


@pytest.mark.parametrize(
    ("moment", "reminded"),
    [
        ((2030, 1, 8, 5, 30, 0), 1),  # exactly two hours before 07:30: still in time
        ((2030, 1, 8, 5, 30, 1), 0),  # a second later: too late, dropped and recorded
    ],
)
def test_reminders_go_out_until_exactly_two_hours_before_the_start(moment, reminded):
    forum = ForumFactory(capacity=5, starts_at=seoul(2030, 1, 8))
    with at(2029, 12, 20, 9, 0):
        registered(forum, "a@example.kr")
    PendingMail.objects.all().delete()
    with at(*moment):
        reminders_send()
    assert PendingMail.objects.filter(kind=RegistrationMail.REMINDER).count() == reminded


@pytest.mark.parametrize("given", ["on", "yes", "1", 1, "no", "0", "", None])
def test_only_true_itself_is_consent_at_the_service(given):
    """A form posts strings; only its cleaning turns a ticked box into True. A service
    handed the raw value must refuse it, whatever it looks like."""
    forum = ForumFactory(capacity=5, starts_at=seoul(2099, 1, 14), registration_opens_at=seoul(2000, 1, 1))
    person = {"name": "김광주", "organization": "광주AI", "position": "연구원", "sector": "industry"}
    with pytest.raises(services.RegistrationError) as refused:
        services.registration_create(forum=forum, email="kim@example.kr", consent_privacy=given, **person)
    assert refused.value.code == "no_consent"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("given", ["on", "yes", "1", 1])
def test_only_true_itself_asks_for_news_at_the_service(given):
    forum = ForumFactory(capacity=5, starts_at=seoul(2099, 1, 14), registration_opens_at=seoul(2000, 1, 1))
    person = {"name": "김광주", "organization": "광주AI", "position": "연구원", "sector": "industry"}
    registration = services.registration_create(
        forum=forum, email="kim@example.kr", consent_privacy=True, consent_marketing=given, **person
    )
    assert Registration.objects.get(pk=registration.pk).consent_marketing is False


def test_a_seat_freed_by_a_cancellation_shows_on_the_cached_forum_page(
    client, staff_user, django_capture_on_commit_callbacks
):
    """The cancellation moves statuses with update(), which sends no signal: the page cache
    must be told, or the public page keeps the old count of seats left."""
    forum = ForumFactory(capacity=2, starts_at=seoul(2099, 1, 14), registration_opens_at=seoul(2000, 1, 1))
    first = RegistrationFactory(forum=forum)
    RegistrationFactory(forum=forum)
    forum.seats_taken = 2
    forum.save()
    page = forum.get_absolute_url()
    full = client.get(page).text  # and now in the cache
    assert ("대기자로 신청" in full, "잔여 1석" in full) == (True, False)
    with django_capture_on_commit_callbacks(execute=True):  # the cache is told once it commits
        services.registration_cancel(registration=first, by=staff_user)
    assert "잔여 1석" in client.get(page).text


def test_the_desk_closes_at_the_forums_end_to_the_second(client):
    forum = ForumFactory(capacity=5, starts_at=seoul(2030, 1, 8))
    kim = RegistrationFactory(forum=forum)
    desk = staff_with_role("접수 데스크", "desk")
    check_in = reverse("desk:check-in", args=[forum.pk])
    with time_machine.travel(forum.ends_at - datetime.timedelta(seconds=1), tick=False):
        client.force_login(desk)  # signed in that morning: a session from today would have expired
        assert client.post(check_in, {"registration": kim.pk}, **JSON).json()["result"] == "checked_in"
    kim.checked_in_at = None
    kim.save()
    with time_machine.travel(forum.ends_at, tick=False):
        assert client.post(check_in, {"registration": kim.pk}, **JSON).status_code == 409
    assert Registration.objects.get(pk=kim.pk).checked_in_at is None
