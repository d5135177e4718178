import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.processes import redis_db

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "k" * 20 + "-a-long-random-value-for-the-check-" + "x" * 20


def manage(*args, **env):
    # Only what the test names: no DEBUG, SECRET_KEY or test-session flags from outside.
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], env={**base, **env}, capture_output=True, text=True, cwd=PROJECT_ROOT
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="false")
    assert result.returncode == 1
    assert "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off." in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="forum.gwangju.go.kr",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_the_deploy_check_asks_for_a_shared_cache():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="forum.gwangju.go.kr",
    )
    assert result.returncode == 1
    assert "forum_site.W001" in result.stderr


def test_redis_cache_url_loads_its_client():
    code = (
        "from django.core.cache import caches; cache = caches['default']; cache.set('probe', 1); "
        "print(type(cache).__module__, cache.get('probe'))"
    )
    result = manage(
        "shell", "--no-imports", "-c", code, DEBUG="true", CACHE_URL=f"redis://127.0.0.1:6379/{redis_db(3)}"
    )
    assert result.stdout == "forum_site.redis_cache 1\n", result.stderr


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "ko"
    assert [code for code, _name in settings.LANGUAGES] == ["ko", "en"]
    assert settings.TIME_ZONE == "Asia/Seoul"
    assert settings.USE_TZ is True
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE


def test_sqlite_waits_for_the_write_lock(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = manage(
        "shell", "--no-imports", "-c", code, DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )
    assert result.stdout == "{'transaction_mode': 'IMMEDIATE', 'timeout': 20}\n"


def test_migrations_are_complete():
    result = manage("makemigrations", "--check", "--dry-run", DEBUG="true")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "No changes detected\n"


def test_access_records_cannot_be_kept_shorter_than_two_years():
    result = manage("check", DEBUG="true", ACCESS_RECORD_RETENTION_DAYS="729")
    assert result.returncode == 1
    assert "ACCESS_RECORD_RETENTION_DAYS must be at least 730 (two years)." in result.stderr


def test_a_bare_pytest_runs_without_the_makefiles_environment():
    # No DATABASE_URL either: the child must not touch the test database this run is using.
    base = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/forum_site/test_clock.py"],
        env=base,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
