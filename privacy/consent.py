"""The consent cookie: what a browser has allowed, under which policy version, when.

The cookie is signed and holds no personal data: a random id, the policy version,
the categories allowed and the date of the decision.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

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
    return Consent(
        consent_id=data.get("id", ""),
        version=data.get("v", ""),
        categories=list(data.get("c", [])),
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
