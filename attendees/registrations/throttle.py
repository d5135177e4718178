"""How often registrations are accepted: per client address, per email address and per forum.

A city office or a university sends many people from one address on the morning an
invitation goes out, so the address limit is generous; the email limit stops one
mailbox being registered over and over; the forum limit caps a spread-out flood.
Only posts that reach the service and are taken (a registration, or a repeated one)
count; a form returned with errors does not.

The client is an IPv4 address, or an IPv6 /64: one home or office network is given a
/64 and can choose any address in it, so keying on the address would give it a fresh
quota for every post. The forum limit counts only registrations that were stored, never
a repeated one, and stays far above the client limit (attendees.W001), so no one client
can close registration for everyone.

A place is reserved by an atomic increment and given back if it went over a limit or the
service refused, so several processes sharing the cache (CACHE_URL=redis://...) accept
the limit exactly once between them. django-ratelimit, used before, checks and counts in
two steps and cannot give a place back, which let two workers accept 11 for a limit of 10.
"""

from django.conf import settings
from django.core.cache import cache

from events.models import Forum
from forum_site.core.client_address import client_network
from forum_site.core.rate_limits import parse_rate, window_key


def _counter_keys(request, *, forum: Forum, email: str) -> dict[str, tuple[str, int, int]]:
    """Each limit's (cache key, limit, period), in the current fixed window."""
    values = {
        "ip": client_network(request),
        "email": f"{forum.pk}:{email}",
        "forum": str(forum.pk),
    }
    keys = {}
    for kind, value in values.items():
        limit, period = parse_rate(settings.REGISTRATION_RATE_LIMITS[kind])
        keys[kind] = (window_key(f"registration-limit:{kind}", value, period), limit, period)
    return keys


class Reservation:
    """Places taken in every counter for one registration post: give_back() all of them
    if it is refused, give_back("forum") if it stored nothing new."""

    def __init__(self, keys: dict[str, str]):
        self.keys = keys

    def give_back(self, *kinds: str) -> None:
        for kind in kinds or list(self.keys):
            try:
                cache.decr(self.keys.pop(kind))
            except (KeyError, ValueError):  # given back already, or the window ended meanwhile
                pass


def registration_reserve(request, *, forum: Forum, email: str) -> Reservation | None:
    """A place in every limit for one more registration, or None when any limit is reached."""
    keys = _counter_keys(request, forum=forum, email=email)
    counters = [(key, limit, period + 1) for key, limit, period in keys.values()]
    reservation = Reservation({kind: key for kind, (key, _limit, _period) in keys.items()})
    counters_reserve = getattr(cache, "counters_reserve", None)  # Redis: all at once (forum_site/redis_cache.py)
    if counters_reserve is not None:
        return reservation if counters_reserve(counters) else None
    return reservation if _reserve_one_by_one(counters) else None


def _reserve_one_by_one(counters: list[tuple[str, int, int]]) -> bool:
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
            for key in taken:
                try:
                    cache.decr(key)
                except ValueError:  # the window ended meanwhile: nothing to give back
                    pass
            return False
    return True
