"""Thirty people press "register" at the same moment for ten seats (PostgreSQL)."""

import collections
import functools

import pytest

from attendees.models import ActorKind, Registration
from attendees.registrations import services
from attendees.registrations.seat_counts import seat_counts_true
from tests.concurrency import run_together
from tests.factories import ForumFactory
from tests.mailbox import queued_mail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 30
SEATS = 10
EDITS_PER_PERSON = 5


def test_concurrent_registrations_never_overbook(postgres_only):
    forum = ForumFactory(capacity=SEATS)

    def register(index):
        return services.registration_create(
            forum=forum,
            name=f"참가자{index}",
            email=f"person{index}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        ).status

    statuses, errors = run_together([functools.partial(register, index) for index in range(PEOPLE)])
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
    _results, errors = run_together(
        [functools.partial(services.registration_cancel, registration=h, by=ActorKind.ATTENDEE) for h in holders]
    )
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

    def edit(registration):
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
        # Staff keep saving while the cancellations go through, so edits overlap them.
        answers = [client.post(url, {**form, "position": f"연구원 {attempt}"}) for attempt in range(EDITS_PER_PERSON)]
        return [f"edit {registration.pk}: {a.status_code}" for a in answers if a.status_code != 302]

    cancels = [functools.partial(services.registration_cancel, registration=h, by=ActorKind.ATTENDEE) for h in holders]
    results, errors = run_together([*cancels, *(functools.partial(edit, holder) for holder in holders)])
    assert errors == []
    assert [failed for edits in results[seats:] for failed in edits] == []
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

    def register_at_the_desk():
        client = Client()
        client.force_login(staff)
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
            return ("form error", form.errors)
        return (response.status_code, None)

    outcomes, errors = run_together([register_at_the_desk, register_at_the_desk])
    assert errors == []
    assert Registration.objects.filter(forum=forum).count() == 1
    # One desk registered the person; the other got the form back with the error in Korean,
    # never a 500, whether the first had committed before its form was checked or only
    # before its service took the forum lock.
    assert sorted(str(status) for status, _messages in outcomes) == ["302", "form error"]


def test_registrations_racing_a_forum_cancel_all_end_cancelled_and_told(postgres_only):
    from attendees.registrations.forum_changes import forum_cancel

    forum = ForumFactory(capacity=5)

    def register(index):
        try:
            services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"person{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
        except services.RegistrationError as refusal:
            return refusal.code
        return "registered"

    def cancel():
        return ("told", forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="태풍"))

    outcomes, errors = run_together([*(functools.partial(register, index) for index in range(PEOPLE)), cancel])
    assert errors == []
    registered = outcomes.count("registered")
    assert registered + outcomes.count("closed") == PEOPLE
    [told] = [outcome[1] for outcome in outcomes if isinstance(outcome, tuple)]
    # Everyone who got in before the cancellation took the lock was told; nobody got in after.
    assert told == registered
    assert not Registration.objects.filter(forum=forum).active().exists()
    assert queued_mail(subject__contains="포럼이 취소되었습니다").count() == registered
