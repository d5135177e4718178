"""Benchmarks: public page latency with a year and a half of forums, registration
throughput under concurrency, and the cost of cancelling a forum with 100 people
registered. Prints figures; asserts nothing (goals are in README).

    make bench                                    # on SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site make bench

It runs against a throw-away test database, never the site's own.
"""

import logging
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()
logging.disable(logging.INFO)  # the figures only, not each registration's log line

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

FORUMS = 30
REQUESTS = 40
PEOPLE = 60
SEATS = 40


def build_archive():
    from tests.events.test_query_counts import add_forums
    from tests.factories import SeriesFactory

    series = SeriesFactory(slug="bench")
    add_forums(series, range(1, FORUMS + 1))
    return series


def time_pages(client):
    pages = {
        "home": "/",
        "forum list": "/forums/",
        "forum detail": "/forums/bench/15/",
        "talk detail": "/forums/bench/15/talks/talk-15-1/",
        "speakers": "/speakers/",
        "search": "/search/?q=인공지능",
        "calendar (.ics)": "/forums.ics",
        "sitemap": "/sitemap.xml",
    }
    print(f"\nPublic pages, {FORUMS} forums with talks, speakers, quotes, photos ({REQUESTS} requests each):")
    print(f"  {'page':<18}{'median ms':>10}{'p95 ms':>10}")
    for name, url in pages.items():
        client.get(url)  # warm up
        timings = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"  {name:<18}{statistics.median(timings):>10.1f}{p95:>10.1f}")


def time_registrations():
    from attendees import services
    from attendees.models import Registration
    from tests.factories import ForumFactory

    forum = ForumFactory(capacity=SEATS)
    barrier = threading.Barrier(PEOPLE)
    durations, errors = [], []

    def register(index):
        try:
            barrier.wait()
            start = time.perf_counter()
            services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"bench{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
            durations.append((time.perf_counter() - start) * 1000)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(PEOPLE)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    confirmed = Registration.objects.filter(forum=forum).confirmed().count()
    durations.sort()
    print(f"\nRegistrations: {PEOPLE} people at once for {SEATS} seats ({connection.vendor}):")
    print(f"  wall time {elapsed * 1000:.0f} ms, {PEOPLE / elapsed:.0f} registrations/s")
    print(f"  per registration: median {statistics.median(durations):.1f} ms, max {durations[-1]:.1f} ms")
    print(f"  confirmed {confirmed} of {SEATS} seats, errors {len(errors)}")


CANCEL_CONFIRMED = 80
CANCEL_WAITING = 20


def time_forum_cancel():
    """A forum with 100 people registered is cancelled: the time the forum lock is held,
    the queries inside it, and the rendering of the 100 mails after the commit."""
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext
    from post_office.models import Email

    from attendees.forum_changes import forum_cancel
    from attendees.mail import pending_mail_render
    from attendees.models import ActorKind, Registration
    from tests.factories import ForumFactory, RegistrationFactory

    forum = ForumFactory(capacity=CANCEL_CONFIRMED)
    RegistrationFactory.create_batch(CANCEL_CONFIRMED, forum=forum)
    RegistrationFactory.create_batch(CANCEL_WAITING, forum=forum, status="waitlisted")
    pending_mail_render()
    mails_before = Email.objects.count()
    # The outer block holds the commit, so what runs inside it is what runs under the
    # lock; the mails are rendered by the on-commit hook when it ends.
    with CaptureQueriesContext(connection) as render_queries:
        with CaptureQueriesContext(connection) as locked_queries:
            start = time.perf_counter()
            with transaction.atomic():
                told = forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="bench")
                locked = time.perf_counter()
                locked_count = len(locked_queries)
        committed_and_rendered = time.perf_counter()
    mails = Email.objects.count() - mails_before
    print(f"\nForum cancel, {CANCEL_CONFIRMED} confirmed + {CANCEL_WAITING} waiting ({connection.vendor}):")
    print(
        f"  people told {told}, mails queued {mails}, registrations left active "
        f"{Registration.objects.filter(forum=forum).active().count()}"
    )
    print(f"  under the forum lock: {(locked - start) * 1000:.1f} ms, {locked_count} queries")
    print(
        f"  after the commit, rendering the mails: {(committed_and_rendered - locked) * 1000:.0f} ms, "
        f"{len(render_queries) - locked_count} queries"
    )


def main():
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    # A file, not memory, so the registration threads share the SQLite database.
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(__file__).resolve().parent.parent / "var" / "bench.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        build_archive()
        time_pages(Client())
        time_registrations()
        time_forum_cancel()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
