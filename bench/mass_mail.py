"""A mass mail at the scale the site must bear: an announcement to 5,000 confirmed news
subscribers, queued by the staff's action and delivered by the real worker
(`manage.py run_worker`) to a local SMTP sink that answers at once. Against it, the floor:
one smtplib connection sending the same 5,000 rendered messages, in the same run.

Prints the time the staff's action takes (its one transaction: how long it holds any
lock, and that it returns before anything is sent), the time to deliver all 5,000, the
delivery's rate over the floor's (the goal: at least 0.5x), and whether any address got
the mail twice.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/mass_mail.py
"""

import os
import smtplib
import subprocess
import sys
import time
from collections import Counter

from bench_db import ROOT, bench_database_setup, bench_database_url

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", 5000))
WORKERS = int(os.environ.get("BENCH_MAIL_WORKERS", 1))
GOAL = 0.5


def subscribers(count: int) -> None:
    from attendees.models import Subscription
    from forum_site.core import clock

    now = clock.now()
    Subscription.objects.bulk_create(
        Subscription(
            email=f"reader{index:05d}@example.kr", consented_at=now, consent_version="bench", reconfirmed_at=now
        )
        for index in range(count)
    )


def worker(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": bench_database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def floor(port: int, messages) -> float:
    """One smtplib connection sending every message: what no worker can beat here."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as connection:
        for message in messages:
            connection.send_message(message)
    return time.perf_counter() - started


def main():
    teardown = bench_database_setup()
    from django.contrib.auth.models import User
    from post_office.models import Email

    from attendees.models import PendingMail
    from attendees.news.subscriptions import forum_announce
    from attendees.outbox.delivery import SEVEN_BIT_UTF8
    from attendees.outbox.rendering import parts_placed
    from tests.factories import ForumFactory, seoul
    from tests.smtp import free_port, running_smtp_server

    processes = []
    try:
        subscribers(SUBSCRIBERS)
        forum = ForumFactory(number=3, status="published", starts_at=seoul(2031, 3, 12))
        staff = User.objects.create_user("bench-staff")
        port = free_port()
        with running_smtp_server(port) as inbox:
            started = time.perf_counter()
            queued = forum_announce(forum, by=staff)
            action = time.perf_counter() - started
            delivered_before_return = len(inbox.messages)
            processes += [worker(port) for _ in range(WORKERS)]
            while len(inbox.messages) < SUBSCRIBERS and time.perf_counter() - started < 1800:
                time.sleep(0.2)
            delivery = time.perf_counter() - started
            delivered = len(inbox.messages)
            recipients = Counter(message.rcpt_tos[0] for message in inbox.messages)
            for process in processes:
                process.terminate()
                process.wait(timeout=60)
            processes = []
            left = PendingMail.objects.count()
            messages = []
            for stored in Email.objects.order_by("pk")[:SUBSCRIBERS]:
                message = parts_placed(stored.email_message())
                message.encoding = SEVEN_BIT_UTF8
                messages.append(message.message())
            floor_seconds = floor(port, messages)
        rate, floor_rate = delivered / delivery, len(messages) / floor_seconds
        twice = sum(1 for count in recipients.values() if count > 1)
        print(f"An announcement to {SUBSCRIBERS:,} subscribers, {WORKERS} worker(s), a local SMTP sink:")
        print(f"  the staff's action: {action * 1000:.0f} ms, one transaction; {queued:,} queued,"
              f" {delivered_before_return} sent before it returned")  # fmt: skip
        print(f"  delivery: {delivery:.1f} s for {delivered:,} messages ({rate:.0f}/s);"
              f" {left} left in the outbox; {twice} addresses got it twice")  # fmt: skip
        print(f"  the floor (one smtplib connection, the same {len(messages):,} messages): {floor_seconds:.1f} s"
              f" ({floor_rate:.0f}/s)")  # fmt: skip
        print(f"  delivery / floor: {rate / floor_rate:.2f}x (goal: >= {GOAL}x)")
    finally:
        for process in processes:
            process.terminate()
        teardown()


if __name__ == "__main__":
    sys.exit(main())
