"""Reads about accounts that cross relations."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, OuterRef, Q

from .models import LegalAcceptance, LegalDocument, User


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


def signup_counts(*, previous_start, current_start) -> dict:
    """Learners who signed up in the previous and in the current period, and how
    many of each have confirmed their e-mail address since. One aggregate query;
    accounts whose processing is restricted are left out (RODO art. 18)."""
    previous = Q(date_joined__lt=current_start)
    current = Q(date_joined__gte=current_start)
    verified = Q(is_verified=True)
    return (
        User.objects.filter(
            is_staff=False,
            is_superuser=False,
            processing_restricted=False,
            date_joined__gte=previous_start,
        )
        .annotate(
            is_verified=Exists(
                EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
            )
        )
        .aggregate(
            signups_previous=Count("pk", filter=previous),
            signups_current=Count("pk", filter=current),
            verified_previous=Count("pk", filter=previous & verified),
            verified_current=Count("pk", filter=current & verified),
        )
    )
