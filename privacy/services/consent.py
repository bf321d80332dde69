"""Cookie consent decisions."""

from django.db import transaction

from ..models import (
    OPTIONAL_CATEGORIES,
    ConsentRecord,
    CookieCategory,
    CookieDeclaration,
)


@transaction.atomic
def consent_record(
    *, consent_id=None, categories, policy_version, user=None
) -> ConsentRecord:
    """Record a decision; the optional categories only, necessary is always on.

    A decision made while signed in names the account (`user`), so that the
    person finds it in their copy of data.
    """
    allowed = sorted({c for c in categories if c in OPTIONAL_CATEGORIES})
    record = ConsentRecord(
        categories=[CookieCategory.NECESSARY, *allowed],
        policy_version=policy_version,
        user=user,
    )
    if consent_id:
        record.consent_id = consent_id
    record.save()
    return record


def cookies_to_delete(*, withdrawn) -> list[str]:
    """Names of the portal's own cookies in categories no longer allowed."""
    return list(
        CookieDeclaration.objects.filter(category__in=withdrawn, first_party=True)
        .values_list("name", flat=True)
        .distinct()
    )
