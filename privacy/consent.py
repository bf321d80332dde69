"""The consent cookie: what a browser has allowed, under which policy version, when.

The cookie is signed and holds no personal data: a random id, the policy version,
the categories allowed and the date of the decision.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import OPTIONAL_CATEGORIES, CookieDeclaration

COOKIE_NAME = "kdp_consent"
SALT = "privacy.consent"
VALID_FOR = timedelta(days=365)


@dataclass
class Consent:
    consent_id: str = ""
    version: str = ""
    categories: list = field(default_factory=list)
    decided_at: datetime | None = None
    current_version: str = ""

    @property
    def decided(self) -> bool:
        """A decision under the policy in force, made less than 12 months ago."""
        return (
            bool(self.consent_id)
            and self.version == self.current_version
            and self.decided_at is not None
            and timezone.now() - self.decided_at < VALID_FOR
        )

    def allows(self, category) -> bool:
        return self.decided and category in self.categories


def read(request, current_version) -> Consent:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return Consent(current_version=current_version)
    try:
        data = signing.loads(raw, salt=SALT)
        decided_at = datetime.fromisoformat(data["t"])
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return Consent(current_version=current_version)
    # A category the portal no longer asks about (analytics, once) is dropped;
    # the rest of the decision stands.
    return Consent(
        consent_id=data.get("id", ""),
        version=data.get("v", ""),
        categories=[c for c in data.get("c", []) if c in OPTIONAL_CATEGORIES],
        decided_at=decided_at,
        current_version=current_version,
    )


def write(response, record) -> None:
    value = signing.dumps(
        {
            "id": str(record.consent_id),
            "v": record.policy_version,
            "c": record.categories,
            "t": record.created_at.isoformat(),
        },
        salt=SALT,
    )
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=int(VALID_FOR.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _age_text(seconds: int) -> str:
    """A cookie's lifetime in words: "45 min", "1 godz. 30 min", "1 rok"."""
    minutes = seconds // 60
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        if rest:
            return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
        return _("%(hours)d h") % {"hours": hours}
    days = minutes // (24 * 60)
    months = round(days / 30.44)
    if months < 1:
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


def own_cookie_durations() -> dict[str, str]:
    """How long the portal's own cookies last, read from the settings that set them.

    The declaration's text for these is not typed by hand: a change of a setting
    changes the table.
    """
    idle = _age_text(settings.SESSION_COOKIE_AGE)
    # Sign-in ends the session with the browser unless the person ticks "Remember
    # me" (allauth's ACCOUNT_SESSION_REMEMBER: None lets them choose); either way
    # the idle limit (portal.accounts.sessions) ends it after SESSION_COOKIE_AGE.
    remember = getattr(settings, "ACCOUNT_SESSION_REMEMBER", None)
    if getattr(settings, "SESSION_EXPIRE_AT_BROWSER_CLOSE", False) or remember is False:
        session = _("until the browser is closed, at most %(time)s without activity")
    elif remember is None:
        session = _(
            "until the browser is closed, at most %(time)s without activity; "
            "with “Remember me” %(time)s after the last activity"
        )
    else:
        session = _("%(time)s after the last activity")
    session = session % {"time": idle}
    durations = {
        settings.SESSION_COOKIE_NAME: session,
        CookieStorage.cookie_name: _("until the browser is closed"),
        COOKIE_NAME: _age_text(int(VALID_FOR.total_seconds())),
    }
    if not getattr(settings, "CSRF_USE_SESSIONS", False):
        durations[settings.CSRF_COOKIE_NAME] = _age_text(settings.CSRF_COOKIE_AGE)
    return durations


def declaration() -> list:
    """The cookie declaration as edited in the admin, with the lifetimes of the
    portal's own cookies taken from the settings."""
    durations = own_cookie_durations()
    rows = list(CookieDeclaration.objects.all())
    for row in rows:
        if row.first_party and row.name in durations:
            row.duration = durations[row.name]
    return rows
