"""The site as production serves it: gunicorn (deploy/gunicorn.conf.py) with DEBUG off,
the shared cache in Redis, on the bench database (PostgreSQL with DATABASE_URL). Prints:

- every public page at 30 and at 3,000 forums, from the cache (anonymous visitors) and
  uncached (a visitor with a session cookie), each beside a bare Django view and a static
  file served by the same gunicorn in the same run: requests per second, the ratio to the
  bare view, p99 latency; 3 rounds, interleaved, median of the rounds;
- 500 people registering at once for 100 seats: correctness, wall time, p50 and p99; and
  the same posts to a floor view that only takes the lock, writes one row and commits
  (bench/urls.py): what no registration can beat on this machine;
- how long one registration holds the forum's row lock.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_site .venv/bin/python bench/serving.py
"""

import json
import logging
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from bench_db import ROOT, bench_database_setup, bench_database_url
from cpu_use import cpu_reading, cpu_used
from load import WRK, burst, page_load

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
# BENCH_ONLY=burst measures the registration burst (and the lock) alone; =pages the pages alone.
ONLY = os.environ.get("BENCH_ONLY", "")
SECONDS = float(os.environ.get("BENCH_SECONDS", 2))
CONNECTIONS = 32
PAGE_WORKERS = 2  # as the audit measured
BURST_PEOPLE, BURST_SEATS = 500, 100
WORKER_NICENESS = 10  # as deploy/forum-site-worker.service
CACHE_URL = "redis://127.0.0.1:6379/11"
SECRET_KEY = secrets.token_urlsafe(50)


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def site_env(**extra) -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": bench_database_url(),
        "CACHE_URL": os.environ["CACHE_URL"],
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "ROOT_URLCONF": "bench.urls",
        "REGISTRATION_RATE_LIMIT_PER_IP": "100000/h",
        "REGISTRATION_RATE_LIMIT_PER_FORUM": "100000/h",
        "CONN_MAX_AGE": "600",
        **extra,
    }


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    """gunicorn with every worker booted and warmed up (its "ready" line in the log): the
    port answers as soon as the master listens, before any worker has loaded Django, and a
    burst sent then measures the workers' start instead of the site."""
    log_path = ROOT / "var" / f"bench-gunicorn-{port}.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
        ],
        cwd=ROOT,
        env=site_env(),
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if log_path.read_text().count(" ready (") >= workers:
            log.close()
            return process
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: see {log_path}")
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn's workers did not start: see {log_path}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def static_css() -> str:
    manifest = json.loads((ROOT / "var" / "bench-static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["vendor/bootstrap/bootstrap.min.css"]


def pages() -> dict:
    return {
        "bare Django view": "/bench/hello/",
        "static CSS (WhiteNoise)": static_css(),
        "home": "/",
        "forum": "/forums/bench/15/",
        "talk": "/forums/bench/15/talks/talk-15-1/",
        "forums (archive)": "/forums/",
        "speakers": "/speakers/",
        "speaker": "/speakers/bench-speaker-15-0/",
        "search, a common word": "/search/?" + urllib.parse.urlencode({"q": "인공지능"}),
        "search, a rare word": "/search/?" + urllib.parse.urlencode({"q": "연사15-1"}),
        "calendar (.ics)": "/forums.ics",
        "sitemap index": "/sitemap.xml",
        "sitemap of forums": "/sitemap-forums-ko.xml",
    }


UNCACHED = {"Cookie": "sessionid=bench-visitor-with-a-cookie"}


def measure_pages(base: str) -> dict:
    """{(page, cached): [figures of each round]}, rounds interleaved over the pages."""
    import urllib.request

    figures = {}
    for url in pages().values():
        urllib.request.urlopen(base + urllib.parse.quote(url, safe="/?=&%")).read()  # warm and cache
    for _round in range(ROUNDS):
        for name, url in pages().items():
            for cached in (True, False):
                if not cached and name in ("bare Django view", "static CSS (WhiteNoise)"):
                    continue
                headers = None if cached else UNCACHED
                result = page_load(
                    base + urllib.parse.quote(url, safe="/?=&%"),
                    connections=CONNECTIONS,
                    seconds=SECONDS,
                    headers=headers,
                )
                if result["rate"] == 0:
                    print(f"  (no answer from {name} {'cached' if cached else 'uncached'} in round {_round + 1})")
                figures.setdefault((name, cached), []).append(result)
                drained(base)
    return figures


def drained(base: str) -> None:
    """Wait until requests queued by the last run are answered: gunicorn's sync workers
    still serve what waits in the listen backlog after wrk has gone, and the next page's
    figures must not pay for it."""
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        start = time.perf_counter()
        urllib.request.urlopen(base + "/bench/hello/").read()
        if time.perf_counter() - start < 0.05:
            return
    raise RuntimeError("gunicorn did not drain its backlog")


def summary(rounds: list[dict]) -> dict:
    return {
        "rate": statistics.median(r["rate"] for r in rounds),
        "p99_ms": statistics.median(r["p99_ms"] for r in rounds),
        "errors": sum(r["errors"] for r in rounds),
    }


def print_pages(small: dict, large: dict, sizes: tuple[int, int]) -> None:
    bare = {
        size: summary(table[("bare Django view", True)])["rate"]
        for size, table in zip(sizes, (small, large), strict=True)
    }
    print(f"\nPublic pages under gunicorn ({PAGE_WORKERS} sync workers), {CONNECTIONS} connections, "
          f"{ROUNDS} rounds of {SECONDS} s, median; load from {'wrk' if WRK else 'Python threads'}")  # fmt: skip
    head = "".join(f"{f'{size} forums: req/s':>20}{'ratio':>7}{'p99 ms':>9}" for size in sizes)
    print(f"  {'page':<26}{'':<9}{head}")
    for name in pages():
        for cached in (True, False):
            if (name, cached) not in small:
                continue
            row = ""
            for size, table in zip(sizes, (small, large), strict=True):
                figures = summary(table[(name, cached)])
                flag = "" if figures["errors"] == 0 else f" ({figures['errors']} errors)"
                ratio = figures["rate"] / bare[size] if bare[size] else float("nan")
                row += f"{figures['rate']:>20.0f}{ratio:>7.2f}{figures['p99_ms']:>9.1f}{flag}"
            label = "cached" if cached else "uncached"
            print(f"  {name:<26}{label:<9}{row}")
    growth = []
    for name in pages():
        if (name, False) in small:
            before, after = summary(small[(name, False)])["rate"], summary(large[(name, False)])["rate"]
            growth.append(f"{name} {before / after:.2f}x" if after else f"{name} (no answer)")
    print("  uncached time per request at 3,000 forums over 30 (req/s at 30 / at 3,000): " + ", ".join(growth))


def registration_burst(base: str, port: int) -> None:
    from attendees.models import Registration
    from attendees.registrations.seat_counts import seat_counts_true
    from tests.factories import ForumFactory

    forum = ForumFactory(capacity=BURST_SEATS, number=90001)
    path = f"/forums/{forum.series.slug}/{forum.number}/register/"
    import urllib.request

    with urllib.request.urlopen(base + path) as page:
        cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
    bodies = [
        urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"참가자{index}",
                "email": f"burst{index}@example.kr",
                "organization": "광주AI",
                "position": "연구원",
                "sector": "industry",
                "consent_privacy": "on",
            }
        )
        for index in range(BURST_PEOPLE)
    ]
    before = cpu_reading()
    result = burst("127.0.0.1", port, path, bodies, cookie=f"csrftoken={cookie}")
    used = cpu_used(before, cpu_reading())
    from attendees.registrations import services

    registrations = Registration.objects.filter(forum=forum)
    positions = [services.waitlist_position(registration) for registration in registrations.waitlisted()]
    forum.refresh_from_db()
    print(f"\nRegistration burst: {BURST_PEOPLE} people POSTing at once for {BURST_SEATS} seats, through gunicorn "
          f"({os.cpu_count() * 2 + 1} sync workers) and a worker, on {connection_vendor()}:")  # fmt: skip
    print(f"  confirmed {registrations.confirmed().count()}, waiting {registrations.waitlisted().count()}, "
          f"waiting-list positions 1..{positions[-1] if positions else 0} "
          f"{'without gaps' if positions == list(range(1, len(positions) + 1)) else 'WITH GAPS'}, "
          f"errors {result['errors']} (statuses {result['statuses']})")  # fmt: skip
    print(f"  counters {forum.seats_taken}/{forum.waiting_count}, true counts {seat_counts_true(forum)}")
    print(f"  wall {result['wall_s']:.2f} s ({BURST_PEOPLE / result['wall_s']:.0f} registrations/s), "
          f"p50 {result['p50_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms")  # fmt: skip
    if used:
        # Over the whole burst, its second of opening connections included: what the
        # registrations cost the machine, against what its cores could give meanwhile.
        parts = ", ".join(f"{part} {seconds:.2f} s" for part, seconds in sorted(used.items(), key=lambda x: -x[1]))
        per_registration = used.get("gunicorn", 0) / BURST_PEOPLE * 1000
        available = os.cpu_count() * result["wall_s"]
        print(f"  CPU used: {parts} (gunicorn {per_registration:.1f} ms per registration); "
              f"the {os.cpu_count()} cores had {available:.2f} s in the burst's wall time")  # fmt: skip
    # The floor: the same posts to a view that does only what every registration must (the
    # forum's lock, one write, the commit) through the same gunicorn and middleware.
    floor = burst("127.0.0.1", port, f"/bench/locked-increment/{forum.pk}/", bodies, cookie=f"csrftoken={cookie}")
    print(f"  the floor (the same {BURST_PEOPLE} posts to a view that only takes the lock, writes one row and "
          f"commits): wall {floor['wall_s']:.2f} s, p50 {floor['p50_ms']:.0f} ms, p99 {floor['p99_ms']:.0f} ms, "
          f"errors {floor['errors']}")  # fmt: skip


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


