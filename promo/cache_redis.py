"""Django's Redis cache, made to degrade instead of failing pages when Redis is away.

Several app servers share one Redis (REDIS_URL). If it stops answering, Django's own backend
raises on every cache call, so every page that reads a counter or a cached fragment would fail.
Here a connection error or timeout behaves like an empty cache that keeps nothing: `get` returns
the default, `set`/`delete` do nothing, `add` answers True (the caller goes ahead: the enquiry
rate limit fails open rather than refusing every visitor, the view counter counts) and `incr`
says the key is missing. Each outage is logged once a minute, and `/readyz` reports the cache as
failing (promo/health.py), so the load balancer keeps the server while operators are told.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = [0.0]


def _warn(operation, exc):
    now = time.monotonic()
    if now - _last_warning[0] >= 60:
        _last_warning[0] = now
        logger.warning("Redis cache unreachable (%s: %s); serving without the cache", operation, exc)


class TolerantRedisCache(RedisCache):
    def _tolerate(self, operation, fallback, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except UNREACHABLE as exc:
            _warn(operation, exc)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("add", True, super().add, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._tolerate("get", default, super().get, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("set", None, super().set, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("touch", False, super().touch, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._tolerate("delete", False, super().delete, key, version=version)

    def get_many(self, keys, version=None):
        return self._tolerate("get_many", {}, super().get_many, keys, version=version)

    def has_key(self, key, version=None):
        return self._tolerate("has_key", False, super().has_key, key, version=version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as exc:
            _warn("incr", exc)
            raise ValueError(f"Key '{key}' not found (cache unreachable)") from None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerate("set_many", list(data), super().set_many, data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._tolerate("delete_many", None, super().delete_many, keys, version=version)

    def clear(self):
        return self._tolerate("clear", False, super().clear)
