"""The registration limits hold across processes when they share Redis, as production's workers do."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# One worker process: take as many registrations as the limits allow, out of `tries`.
WORKER = """
from types import SimpleNamespace
from django.test import RequestFactory
from attendees.registrations import throttle
forum = SimpleNamespace(pk={forum_pk})
accepted = 0
for index in range({tries}):
    request = RequestFactory().post("/", REMOTE_ADDR="{address}")
    email = f"person{{index}}-{{__import__('os').getpid()}}@example.kr"
    if throttle.registration_reserve(request, forum=forum, email=email) is not None:
        accepted += 1
print(accepted)
"""


def run_worker(redis_url, forum_pk, address, tries):
    env = {**os.environ, "DEBUG": "true", "CACHE_URL": redis_url, "REGISTRATION_RATE_LIMIT_PER_IP": "10/h"}
    code = WORKER.format(forum_pk=forum_pk, address=address, tries=tries)
    return subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_workers_together_accept_the_limit_once(redis_url):
    # Keys no earlier run has counted: Redis keeps its counters between runs.
    run = uuid.uuid4().int
    forum_pk, address = run % 10**9, f"10.{run % 251}.{run // 251 % 251}.{run // 63001 % 251}"
    workers = [run_worker(redis_url, forum_pk, address, tries=40) for _ in range(2)]
    outputs = [worker.communicate(timeout=60) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    assert sum(int(stdout) for stdout, _stderr in outputs) == 10
