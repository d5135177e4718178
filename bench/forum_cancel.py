"""A forum with 100 people registered is cancelled: the time the forum's row lock is held
and its queries, then the worker's time to render and send the 100 mails (to Django's
in-memory mail backend, so that only our own work is timed). Prints figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/forum_cancel.py
"""

import logging
import time

from bench_db import bench_database_setup

CONFIRMED, WAITING = 80, 20


def main():
    teardown = bench_database_setup()
    logging.disable(logging.INFO)
    try:
        from django.conf import settings
        from django.db import connection, transaction
        from django.test.utils import CaptureQueriesContext

        from attendees.models import ActorKind, PendingMail
        from attendees.outbox.delivery import outbox_deliver
        from attendees.registrations.forum_changes import forum_cancel
        from tests.factories import ForumFactory, RegistrationFactory

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        forum = ForumFactory(capacity=CONFIRMED)
        RegistrationFactory.create_batch(CONFIRMED, forum=forum)
        RegistrationFactory.create_batch(WAITING, forum=forum, status="waitlisted")
        with CaptureQueriesContext(connection) as locked_queries:
            start = time.perf_counter()
            with transaction.atomic():
                told = forum_cancel(forum=forum, by=ActorKind.SYSTEM, reason="bench")
            locked = time.perf_counter()
        pending = PendingMail.objects.count()
        with CaptureQueriesContext(connection) as delivery_queries:
            sent = outbox_deliver()
        delivered = time.perf_counter()
        print(f"\nForum cancel, {CONFIRMED} confirmed + {WAITING} waiting ({connection.vendor}):")
        print(f"  people told {told}, mails in the outbox {pending}, sent by one worker round {sent}")
        print(f"  under the forum lock: {(locked - start) * 1000:.1f} ms, {len(locked_queries)} queries")
        print(
            f"  the worker rendering and sending them: {(delivered - locked) * 1000:.0f} ms, "
            f"{len(delivery_queries)} queries ({len(delivery_queries) / max(sent, 1):.1f} per mail)"
        )
    finally:
        teardown()


if __name__ == "__main__":
    main()
