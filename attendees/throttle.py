"""How often registrations are accepted: per client address, per email address and per forum.

A city office or a university sends many people from one address on the morning an
invitation goes out, so the address limit is generous; the email limit stops one
mailbox being registered over and over; the forum limit caps a spread-out flood.
Only posts that reach the service and are taken (a registration, or a repeated one)
count; a form returned with errors does not.

A place is reserved by an atomic increment and given back if it went over a limit or the
service refused, so several processes sharing the cache (CACHE_URL=redis://...) accept
the limit exactly once between them. django-ratelimit, used before, checks and counts in
two steps and cannot give a place back, which let two workers accept 11 for a limit of 10.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache

from events.models import Forum
from forum_site.client_address import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")


def parse_rate(rate: str) -> tuple[int, int]:
    """ "60/h" -> (60, 3600); "5/10m" -> (5, 600)."""
    match = RATE.match(rate)
    if not match:
        raise ValueError(f"A rate is written like 60/h or 5/10m, not {rate!r}.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * PERIODS[unit]


def _counter_keys(request, *, forum: Forum, email: str) -> list[tuple[str, int, int]]:
    """(cache key, limit, period) for each limit, in the current fixed window."""
    values = {
        "ip": client_ip(request) or "unknown",
        "email": f"{forum.pk}:{email}",
        "forum": str(forum.pk),
    }
    keys = []
    for kind, value in values.items():
        limit, period = parse_rate(settings.REGISTRATION_RATE_LIMITS[kind])
        window = int(time.time()) // period
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]
        keys.append((f"registration-limit:{kind}:{period}:{window}:{digest}", limit, period))
    return keys


class Reservation:
    """Places taken in every counter for one registration post; give_back() if it is not taken."""

    def __init__(self, keys: list[str]):
        self.keys = keys

    def give_back(self) -> None:
        for key in self.keys:
            try:
                cache.decr(key)
            except ValueError:  # the window ended meanwhile: nothing to give back
                pass


def registration_reserve(request, *, forum: Forum, email: str) -> Reservation | None:
    """A place in every limit for one more registration, or None when any limit is reached."""
    counters = [(key, limit, period + 1) for key, limit, period in _counter_keys(request, forum=forum, email=email)]
    keys = [key for key, _limit, _seconds in counters]
    counters_reserve = getattr(cache, "counters_reserve", None)  # Redis: all at once (forum_site/redis_cache.py)
    if counters_reserve is not None:
        return Reservation(keys) if counters_reserve(counters) else None
    return _reserve_one_by_one(counters)


def _reserve_one_by_one(counters: list[tuple[str, int, int]]) -> Reservation | None:
    """The same with any other cache (the local one of `make run`): an add and an incr per counter."""
    taken = []
    for key, limit, seconds in counters:
        cache.add(key, 0, timeout=seconds)
        taken.append(key)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr: count this one as the first
            cache.set(key, 1, timeout=seconds)
            count = 1
        if count > limit:
            Reservation(taken).give_back()
            return None
    return Reservation(taken)
