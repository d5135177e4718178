"""Where a forum's registration state should live: on the forum's own row (today: the seat
counters and the reminder and announcement stamps on events.Forum, the row every
registration locks), or on a one-to-one row of attendees' own that registrations lock
instead, so that an edit of the forum's text never queues behind a burst.

Both are measured in one run, on PostgreSQL (SQLite has no row locks): 500 registrations
from 8 processes, as a 500-person burst reaches 8 gunicorn workers, while a member of staff
saves the forum's text every 25 ms. Printed: the save's time alone, during the burst with
the state on the forum (the code as it is), and during the burst with the state on a row of
its own. The second is a prototype, made here only: the registration code runs unchanged
but for the two functions that lock the state and move the counters, pointed at a table
this script creates in the throw-away bench database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/forum_state_lock.py
"""

import logging
import multiprocessing
import statistics
import time

from bench_db import bench_database_setup

REGISTRANTS, PEOPLE, CAPACITY = 8, 500, 100
EDIT_EVERY = 0.025  # seconds between two saves of the forum's text


def own_row_prototype():
    """The state on a row of its own: locked_forum() locks that row (and reads the
    counters from it), seat_counts_move() writes them there. Nothing else changes."""
    from django.db import connection

    from attendees.registrations import services, transitions
    from events.models import Forum

    def locked_state(forum):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT seats_taken, waiting_count FROM bench_forum_state WHERE forum_id = %s FOR UPDATE", [forum.pk]
            )
            seats_taken, waiting_count = cursor.fetchone()
        fresh = Forum.objects.get(pk=forum.pk)
        fresh.seats_taken, fresh.waiting_count = seats_taken, waiting_count
        return fresh

    def counts_move(forum, moves):
        # A burst only creates registrations (before is None): all the prototype needs.
        seats = sum(1 for registration, before in moves if before is None and registration.status == "confirmed")
        waiting = sum(1 for registration, before in moves if before is None and registration.status == "waitlisted")
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE bench_forum_state SET seats_taken = seats_taken + %s, waiting_count = waiting_count + %s "
                "WHERE forum_id = %s",
                [seats, waiting, forum.pk],
            )
        forum.seats_taken += seats
        forum.waiting_count += waiting

    services.locked_forum = locked_state
    transitions.seat_counts_move = counts_move


def register_people(forum_pk: int, first: int, count: int, own_row: bool) -> None:
    from django.db import connections

    connections.close_all()  # a connection of its own, not the parent's
    if own_row:
        own_row_prototype()
    from events.models import Forum
    from tests.factories import registered

    forum = Forum.objects.get(pk=forum_pk)
    for index in range(first, first + count):
        registered(forum, email=f"person{index}@example.com", name=f"참가자{index}")
    connections.close_all()


def forum_text_saves(forum_pk: int, until) -> list[float]:
    """Save the forum's text as the admin does, every EDIT_EVERY, while until() is False;
    returns each save's time in ms."""
    from django.db import transaction

    from events.models import Forum

    times = []
    edit = 0
    while not until():
        forum = Forum.objects.get(pk=forum_pk)
        forum.title = f"인공지능과 산업혁신 ({edit})"
        start = time.perf_counter()
        with transaction.atomic():
            forum.save()
        times.append((time.perf_counter() - start) * 1000)
        edit += 1
        time.sleep(EDIT_EVERY)
    return times


def burst(forum_pk: int, own_row: bool) -> tuple[float, list[float]]:
    """Seconds the burst took, and the text saves' times during it."""
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    shares = [PEOPLE // REGISTRANTS + (n < PEOPLE % REGISTRANTS) for n in range(REGISTRANTS)]
    firsts = [forum_pk * 10_000 + sum(shares[:n]) for n in range(REGISTRANTS)]
    processes = [
        context.Process(target=register_people, args=(forum_pk, first, share, own_row))
        for first, share in zip(firsts, shares, strict=True)
    ]
    start = time.perf_counter()
    for process in processes:
        process.start()
    saves = forum_text_saves(forum_pk, until=lambda: not any(process.is_alive() for process in processes))
    elapsed = time.perf_counter() - start
    for process in processes:
        process.join()
        assert process.exitcode == 0, "a registering process failed"
    return elapsed, saves


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) >= 20 else ordered[-1]
    median = statistics.median(ordered)
    return f"median {median:5.1f} ms, p95 {p95:5.1f} ms, max {ordered[-1]:6.1f} ms ({len(ordered)} saves)"


def main():
    teardown = bench_database_setup()
    logging.disable(logging.INFO)
    try:
        from django.db import connection

        from attendees.models import Registration
        from tests.factories import ForumFactory

        if connection.vendor != "postgresql":
            print("forum_state_lock: row locks are PostgreSQL's; run with DATABASE_URL=postgres://...")
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE bench_forum_state (forum_id integer PRIMARY KEY REFERENCES events_forum(id), "
                "seats_taken integer NOT NULL DEFAULT 0, waiting_count integer NOT NULL DEFAULT 0)"
            )
        alone = ForumFactory(capacity=CAPACITY)
        deadline = time.perf_counter() + 3
        quiet = forum_text_saves(alone.pk, until=lambda: time.perf_counter() > deadline)

        on_forum = ForumFactory(capacity=CAPACITY)
        forum_seconds, forum_saves = burst(on_forum.pk, own_row=False)

        on_own_row = ForumFactory(capacity=CAPACITY)
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_forum_state (forum_id) VALUES (%s)", [on_own_row.pk])
        own_seconds, own_saves = burst(on_own_row.pk, own_row=True)

        for forum in (on_forum, on_own_row):
            assert Registration.objects.filter(forum=forum).count() == PEOPLE
        print(f"\nA forum's registration state during a {PEOPLE}-person burst ({REGISTRANTS} processes, PostgreSQL):")
        print(f"  the forum's text saved, no burst:            {summary(quiet)}")
        print(f"  state on the forum's row (as built):         {summary(forum_saves)}")
        print(f"  state on a row of its own (prototype):       {summary(own_saves)}")
        print(
            f"  the burst itself: {PEOPLE / forum_seconds:5.0f} registrations/s on the forum's row, "
            f"{PEOPLE / own_seconds:5.0f} on a row of its own"
        )
    finally:
        teardown()


if __name__ == "__main__":
    main()
