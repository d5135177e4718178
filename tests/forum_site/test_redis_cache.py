"""The Redis cache builds its client once per process, not once per call."""

import pytest

from forum_site.redis_cache import RedisCache
from tests.processes import redis_db


def test_every_call_goes_through_one_client(redis_url):
    cache = RedisCache(redis_url, {})
    cache.set("shared-client-probe", 41)
    cache.incr("shared-client-probe")

    assert cache.get("shared-client-probe") == 42
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    assert len(cache._cache._clients) == 1


def test_each_server_has_its_own_client(redis_url):
    replica = redis_url.rsplit("/", 1)[0] + f"/{redis_db(3)}"
    cache = RedisCache([redis_url, replica], {})

    written, read = cache._cache.get_client(write=True), cache._cache.get_client()

    assert written is not read
    assert written.connection_pool.connection_kwargs["db"] == redis_db(2)  # the redis_url fixture's
    assert read.connection_pool.connection_kwargs["db"] == redis_db(3)


def test_incr_counts_a_key_that_exists_and_keeps_its_expiry(redis_url):
    cache = RedisCache(redis_url, {})
    cache.set("counter-probe", 1, timeout=60)

    assert cache.incr("counter-probe") == 2
    assert cache.incr("counter-probe", 5) == 7
    assert 50 < cache._cache.get_client().ttl(cache.make_key("counter-probe")) <= 60


def test_incr_of_a_missing_key_raises_and_creates_nothing(redis_url):
    cache = RedisCache(redis_url, {})
    cache.delete("missing-probe")

    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing-probe")
    assert cache.get("missing-probe") is None


def test_counters_reserve_takes_a_place_in_every_counter(redis_url):
    cache = RedisCache(redis_url, {})
    cache.delete_many(["reserve-a", "reserve-b"])
    cache.set("reserve-b", 3, timeout=600)

    assert cache.counters_reserve([("reserve-a", 5, 60), ("reserve-b", 5, 60)]) is True

    assert cache.get_many(["reserve-a", "reserve-b"]) == {"reserve-a": 1, "reserve-b": 4}
    client = cache._cache.get_client()
    assert 50 < client.ttl(cache.make_key("reserve-a")) <= 60  # new: the given expiry
    assert client.ttl(cache.make_key("reserve-b")) > 500  # existing: its own expiry kept


def test_counters_reserve_at_a_limit_changes_no_counter(redis_url):
    cache = RedisCache(redis_url, {})
    cache.delete("reserve-free")
    cache.set("reserve-full", 2, timeout=60)

    assert cache.counters_reserve([("reserve-free", 5, 60), ("reserve-full", 2, 60)]) is False

    assert cache.get_many(["reserve-free", "reserve-full"]) == {"reserve-free": 0, "reserve-full": 2}
    assert cache.decr("reserve-full") == 1  # still a counter incr() and decr() count
