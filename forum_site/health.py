"""/healthz: is this process able to serve, and is mail getting out? For the load
balancer and the monitoring: 200 when all is well, 503 with what is wrong."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from attendees.delivery import OVERDUE_AFTER, oldest_waiting_age


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


def _checked(check) -> bool:
    try:
        return check()
    except Exception:  # a database or cache that is down raises; that is the answer
        return False


@never_cache
@require_GET
def healthz(request):
    database = _checked(_database)
    cache_ok = _checked(_cache)
    age = _checked(oldest_waiting_age) if database else None
    waiting_seconds = age.total_seconds() if age else 0
    mail_ok = database and waiting_seconds < OVERDUE_AFTER.total_seconds()
    healthy = database and cache_ok and mail_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            "database": "ok" if database else "failing",
            "cache": "ok" if cache_ok else "failing",
            "mail": {"status": "ok" if mail_ok else "failing", "oldest_waiting_seconds": round(waiting_seconds)},
        },
        status=200 if healthy else 503,
    )