def lock_hold_times(count: int = 200) -> None:
    """Milliseconds from taking the forum's row lock to the commit that releases it."""
    from django.db import connection, transaction

    from attendees.registrations import services
    from tests.factories import ForumFactory

    forum = ForumFactory(capacity=count // 2, number=90002)
    holds = []

    def timed(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "FOR UPDATE" in sql and '"events_forum"' in sql:
            locked = time.perf_counter()
            transaction.on_commit(lambda: holds.append((time.perf_counter() - locked) * 1000))
        return result

    with connection.execute_wrapper(timed):
        for index in range(count):
            services.registration_create(
                forum=forum,
                name=f"참가자{index}",
                email=f"lock{index}@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
    holds.sort()
    print(f"\nThe forum's row lock, held per registration ({count} in a row, half of them waitlisted):")
    print(f"  median {statistics.median(holds):.2f} ms, p99 {holds[int(len(holds) * 0.99) - 1]:.2f} ms, "
          f"max {holds[-1]:.2f} ms")  # fmt: skip


def pages_measured(processes) -> None:
    """Every public page at 30 and at 3,000 forums, cached and uncached."""
    from django.core.cache import cache

    from bench.archive import archive_build

    series = archive_build(30)
    port = free_port()
    processes.append(start_gunicorn(port, PAGE_WORKERS))
    base = f"http://127.0.0.1:{port}"
    small = measure_pages(base)
    archive_build(2970, series=series)
    cache.clear()  # bulk_create sends no signal: the pages' content version is not bumped
    large = measure_pages(base)
    raw = {
        size: {f"{name} ({'cached' if cached else 'uncached'})": rounds for (name, cached), rounds in table.items()}
        for size, table in ((30, small), (3000, large))
    }
    (ROOT / "var" / "bench-serving.json").write_text(json.dumps(raw, indent=1))
    print_pages(small, large, (30, 3000))
    processes.pop().terminate()


def main():
    if redis_running():
        os.environ["CACHE_URL"] = CACHE_URL
    else:
        os.environ["CACHE_URL"] = f"filecache://{ROOT / 'var' / 'bench-cache'}"
    teardown = bench_database_setup()
    logging.disable(logging.INFO)
    from django.core.cache import cache

    processes = []
    try:
        cache.clear()
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=site_env(), check=True
        )
        if ONLY != "burst":
            pages_measured(processes)
        if ONLY == "pages":
            return

        port = free_port()
        processes.append(start_gunicorn(port, os.cpu_count() * 2 + 1))
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "run_worker", "--interval", "0.5"],
                cwd=ROOT,
                env=site_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=lambda: os.nice(WORKER_NICENESS),
            )
        )
        registration_burst(f"http://127.0.0.1:{port}", port)
        lock_hold_times()
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        cache.clear()
        teardown()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
