"""Thirty people press "register" at the same moment for ten seats (PostgreSQL)."""

import collections
import threading

import pytest
from django.db import connection

from attendees.models import ActorKind, Registration
from attendees.registrations import services
from attendees.registrations.seat_counts import seat_counts_true
from tests.factories import ForumFactory
from tests.mailbox import queued_mail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 30
SEATS = 10
EDITS_PER_PERSON = 5


def test_concurrent_registrations_never_overbook(postgres_only):
    forum = ForumFactory(capacity=SEATS)
    start_together = threading.Barrier(PEOPLE)
    statuses, errors = [], []

    def register(index):
        try:
            start_together.wait(timeout=30)
            registration = services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"person{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
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
    # The counters kept under the lock agree with the rows.
    forum.refresh_from_db()
    assert (forum.seats_taken, forum.waiting_count) == seat_counts_true(forum) == (SEATS, PEOPLE - SEATS)


def test_concurrent_cancellations_promote_each_waiting_person_once(postgres_only):
    forum = ForumFactory(capacity=5)
    people = [
        services.registration_create(
            forum=forum,
            name=f"참가자{i}",
            email=f"p{i}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        )
        for i in range(10)
    ]
    holders = people[:5]
    start_together = threading.Barrier(len(holders))
    errors = []

    def cancel(registration):
        try:
            start_together.wait(timeout=30)
            services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
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


def test_staff_edits_racing_cancellations_never_undo_one_nor_overbook(postgres_only):
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    seats = 20
    forum = ForumFactory(capacity=seats)
    holders = [
        services.registration_create(
            forum=forum,
            name=f"참가자{i}",
            email=f"h{i}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        )
        for i in range(seats)
    ]
    for i in range(seats):
        services.registration_create(
            forum=forum,
            name=f"대기자{i}",
            email=f"w{i}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        )
    staff = User.objects.create_superuser("desk-lead", password="a-long-password-1")
    start_together = threading.Barrier(2 * seats)
    errors = []

    def cancel(registration):
        try:
            start_together.wait(timeout=30)
            services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    def edit(registration):
        try:
            client = Client()
            client.force_login(staff)
            url = reverse("admin:attendees_registration_change", args=[registration.pk])
            form = {
                "name": registration.name,
                "email": registration.email,
                "phone": "01012345678",
                "organization": "광주광역시",
                "position": registration.position,
                "sector": registration.sector,
            }
            start_together.wait(timeout=30)
            # Staff keep saving while the cancellations go through, so edits overlap them.
            for attempt in range(EDITS_PER_PERSON):
                response = client.post(url, {**form, "position": f"연구원 {attempt}"})
                if response.status_code != 302:
                    errors.append(f"edit {registration.pk}: {response.status_code}")
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(holder,)) for holder in holders]
    threads += [threading.Thread(target=edit, args=(holder,)) for holder in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    stored = Registration.objects.filter(forum=forum)
    assert sorted(stored.filter(email__startswith="h").values_list("status", flat=True)) == ["cancelled"] * seats
    assert stored.confirmed().count() == seats
    assert sorted(stored.confirmed().values_list("email", flat=True)) == sorted(
        f"w{i}@example.kr" for i in range(seats)
    )
    # Every edit landed too: only its own fields were written.
    assert set(stored.filter(email__startswith="h").values_list("organization", flat=True)) == {"광주광역시"}


def test_two_desks_registering_one_person_at_once_get_one_registration_and_a_form_error(postgres_only):
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    forum = ForumFactory(capacity=10)
    staff = User.objects.create_superuser("desk-lead", password="a-long-password-1")
    start_together = threading.Barrier(2)
    outcomes, errors = [], []

    def register_at_the_desk():
        try:
            client = Client()
            client.force_login(staff)
            start_together.wait(timeout=30)
            response = client.post(
                reverse("admin:attendees_registration_add"),
                {
                    "forum": forum.pk,
                    "name": "현장등록",
                    "email": "walk.in@example.kr",
                    "phone": "",
                    "organization": "광주시",
                    "position": "주무관",
                    "sector": "government",
                    "language": "ko",
                    "consent_privacy": "on",
                },
            )
            if response.status_code == 200:
                form = response.context["adminform"].form
                assert form.errors == {"email": ["이 이메일 주소로 이미 이 포럼에 신청되어 있습니다."]}, form.errors
                outcomes.append(("form error", form.errors))
            else:
                outcomes.append((response.status_code, None))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=register_at_the_desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Registration.objects.filter(forum=forum).count() == 1
    # One desk registered the person; the other got the form back with the error in Korean,
    # never a 500, whether the first had committed before its form was checked or only
    # before its service took the forum lock.
    assert sorted(str(status) for status, _messages in outcomes) == ["302", "form error"]


def test_registrations_racing_a_forum_cancel_all_end_cancelled_and_told(postgres_only):
    from attendees.registrations.forum_changes import forum_cancel

    forum = ForumFactory(capacity=5)
    start_together = threading.Barrier(PEOPLE + 1)
    outcomes, errors = [], []

    def register(index):
        try:
            start_together.wait(timeout=30)
            services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"person{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
            outcomes.append("registered")
        except services.RegistrationError as refusal:
            outcomes.append(refusal.code)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    def cancel():
        try:
            start_together.wait(timeout=30)
            outcomes.append(("told", forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="태풍")))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(index,)) for index in range(PEOPLE)]
    threads.append(threading.Thread(target=cancel))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    registered = outcomes.count("registered")
    assert registered + outcomes.count("closed") == PEOPLE
    [told] = [outcome[1] for outcome in outcomes if isinstance(outcome, tuple)]
    # Everyone who got in before the cancellation took the lock was told; nobody got in after.
    assert told == registered
    assert not Registration.objects.filter(forum=forum).active().exists()
    assert queued_mail(subject__contains="포럼이 취소되었습니다").count() == registered
