import datetime
import os
import subprocess
import sys

import time_machine

from forum_site.core import clock

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@time_machine.travel(datetime.datetime(2026, 11, 24, 8, 15, tzinfo=SEOUL), tick=False)
def test_clock_follows_the_real_time_without_a_demo_day():
    assert clock.today() == datetime.date(2026, 11, 24)
    assert clock.now() == datetime.datetime(2026, 11, 24, 8, 15, tzinfo=SEOUL)


@time_machine.travel(datetime.datetime(2026, 11, 24, 8, 15, tzinfo=SEOUL), tick=False)
def test_demo_day_moves_today_and_keeps_the_time_of_day(settings):
    settings.FORUM_SITE_TODAY = datetime.date(2020, 8, 6)
    assert clock.today() == datetime.date(2020, 8, 6)
    assert clock.now() == datetime.datetime(2020, 8, 6, 8, 15, tzinfo=SEOUL)


def test_a_demo_moment_starts_the_clock_there_and_lets_it_run(settings):
    with time_machine.travel(datetime.datetime(2026, 11, 24, 8, 15, tzinfo=SEOUL), tick=False) as traveller:
        settings.FORUM_SITE_CLOCK_SET_AT = datetime.datetime.now(tz=datetime.UTC)
        settings.FORUM_SITE_TODAY = datetime.datetime(2020, 9, 8, 15, 25, tzinfo=SEOUL)
        assert clock.now() == datetime.datetime(2020, 9, 8, 15, 25, tzinfo=SEOUL)
        traveller.shift(datetime.timedelta(minutes=6))
        assert clock.now() == datetime.datetime(2020, 9, 8, 15, 31, tzinfo=SEOUL)
        assert clock.today() == datetime.date(2020, 9, 8)


@time_machine.travel(datetime.datetime(2026, 11, 23, 23, 30, tzinfo=datetime.UTC), tick=False)
def test_today_is_the_date_in_seoul_not_utc():
    assert clock.today() == datetime.date(2026, 11, 24)


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "forum_site.settings", "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    )


def test_forum_site_today_environment_variable_sets_the_day():
    result = run_python(
        "import django; django.setup(); from forum_site.core import clock; print(clock.today())",
        FORUM_SITE_TODAY="2020-08-06",
    )
    assert result.stdout == "2020-08-06\n"


def test_forum_site_today_may_be_a_moment_in_seoul_time():
    result = run_python(
        "import django; django.setup(); from forum_site.core import clock;"
        " print(clock.now().isoformat(timespec='minutes'))",
        FORUM_SITE_TODAY="2020-09-08T15:25",
    )
    assert result.stdout == "2020-09-08T15:25+09:00\n"


def test_forum_site_today_must_be_a_date():
    result = run_python("import django; django.setup()", FORUM_SITE_TODAY="6 Aug 2020")
    assert result.returncode == 1
    assert "FORUM_SITE_TODAY must be a date written YYYY-MM-DD, or a moment written YYYY-MM-DDTHH:MM." in result.stderr
