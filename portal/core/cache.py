"""A Redis cache that a Redis outage turns into misses, not into errors.

Pages read the cache on every request (Wagtail's site roots, rate limits, the
certificate-render throttle). When Redis is away, every read answers as a miss
and every write is dropped, so a page is slower but still served. After a
failure the cache stays away for `down_for` seconds instead of paying a connect
timeout on each of a page's reads; then it tries again.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DOWN_FOR_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.down_for = float(options.pop("down_for", DOWN_FOR_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0

    @property
    def is_down(self) -> bool:
        """Whether Redis failed less than `down_for` seconds ago."""
        return time.monotonic() < self._down_until

    def _call(self, operation, fallback, *args, **kwargs):
        if self.is_down:
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as error:
            self._down_until = time.monotonic() + self.down_for
            logger.warning("Cache unavailable, serving without it: %r", error)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As if stored: a lock or throttle built on add() lets the request through
        # rather than refusing everyone while Redis is away.
        return self._call(super().add, True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._call(super().incr, None, key, delta, version)
        if result is None:
            # Django's contract for a key that is not there; callers start anew.
            raise ValueError(f"Key '{key}' not found (cache unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
