"""The site's own commands as real processes (workers, gunicorn) on the test database."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def shared_database_url() -> str:
    """DATABASE_URL of the database this test runs on (PostgreSQL: other processes can share it)."""
    assert connection.vendor == "postgresql", "other processes can share only a PostgreSQL test database"
    params = connection.settings_dict
    host = params["HOST"] or "127.0.0.1"
    port = params["PORT"] or 5432
    return f"postgres://{params['USER']}@{host}:{port}/{params['NAME']}"


def site_environment(**extra) -> dict:
    env = {**os.environ, "DATABASE_URL": shared_database_url(), "DEBUG": "true", "PYTHONUNBUFFERED": "1"}
    env.pop("FORUM_SITE_TODAY", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def start_manage(*arguments, log_path: Path, **env) -> subprocess.Popen:
    """`manage.py <arguments>` in the background, its output in log_path."""
    log = open(log_path, "ab")  # closed by stop()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=site_environment(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log = log
    return process


def stop(process: subprocess.Popen, *, kill: bool = False) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    process.log.close()


def wait_until(condition, *, timeout: float, what: str, interval: float = 0.1):
    """Poll until condition() is true; fail the test with `what` after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


PRODUCTION_SECRET_KEY = "test-only-" + "k" * 60


def production_environment(*, static_root: Path, cache_db: int, **extra) -> dict:
    """Settings as production has them (DEBUG off), on the test database and a Redis
    database of the test's own."""
    return {
        "DEBUG": "false",
        "SECRET_KEY": PRODUCTION_SECRET_KEY,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "STATIC_ROOT": static_root,
        "CACHE_URL": f"redis://127.0.0.1:6379/{cache_db}",
        "LOG_FORMAT": "json",
        **extra,
    }


def collectstatic(static_root: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "false", "SECRET_KEY": PRODUCTION_SECRET_KEY, "STATIC_ROOT": str(static_root)},
        check=True,
    )


def start_gunicorn(*binds, log_path: Path, workers: int = 2, **env) -> subprocess.Popen:
    arguments = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "-w", str(workers)]
    for bind in binds:
        arguments += ["-b", bind]
    log = open(log_path, "ab")  # closed by stop()
    process = subprocess.Popen(
        arguments, cwd=ROOT, env=site_environment(**env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    process.log = log
    return process


# The Redis databases the suite may use (and flush): four from TEST_REDIS_FIRST_DB on, so
# that a machine whose Redis databases 12-15 hold something else can move the suite.
REDIS_FIRST_DB = int(os.environ.get("TEST_REDIS_FIRST_DB", "12"))


def redis_db(offset: int) -> int:
    """The suite's Redis database number `offset` (0-3)."""
    assert 0 <= offset < 4
    return REDIS_FIRST_DB + offset


def redis_flush(db: int) -> None:
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=db).flushdb()
