"""The shared cache on Redis with one client per process.

Django's Redis backend builds a new ``redis.Redis`` client around its connection pool for every
operation: about 80 µs of Python a call, several times what the round trip itself costs on
loopback, and a page makes a few of them. A ``redis.Redis`` client is safe to share between
threads (each command borrows a connection from the pool) and notices a fork (the pool drops the
parent's connections in the child), so one per process and server is enough.
"""

from __future__ import annotations

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    """One ``redis.Redis`` client per server and process, shared by every backend object (one a
    thread) configured alike."""

    _shared: dict[tuple, object] = {}
    _lock = threading.Lock()

    def __init__(self, servers, **options) -> None:
        super().__init__(servers, **options)
        self._identity = (tuple(servers), repr(sorted(options.items())))

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        shared_key = (*self._identity, index)
        client = self._shared.get(shared_key)
        if client is None:
            with self._lock:
                client = self._shared.get(shared_key)
                if client is None:
                    pool = self._get_connection_pool(write)
                    client = self._shared[shared_key] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with one client per process."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key: str) -> None:
        # Redis keys are binary-safe: the base class's memcached checks (a loop over every
        # character of every key) warn of nothing that matters here.
        return None
