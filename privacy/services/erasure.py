"""Erasure (RODO art. 17): every provider in its declared order."""

from ..registry import providers


def person_erase(*, user, by=None) -> list[str]:
    """Erase a person through every provider; return what was kept, and why.

    Providers run in their declared `erase_order` (the account last). Each
    provider's erase only deletes or pseudonymises what is still there, so the
    whole run can be repeated after an interruption.
    """
    kept = []
    for provider in providers():
        kept.extend(provider.erase(user))
    return kept
