"""Facts about the request: the client's address, and where it may be sent back to."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


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


def safe_next(request, default: str = "") -> str:
    """The `next` address a form or link carries, if it stays on this portal."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # Only a path or a full address: `redirect()` would take any other text
        # for the name of a view and fail to find it.
        if target.startswith("/") or urlsplit(target).scheme:
            return target
    return default
