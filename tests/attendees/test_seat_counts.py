"""The forum's seat counters, kept by the services, always equal the true counts."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attendees.models import ActorKind, Registration
from attendees.registrations import services
from attendees.registrations.erasure import registration_erase
from attendees.registrations.forum_changes import forum_cancel
from attendees.registrations.seat_counts import over_capacity_true, seat_counts_true
from events.models import Forum
from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.integers(0, 9)),
        st.tuples(st.just("walk_in_over_capacity"), st.integers(0, 9)),
        st.tuples(st.just("cancel"), st.integers(0, 9)),
        st.tuples(st.just("erase"), st.integers(0, 9)),
        st.tuples(st.just("promote"), st.integers(0, 9)),
        st.tuples(st.just("capacity"), st.integers(0, 5)),
        st.tuples(st.just("cancel_forum"), st.just(0)),
    ),
    max_size=25,
)


def apply(forum, staff, step, argument):
    people = list(Registration.objects.filter(forum=forum).order_by("pk"))
    person = people[argument % len(people)] if people else None
    try:
        if step in ("register", "walk_in_over_capacity"):
            services.registration_create(
                forum=forum,
                name="김광주",
                email=f"p{argument}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
                by=staff if step == "walk_in_over_capacity" else ActorKind.ATTENDEE,
                walk_in=step == "walk_in_over_capacity",
                admit_over_capacity=step == "walk_in_over_capacity",
            )
        elif step == "cancel" and person:
            services.registration_cancel(registration=person, by=staff)
        elif step == "erase" and person:
            registration_erase(registration=person)
        elif step == "promote" and person:
            services.registration_promote(registration=person, by=staff)
        elif step == "capacity":
            services.forum_capacity_change(forum=forum, capacity=argument, by=staff)
        elif step == "cancel_forum":
            forum_cancel(forum=forum, by=staff, reason="태풍")
    except services.RegistrationError:
        pass  # refused (full, closed, already cancelled...): nothing may have changed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_counters_equal_the_registrations_after_any_sequence_of_changes(staff_user, steps):
    forum = ForumFactory(capacity=2, starts_at=seoul(2030, 1, 8))
    for step, argument in steps:
        apply(forum, staff_user, step, argument)
        stored = Forum.objects.get(pk=forum.pk)
        assert (stored.seats_taken, stored.waiting_count) == seat_counts_true(forum), (step, argument)
        assert stored.over_capacity_count == over_capacity_true(forum), (step, argument)


def test_an_admin_edit_never_writes_back_counters_it_loaded_earlier(staff_user):
    forum = ForumFactory(capacity=5, starts_at=seoul(2030, 1, 8))
    loaded = Forum.objects.get(pk=forum.pk)  # as the change form loads it
    apply(forum, staff_user, "register", 1)
    loaded.title = "바뀐 주제"
    loaded.save()
    stored = Forum.objects.get(pk=forum.pk)
    assert (stored.title, stored.seats_taken) == ("바뀐 주제", 1)
