"""Idle sessions: a signed-in session ends after SESSION_COOKIE_AGE without activity.

The time of the last activity is kept in the session and refreshed at most once a
SESSION_REFRESH_SECONDS, so an ordinary page view does not write the session. The
page warns SESSION_WARNING_SECONDS before the end and lets the person extend it
(WCAG 2.2.1); the warning asks the status view, which reads without refreshing.
"""

import time

from django.conf import settings
from django.contrib import auth, messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

LAST_ACTIVITY_KEY = "last_activity"
SIGNED_OUT_MESSAGE = gettext_noop(
    "You were signed out after a period of inactivity. Please sign in again."
)


def _now() -> int:
    return int(time.time())


def session_touch(session, now: int | None = None) -> None:
    """Mark activity now; saving the session also moves its expiry date."""
    session[LAST_ACTIVITY_KEY] = now if now is not None else _now()


def seconds_left(session, now: int | None = None) -> int:
    last = session.get(LAST_ACTIVITY_KEY)
    if last is None:
        return settings.SESSION_COOKIE_AGE
    now = now if now is not None else _now()
    return max(settings.SESSION_COOKIE_AGE - (now - last), 0)


class IdleSessionMiddleware:
    """End a signed-in session that has been idle too long; refresh an active one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.status_path = None

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        if self.status_path is None:
            self.status_path = reverse("accounts:session")
        session = request.session
        now = _now()
        if LAST_ACTIVITY_KEY in session and seconds_left(session, now) == 0:
            auth.logout(request)
            messages.info(request, _(SIGNED_OUT_MESSAGE))
            return
        if request.path == self.status_path:
            return  # asking how much time is left is not activity
        last = session.get(LAST_ACTIVITY_KEY)
        if last is None or now - last >= settings.SESSION_REFRESH_SECONDS:
            session_touch(session, now)
