"""The account: identity, status and office, accepted documents, sign-in factors."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import registry as log_registry
from wagtail.users.models import UserProfile

from privacy.footprint import ERASED_NAME, erased_email, person_traces
from privacy.registry import ERASE_ACCOUNT_LAST, DataProvider, register

from .models import LegalAcceptance


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
            {"type": a.get_type_display(), "created_at": a.created_at.isoformat()}
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


LABELS = {
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "email": gettext_lazy("E-mail address"),
    "status": gettext_lazy("Status in the labour office"),
    "labour_office": gettext_lazy("Labour office"),
    "date_joined": gettext_lazy("Account created"),
    "last_login": gettext_lazy("Last signed in"),
    "roles": gettext_lazy("Staff roles"),
    "processing_restricted": gettext_lazy("Processing restricted (RODO art. 18)"),
    "email_addresses": gettext_lazy("E-mail addresses of the account"),
    "verified": gettext_lazy("Confirmed"),
    "primary": gettext_lazy("Main address"),
    "two_factor": gettext_lazy("Two-step sign-in"),
    "type": gettext_lazy("Kind"),
    "created_at": gettext_lazy("Date and time"),
    "accepted_documents": gettext_lazy("Documents you accepted"),
    "document": gettext_lazy("Document"),
    "version": gettext_lazy("Version"),
    "accepted_at": gettext_lazy("Accepted"),
}


def erase(user) -> list[str]:
    """Deactivate and pseudonymise the account and end its sessions.

    Status and labour office stay on the account, without a name: programme
    reporting counts learners by them. The admin's history of the account (if
    staff changed it there) keeps its entries under the new name.
    """
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
    for email in person_traces(user).emails:
        AccessAttempt.objects.filter(username__iexact=email).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    LegalAcceptance.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()
    user.first_name, user.last_name = ERASED_NAME
    user.email = erased_email(user.pk)
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    log_registry.get_logs_for_instance(user).update(label=str(user), data={})
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
        labels=LABELS,
        portable=("first_name", "last_name", "email", "status", "labour_office"),
    )
)
