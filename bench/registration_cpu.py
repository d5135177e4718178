"""Where a registration's CPU goes: 300 people POST the registration form through the
whole middleware stack (Django's test client, CSRF checks on), one after another, under
cProfile. Prints the CPU per registration, and its share by where the time is spent: our
code, the ORM building SQL, the database driver, the form, the middleware and the rest.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/registration_cpu.py
"""

import cProfile
import logging
import os
import pstats
import re
import time

from bench_db import bench_database_setup

PEOPLE = 300
# Where a function's own time is counted, by its file; the first that matches wins.
PLACES = [
    ("the database driver and the server's answer (psycopg2, sqlite3)", r"psycopg2|sqlite3|/backends/"),
    ("the ORM building SQL and model instances", r"django/db/models/"),
    ("the form and its validation", r"django/forms/|crispy_forms"),
    ("templates (the form page is not rendered: a redirect)", r"django/template/"),
    (
        "middleware, sessions, CSRF, the request and response",
        r"django/(middleware|contrib/sessions|http|core/handlers|utils/deprecation)",
    ),
    ("translations and lazy strings", r"django/utils/(translation|functional)"),
    ("the background-task enqueue (django-tasks)", r"django_tasks"),
    ("the edit history (django-auditlog)", r"auditlog"),
    ("the rest of Django", r"/django/"),
    ("our code (attendees, events, forum_site)", r"/(attendees|events|forum_site)/"),
    ("Python itself and other libraries", r""),
]


def main():
    teardown = bench_database_setup()
    logging.disable(logging.INFO)
    try:
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from attendees.models import Registration
        from tests.factories import ForumFactory

        forum = ForumFactory(capacity=100, number=90002)
        path = f"/forums/{forum.series.slug}/{forum.number}/register/"
        client = Client(enforce_csrf_checks=True)
        page = client.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)

        def register(index):
            data = {
                "csrfmiddlewaretoken": token,
                "name": f"참가자{index}",
                "email": f"cpu{index}@example.kr",
                "organization": "광주AI",
                "position": "연구원",
                "sector": "industry",
                "consent_privacy": "on",
            }
            response = client.post(path, data, REMOTE_ADDR=f"10.1.{index // 200}.{index % 200}")
            assert response.status_code == 302, response.status_code

        for index in range(20):  # warm: first imports, caches, prepared plans
            register(index)
        profile = cProfile.Profile(time.process_time)
        start = time.process_time()
        profile.enable()
        for index in range(20, 20 + PEOPLE):
            register(index)
        profile.disable()
        cpu = time.process_time() - start
        assert Registration.objects.filter(forum=forum).count() == PEOPLE + 20, "a registration was lost"

        shares = dict.fromkeys([label for label, _ in PLACES], 0.0)
        for (filename, _line, _name), (_calls, _primitive, own, _cumulative, _callers) in pstats.Stats(
            profile
        ).stats.items():
            label = next(label for label, pattern in PLACES if re.search(pattern, filename))
            shares[label] += own
        total = sum(shares.values())
        print(f"\nOne registration's CPU, {PEOPLE} in a row through the whole stack ({connection.vendor}):")
        print(f"  {cpu / PEOPLE * 1000:.1f} ms per registration (under cProfile; without it, about two thirds)")
        for label, own in sorted(shares.items(), key=lambda item: -item[1]):
            print(f"  {own / total * 100:4.0f} %  {label}")
        with CaptureQueriesContext(connection) as queries:
            register(20 + PEOPLE)
        print(f"  queries per registration: {len(queries)}")
        if top := int(os.environ.get("BENCH_TOP", 0)):  # the functions behind the shares
            pstats.Stats(profile).sort_stats(os.environ.get("BENCH_SORT", "tottime")).print_stats(top)
    finally:
        teardown()


if __name__ == "__main__":
    main()
