"""Django's Redis cache, with one Redis client per process instead of one per call, and
an incr() that is one atomic round trip.

Django's RedisCacheClient builds a new redis.Redis in front of its connection pool for
every get, add or incr, and each build sets up some 150 response callbacks: 0.2-0.4 ms a
call on the bench machine, paid on every page read from the cache and a dozen times by a
registration (its rate limits, the content version). The pool was already shared; the
client in front of it holds no per-call state and redis-py makes it safe to share between
threads, so it is built once per pool.

Its incr() asks EXISTS, then INCRBY: two round trips, and a counter that expires between
them comes back as a new key of 1 that never expires. Here one script does both in Redis,
at once. And counters_reserve() takes a place in several counters at once, or in none,
in one round trip: a registration's three rate limits cost six calls before (an add and
an incr for each), 8% of the time of a registration in a burst. CACHE_URL=redis://...
selects this backend (forum_site/settings.py).
"""

from django.core.cache.backends import redis as django_redis

# INCRBY only a key that exists (Django's incr() raises ValueError for a missing one).
INCR_EXISTING = """
if redis.call("EXISTS", KEYS[1]) == 1 then
    return redis.call("INCRBY", KEYS[1], ARGV[1])
end
return false
"""


# One more in every counter (created with its expiry if new), unless that takes any of
# them over its limit: then none is changed. KEYS: the counters; ARGV: limit, seconds,
# limit, seconds, ... Returns 1 when taken, 0 when a limit is reached.
RESERVE_ALL = """
for index, key in ipairs(KEYS) do
    local count = redis.call("INCR", key)
    if count == 1 then
        redis.call("EXPIRE", key, ARGV[index * 2])
    end
    if count > tonumber(ARGV[index * 2 - 1]) then
        for taken = 1, index do
            redis.call("DECR", KEYS[taken])
        end
        return 0
    end
end
return 1
"""


class SharedClientRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a connection pool -> the client built on it
        self._scripts = {}  # (id of a client, source) -> the script, registered on it once

    def get_client(self, key=None, *, write=False):
        # Django's own RedisCacheClient members, which django-stubs does not declare.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client

    def _script(self, client, source: str):
        script = self._scripts.get((id(client), source))
        if script is None:
            script = self._scripts[(id(client), source)] = client.register_script(source)
        return script

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        value = self._script(client, INCR_EXISTING)(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def counters_reserve(self, counters: list[tuple[str, int, int]]) -> bool:
        client = self.get_client(write=True)
        keys = [key for key, _limit, _seconds in counters]
        limits = [value for _key, limit, seconds in counters for value in (limit, seconds)]
        return self._script(client, RESERVE_ALL)(keys=keys, args=limits) == 1


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def counters_reserve(self, counters: list[tuple[str, int, int]]) -> bool:
        """One more in every counter of `counters` ((key, limit, seconds), ...), or in
        none when that would take any over its limit; True when taken. A new counter
        expires after its seconds; the counters are the ones incr() and decr() count."""
        made = [(self.make_and_validate_key(key), limit, seconds) for key, limit, seconds in counters]
        return self._cache.counters_reserve(made)  # type: ignore[attr-defined]  # django-stubs lacks RedisCache._cache
