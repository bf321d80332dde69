"""Counting actions per key in the cache, to stop floods of posts, mails and lookups."""

from django.core.cache import cache


def rate_limit_allow(*, key: str, limit: int, window: int) -> bool:
    """Count one action under `key`; False once `limit` is passed within `window` s."""
    cache_key = f"rate-limit:{key}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    return count <= limit
