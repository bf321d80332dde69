"""Whole pages for visitors without a session, served from the cache.

Only what a view marks may be kept: a page type's `before_serve_page` hook calls
`mark_cacheable(request)`, a plain view is wrapped in `cacheable` or named with
`allow_view`. The middleware keeps a marked response only if it is a 200 that
sets no cookie, used no CSRF token, carries no message for the person and no
script nonce, so nothing said to one person is ever shown to another.

The key is the address, the language and what the apps register with
`register_variant` (cookie consent and display preferences). A kept page carries
the generation it was made in, read with it in one round trip; `generation_bump`
changes the generation when an editor publishes, and every page kept before no
longer counts.

Forms on such pages cannot carry a CSRF token; the views they post to use
`same_origin_post`, which checks where the post came from instead.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import get_callable
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
TIMEOUT_SECONDS = 10 * 60
_SKIPPED_HEADERS = {"set-cookie", "date", "x-cache"}
_variants: list[Callable] = []
_allowed_views: set[str] = set()


def register_variant(part: Callable) -> None:
    """Vary the key on `part(request) -> str` (what a visitor's cookies change)."""
    if part not in _variants:
        _variants.append(part)


def allow_view(view_name: str) -> None:
    """Let the URL named `view_name` be kept when asked without a query string."""
    _allowed_views.add(view_name)


def mark_cacheable(request) -> None:
    request._page_cache_allowed = True


def cacheable(view):
    """Let the view's answers be kept (the middleware still checks each one)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapped


def generation_bump() -> None:
    """Put every page kept so far out of reach (an editor published something)."""
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # a cache outage must not fail a publication
        logger.warning("Page cache generation not bumped", exc_info=True)


def _lookup(key: str) -> tuple[str | None, dict | None]:
    """The generation in force and the page kept under `key`, in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        return cache.get(GENERATION_KEY), None
    stored = found.get(key)
    if stored is None or stored.get("generation") != generation:
        return generation, None
    return generation, stored


def _eligible(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", False)
        and request.method in ("GET", "HEAD")
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        and not request.COOKIES.get(CookieStorage.cookie_name)
    )


def _key(request) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        *(part(request) for part in _variants),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"


def _marked(request) -> bool:
    if getattr(request, "_page_cache_allowed", False):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in _allowed_views and not request.GET


def _storable(request, response) -> bool:
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)
    policy = response.get("Content-Security-Policy", "")
    return (
        request.method == "GET"
        and _marked(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not (session is not None and session.modified)
        and not (storage is not None and storage.added_new)
        and "nonce-" not in policy
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _frozen(response, generation: str) -> dict:
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in _SKIPPED_HEADERS
    ]
    return {"generation": generation, "content": response.content, "headers": headers}


def _thawed(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"]:
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


class PageCacheMiddleware:
    """Serve a kept page before any view runs; keep a marked page on its way out.

    Sits after the session, locale, CSRF and message middleware (it reads what
    they record) and before the CSP middleware (it sees the policy header).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        try:
            key = _key(request)
            generation, stored = _lookup(key)
        except Exception:  # the cache only ever makes a page faster
            logger.warning("Page cache unavailable", exc_info=True)
            generation = stored = None
        if stored is not None:
            return _thawed(stored)
        response = self.get_response(request)
        if generation and _storable(request, response):
            try:
                cache.set(key, _frozen(response, generation), TIMEOUT_SECONDS)
            except Exception:
                logger.warning("Page not kept in the cache", exc_info=True)
            else:
                response["X-Cache"] = "MISS"
        return response


# Posts from cached pages --------------------------------------------------------


def _trusted_hosts(request) -> set[str]:
    hosts = {request.get_host(), urlsplit(settings.PORTAL_BASE_URL).netloc}
    hosts.update(urlsplit(origin).netloc for origin in settings.CSRF_TRUSTED_ORIGINS)
    return hosts


def is_same_origin(request) -> bool:
    """Whether the browser says the post came from a page of this portal.

    Browsers send `Origin` with every POST; `Referer` stands in when it is missing.
    With neither, only a plain-HTTP request passes (as in Django's own CSRF check,
    which compares the referrer only over HTTPS): no browser a visitor uses today
    leaves both out, so this is a client that is not a browser.
    """
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not source:
        return not request.is_secure()
    parts = urlsplit(source)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    return parts.netloc in _trusted_hosts(request)


def same_origin_post(view):
    """A view posted to by a form without a CSRF token: its origin is checked instead.

    Forms on pages served from the cache cannot carry a token (it belongs to one
    visitor). Use it only where a forged post does no harm beyond the visitor's
    own display or cookie choices.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not is_same_origin(request):
            failure = get_callable(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason="Origin check failed")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
