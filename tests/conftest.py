"""Fixtures shared by the whole suite."""

import datetime
import os
import shutil
import socket

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from events.demo import load_demo
from tests.processes import collectstatic, redis_db

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Uploaded test images go to a throw-away folder, never into var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _real_clock(settings):
    # The suite runs on the real (or frozen) clock even if a developer exported a demo day.
    settings.FORUM_SITE_TODAY = None


@pytest.fixture(autouse=True)
def _default_language():
    # A request to an /en/ page leaves English active in the thread: each test starts in
    # the site's default language, as a new request does.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def deliver_mail():
    """One round of mail delivery, as the worker does it."""
    return lambda: call_command("deliver_mail")


@pytest.fixture
def demo(db):
    """The Gwangju series as `make run` loads it."""
    return load_demo()


@pytest.fixture
def new_years_day_2030():
    """Noon on 1 January 2030 in Seoul, a week before the forums the mail tests make."""
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False) as traveller:
        yield traveller


@pytest.fixture
def day_after_second_forum():
    """Frozen at 2020-08-06 09:00 KST, the demo's day."""
    with time_machine.travel(datetime.datetime(2020, 8, 6, 9, 0, tzinfo=SEOUL), tick=False) as traveller:
        yield traveller


@pytest.fixture
def one_rate_window():
    """The clock set back to the start of this hour, and running. Rate limits count in fixed
    windows that turn on the hour and at :15, :30 and :45 (forum_site/core/rate_limits.py):
    a test that counts requests against one must not see its window turn and its count
    start again (CI's PostgreSQL run once met 16:00:00 in the middle of a login flood)."""
    now = datetime.datetime.now(datetime.UTC)
    with time_machine.travel(now.replace(minute=0, second=1, microsecond=0), tick=True) as traveller:
        yield traveller


@pytest.fixture
def postgres_only(db):
    """For what only PostgreSQL can show (row locks under concurrency). Skipped on SQLite,
    but a CI run against PostgreSQL that cannot reach it fails instead of skipping."""
    if connection.vendor == "postgresql":
        return
    if os.environ.get("CI") == "true" and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.fail("CI's PostgreSQL run is not on PostgreSQL: the concurrency tests would not run.")
    pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://... (CI's second run does)")


@pytest.fixture
def redis_url():
    """A Redis database of its own (production's shared cache). Skipped without Redis, but
    CI must have it."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI") == "true":
            pytest.fail("Redis is not running on 127.0.0.1:6379: CI must provide it.")
        pytest.skip("needs Redis on 127.0.0.1:6379")
    return f"redis://127.0.0.1:6379/{redis_db(2)}"


@pytest.fixture
def staff_user(db):
    """A staff account acting in the admin, for the services' `by`."""
    from django.contrib.auth.models import User

    return User.objects.create_user("desk-clerk", password="a-long-password-1", is_staff=True)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic, once for the session: DEBUG=false pages need its manifest."""
    root = tmp_path_factory.mktemp("staticfiles")
    collectstatic(root)
    return root
