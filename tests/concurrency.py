"""The harness of every race the suite stages: calls run in threads of their own,
released at one instant, each on its own database connection (PostgreSQL)."""

import threading
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection


def run_together(calls: Sequence[Callable[[], Any]], *, timeout: float = 120) -> tuple[list[Any], list[str]]:
    """Run each call in a thread, all released together by a barrier. Returns each call's
    result in the calls' order (None where it raised) and the repr of every exception, so
    that a test names every failure. A thread still running after `timeout` seconds fails
    the test instead of hanging it."""
    start_together = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[str] = []

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            start_together.wait(timeout=30)
            results[index] = call()
        except Exception as error:  # collected, so the test names every failure
            errors.append(repr(error))
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    if stuck := sum(thread.is_alive() for thread in threads):
        raise AssertionError(f"{stuck} of {len(threads)} calls still running after {timeout} s")
    return results, errors
