"""Who is asking: the login typed for django-axes, and the client's address."""

from django.conf import settings


def axes_username(request, credentials=None):
    """Return the login typed into the form, whichever name allauth gave it."""
    if credentials:
        for key in ("email", "login", "username"):
            if credentials.get(key):
                return str(credentials[key]).strip().lower()
    if request is not None and request.method == "POST":
        return request.POST.get("login", "").strip().lower() or None
    return None


def client_ip(request) -> str:
    """The client's address, also behind the reverse proxies the settings trust.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For; the entry that many places from the right is the client.
    Anything further left was written by the client and is not believed.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_allow(*, key: str, limit: int, window: int) -> bool:
    """Count one action under `key`; False once `limit` is passed within `window` s."""
    from django.core.cache import cache

    cache_key = f"rate-limit:{key}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    return count <= limit


def safe_next(request, default: str = "") -> str:
    """The `next` address a form or link carries, if it stays on this portal."""
    from urllib.parse import urlsplit

    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # Only a path or a full address: `redirect()` would take any other text
        # for the name of a view and fail to find it.
        if target.startswith("/") or urlsplit(target).scheme:
            return target
    return default
