"""The account: identity, status and office, accepted documents, sign-in factors."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from privacy.registry import ERASE_ACCOUNT_LAST, DataProvider, register

from .models import LegalAcceptance

ERASED_NAME = ("Użytkownik", "usunięty")


def export(user) -> dict:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "status": user.get_status_display() if user.status else "",
        "labour_office": user.pup_office.name if user.pup_office else "",
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "roles": list(user.groups.values_list("name", flat=True)),
        "processing_restricted": user.processing_restricted,
        "email_addresses": [
            {
                "email": address.email,
                "verified": address.verified,
                "primary": address.primary,
            }
            for address in EmailAddress.objects.filter(user=user)
        ],
        "two_factor": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user)
        ],
        "accepted_documents": [
            {
                "document": acceptance.get_document_display(),
                "version": acceptance.version,
                "accepted_at": acceptance.accepted_at.isoformat(),
            }
            for acceptance in LegalAcceptance.objects.filter(user=user)
        ],
    }


def erase(user) -> list[str]:
    """Deactivate and pseudonymise the account and end its sessions.

    Status and labour office stay on the account, without a name: programme
    reporting counts learners by them.
    """
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
    AccessAttempt.objects.filter(username__iexact=user.email).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    LegalAcceptance.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()
    user.first_name, user.last_name = ERASED_NAME
    user.email = f"usuniety-{user.pk}@konto.invalid"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    return [
        _(
            "Your status and labour office are kept without your name, because the "
            "programme must report how many people of each status and office took part."
        )
    ]


def expire(now, periods) -> dict:
    """Accounts never verified, and records of failed logins, after their days."""
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    unverified = (
        get_user_model()
        .objects.filter(
            is_staff=False,
            is_superuser=False,
            date_joined__lt=now - timedelta(days=periods.unverified_account_days),
        )
        .exclude(pk__in=verified)
    )
    done = {"unverified_accounts": unverified.count()}
    unverified.delete()
    done["failed_logins"] = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(days=periods.failed_login_days)
    ).delete()[0]
    return done


register(
    DataProvider(
        key="accounts",
        label="Konto",
        models=(
            get_user_model(),
            LegalAcceptance,
            EmailAddress,
            Authenticator,
            UserProfile,
        ),
        export=export,
        erase=erase,
        erase_order=ERASE_ACCOUNT_LAST,
        expire=expire,
    )
)
