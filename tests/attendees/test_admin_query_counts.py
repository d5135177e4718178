"""The staff changelists cost a fixed number of queries however many rows there are, and
the forum list counts no registration (its seat columns are the forum's own counters)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ForumFactory, RegistrationFactory, seoul

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/attendees/registration/",
    "/admin/attendees/registration/?q=person",
    "/admin/attendees/registration/?status__exact=waitlisted",
    "/admin/events/forum/",
]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("url", PAGES)
def test_a_changelist_costs_the_same_for_3_and_60_registrations(admin_client, url):
    forum = ForumFactory(capacity=2, starts_at=seoul(2030, 1, 8))
    RegistrationFactory.create_batch(2, forum=forum)
    RegistrationFactory(forum=forum, status="waitlisted")
    few = len(queries_of(admin_client, url))
    for _ in range(20):
        more = ForumFactory(capacity=2, starts_at=seoul(2031, 1, 8))
        RegistrationFactory.create_batch(2, forum=more)
        RegistrationFactory(forum=more, status="waitlisted")
    assert len(queries_of(admin_client, url)) == few


def test_the_forum_changelist_counts_no_registration(admin_client):
    forum = ForumFactory(capacity=2, starts_at=seoul(2030, 1, 8))
    RegistrationFactory.create_batch(2, forum=forum)
    RegistrationFactory(forum=forum, status="waitlisted")
    response = admin_client.get("/admin/events/forum/")
    assert [
        query for query in queries_of(admin_client, "/admin/events/forum/") if "attendees_registration" in query
    ] == []
    assert "2 / 2" in response.text  # seats taken / capacity, from the counters
