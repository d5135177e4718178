"""Thirty people press "register" at the same moment for ten seats (PostgreSQL)."""
import collections
import threading

import pytest
from django.db import connection

from attendees import services
from attendees.models import Registration
from tests.factories import ForumFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 30
SEATS = 10


def test_concurrent_registrations_never_overbook(postgres_only):
    forum = ForumFactory(capacity=SEATS)
    start_together = threading.Barrier(PEOPLE)
    statuses, errors = [], []

    def register(index):
        try:
            start_together.wait(timeout=30)
            registration = services.registration_create(
                forum=forum, name=f"참가자{index}", email=f"person{index}@example.kr", organization="광주AI",
                position="연구원", sector="industry", consent_privacy=True,
            )
            statuses.append(registration.status)
        except Exception as error:  # collected, so the test names every failure
            errors.append(repr(error))
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=register, args=(index,)) for index in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert collections.Counter(statuses) == {"confirmed": SEATS, "waitlisted": PEOPLE - SEATS}
    stored = Registration.objects.filter(forum=forum)
    assert stored.confirmed().count() == SEATS
    assert [services.waitlist_position(r) for r in stored.waitlisted()] == list(range(1, PEOPLE - SEATS + 1))


def test_concurrent_cancellations_promote_each_waiting_person_once(postgres_only):
    forum = ForumFactory(capacity=5)
    people = [
        services.registration_create(
            forum=forum, name=f"참가자{i}", email=f"p{i}@example.kr", organization="광주AI", position="연구원",
            sector="industry", consent_privacy=True,
        )
        for i in range(10)
    ]
    holders = people[:5]
    start_together = threading.Barrier(len(holders))
    errors = []

    def cancel(registration):
        try:
            start_together.wait(timeout=30)
            services.registration_cancel(registration=registration)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(holder,)) for holder in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    confirmed = Registration.objects.filter(forum=forum).confirmed()
    assert sorted(confirmed.values_list("email", flat=True)) == [f"p{i}@example.kr" for i in range(5, 10)]
