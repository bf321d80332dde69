"""Failed sign-ins: guessing stops, and nobody can lock someone else out.

Each limit counts what its attacker controls (the policy is told in README.md):

- an account at one address: django-axes locks the pair after AXES_FAILURE_LIMIT
  failures for AXES_COOLOFF_TIME; the owner elsewhere signs in as usual;
- one address: allauth's ACCOUNT_RATE_LIMITS, high enough for a PUP computer room
  behind one NAT; its per-key count of failed passwords is kept per account and
  address too (`AccountAdapter._get_login_attempts_cache_key`);
- an account across addresses: here. Failures from addresses the account has never
  signed in from are counted; past LOGIN_UNKNOWN_ADDRESS_FAILURES within the window,
  such addresses may not try it until the window ends, while the addresses its owner
  signed in from (remembered LOGIN_KNOWN_ADDRESS_DAYS) still may.

The cache keeps only digests of the login and the address, and forgets them.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from portal.core.http import client_ip
from portal.core.ratelimit import rate_limit_allow


def axes_username(request, credentials=None):
    """Return the login typed into the form, whichever name allauth gave it."""
    if credentials:
        for key in ("email", "login", "username"):
            if credentials.get(key):
                return str(credentials[key]).strip().lower()
    if request is not None and request.method == "POST":
        return request.POST.get("login", "").strip().lower() or None
    return None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _known_key(login: str, request) -> str:
    return f"sign-in:known:{_digest(login, client_ip(request))}"


def _closed_key(login: str) -> str:
    return f"sign-in:closed:{_digest(login)}"


def sign_in_address_remember(*, request, user) -> None:
    """Remember that the account signed in from this address."""
    login = (user.email or "").strip().lower()
    if login:
        days = settings.LOGIN_KNOWN_ADDRESS_DAYS
        cache.set(_known_key(login, request), 1, days * 24 * 60 * 60)


def sign_in_refused(request, credentials) -> bool:
    """Whether this address may not try the account now: too many failures came
    from addresses it has never signed in from, and this is one of them."""
    login = axes_username(None, credentials)
    return bool(
        login
        and cache.get(_closed_key(login))
        and not cache.get(_known_key(login, request))
    )


def sign_in_failure_record(request, credentials) -> None:
    """Count a wrong password typed at an address the account never signed in from.

    Attempts refused by a lock are not guesses and do not count.
    """
    login = axes_username(None, credentials)
    if not login or getattr(request, "axes_locked_out", False):
        return
    if cache.get(_known_key(login, request)):
        return
    limit, window = settings.LOGIN_UNKNOWN_ADDRESS_FAILURES
    key = f"sign-in:failures:{_digest(login)}"
    if not rate_limit_allow(key=key, limit=limit, window=window):
        cache.set(_closed_key(login), 1, window)
