"""/healthz: is this process able to serve, and is mail getting out? For the load
balancer and the monitoring: 200 when all is well, 503 when not. Anyone is told `ok` or
`fail`; what is wrong (the database, the cache, how long mail has waited) is told to
staff and to a client on this host, not to the internet."""

import ipaddress
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from attendees.outbox.delivery import OVERDUE_AFTER, oldest_waiting_age

from .core.client_address import client_ip

T = TypeVar("T")


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache() -> bool:
    # A value only this request can know: a cache that stores nothing cannot pass.
    key, value = f"healthz:{get_random_string(12)}", get_random_string(12)
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def _checked(check: Callable[[], T], *, failing: T) -> T:
    """What `check` answers, or `failing` when it raises: a database or cache that is down
    raises, and that is the answer."""
    try:
        return check()
    except Exception:
        return failing


def _told_details(request) -> bool:
    if request.user.is_authenticated and request.user.is_staff:
        return True
    address = client_ip(request)
    return address is not None and ipaddress.ip_address(address).is_loopback


@never_cache
@require_safe  # GET, and HEAD for monitors that only read the status
def healthz(request):
    database = _checked(_database, failing=False)
    cache_ok = _checked(_cache, failing=False)
    age = _checked(oldest_waiting_age, failing=None) if database else None
    waiting_seconds = age.total_seconds() if age else 0
    mail_ok = database and waiting_seconds < OVERDUE_AFTER.total_seconds()
    healthy = database and cache_ok and mail_ok
    answer: dict[str, object] = {"status": "ok" if healthy else "fail"}
    if _told_details(request):
        answer |= {
            "database": "ok" if database else "failing",
            "cache": "ok" if cache_ok else "failing",
            "mail": {"status": "ok" if mail_ok else "failing", "oldest_waiting_seconds": round(waiting_seconds)},
        }
    return JsonResponse(answer, status=200 if healthy else 503)
