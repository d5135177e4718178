"""Fixtures shared by the whole suite."""
import datetime
import shutil

import pytest
import time_machine

from events.demo import load_demo

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


@pytest.fixture
def demo(db):
    """The Gwangju series as `make run` loads it."""
    return load_demo()


@pytest.fixture
def day_after_second_forum():
    """Frozen at 2020-08-06 09:00 KST, the demo's day."""
    with time_machine.travel(datetime.datetime(2020, 8, 6, 9, 0, tzinfo=SEOUL), tick=False) as traveller:
        yield traveller
