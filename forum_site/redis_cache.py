"""Django's Redis cache, with one Redis client per process instead of one per call.

Django's RedisCacheClient builds a new redis.Redis in front of its connection pool for
every get, add or incr, and each build sets up some 150 response callbacks: 0.2-0.4 ms a
call on the bench machine, paid nine times by a registration (rate limits, content
version) and on every page read from the cache. The pool was already shared; the client
in front of it holds no per-call state and redis-py makes it safe to share between
threads, so it is built once per pool. CACHE_URL=redis://... selects this backend
(forum_site/settings.py).
"""

from django.core.cache.backends import redis as django_redis


class SharedClientRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a connection pool -> the client built on it

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
