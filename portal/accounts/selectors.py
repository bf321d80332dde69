"""Reads about accounts that cross relations."""

from dataclasses import dataclass

from .models import LegalAcceptance, LegalDocument


@dataclass(frozen=True)
class PendingDocument:
    document: str
    label: str
    version: str
    page: object


def documents_pending_acceptance(*, user, legal) -> list[PendingDocument]:
    """The documents whose current version this person has not accepted yet."""
    current = {
        LegalDocument.TERMS: (legal.terms_version, legal.terms_page),
        LegalDocument.PRIVACY: (legal.privacy_version, legal.privacy_page),
    }
    accepted = set(
        LegalAcceptance.objects.filter(user=user).values_list("document", "version")
    )
    return [
        PendingDocument(document, LegalDocument(document).label, version, page)
        for document, (version, page) in current.items()
        if (document, version) not in accepted
    ]
