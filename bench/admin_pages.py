"""The staff admin with 100,000 registrations over 308 forums: each changelist, search and
change page, median of 5 requests and its number of queries. Prints figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/admin_pages.py
"""

import logging
import statistics
import time

from bench_db import bench_database_setup

FORUMS = 308
REGISTRATIONS = 100_000
TRIES = 5


def build():
    from django.contrib.auth.models import User
    from django.db import connection

    from attendees.models import Registration
    from attendees.registrations.seat_counts import seat_counts_recount
    from bench.archive import archive_build
    from events.models import Forum

    archive_build(FORUMS)
    forums = list(Forum.objects.order_by("number"))
    per_forum = REGISTRATIONS // len(forums)
    batch = []
    surnames = "김이박최정강조윤장임"
    for forum_index, forum in enumerate(forums):
        for index in range(per_forum):
            number = forum_index * per_forum + index
            batch.append(
                Registration(
                    forum=forum,
                    name=f"{surnames[number % 10]}참가{number}",
                    email=f"person{number}@example.kr",
                    organization=f"기관{number % 500}",
                    position="연구원",
                    sector=("industry", "academia", "research", "government")[number % 4],
                    status="confirmed" if index < 100 else "waitlisted",
                    consent_privacy=True,
                    consent_version="2020-08",
                )
            )
        if len(batch) >= 5000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    for forum in forums:
        seat_counts_recount(forum)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would have, after a bulk load
    return User.objects.create_superuser("bench-admin", password="a-long-password-1"), forums


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(TRIES):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(queries)


def main():
    teardown = bench_database_setup()
    logging.disable(logging.INFO)  # the figures, not a line per request
    try:
        from django.db import connection
        from django.test import Client

        from attendees.models import Registration

        started = time.perf_counter()
        admin, forums = build()
        print(f"built {Registration.objects.count()} registrations in {time.perf_counter() - started:.0f} s")
        client = Client()
        client.force_login(admin)
        registration = Registration.objects.order_by("pk")[REGISTRATIONS // 2]
        forum = forums[len(forums) // 2]
        pages = {
            "registrations": "/admin/attendees/registration/",
            "registrations of a forum": f"/admin/attendees/registration/?forum__id__exact={forum.pk}",
            "search by email": "/admin/attendees/registration/?q=person54321@example.kr",
            "search by name": "/admin/attendees/registration/?q=김참가5432",
            "registration page": f"/admin/attendees/registration/{registration.pk}/change/",
            "forums": "/admin/events/forum/",
            "forum page": f"/admin/events/forum/{forum.pk}/change/",
        }
        print(f"\nAdmin, {REGISTRATIONS:,} registrations over {FORUMS} forums ({connection.vendor}):")
        print(f"  {'page':<26}{'median ms':>10}{'queries':>9}")
        for name, url in pages.items():
            client.get(url)  # warm up
            median, queries = measure(client, url)
            print(f"  {name:<26}{median:>10.1f}{queries:>9}")
    finally:
        teardown()


if __name__ == "__main__":
    main()
