"""Writes in privacy: consent decisions."""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import (
    OPTIONAL_CATEGORIES,
    ConsentRecord,
    CookieCategory,
    CookieDeclaration,
)


@transaction.atomic
def consent_record(*, consent_id=None, categories, policy_version) -> ConsentRecord:
    """Record a decision; the optional categories only, necessary is always on."""
    allowed = sorted({c for c in categories if c in OPTIONAL_CATEGORIES})
    record = ConsentRecord(
        categories=[CookieCategory.NECESSARY, *allowed], policy_version=policy_version
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


# Data-subject requests ------------------------------------------------------------


class DuplicateRequest(Exception):
    pass


class RequestRuleError(Exception):
    pass


def add_months(moment, months: int):
    """The same day and time `months` later, or the month's last day if shorter."""
    import calendar

    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _event(request, action, actor=None, note=""):
    from .models import DataRequestEvent

    DataRequestEvent.objects.create(
        request=request, actor=actor, action=action, note=note
    )


def _notify(request, template, **context):
    from portal.accounts.services import email_send

    email_send(
        template=f"privacy/email/{template}",
        to=request.requester_email,
        context={"request": request, **context},
        essential=True,
    )


@transaction.atomic
def data_request_create(
    *, kind, details="", user=None, name="", email="", confirmed=True
):
    """File a request; a second open one of the same type and person is refused."""
    from django.db.models import Q
    from django.utils import timezone

    from .models import DataRequest

    email = (user.email if user else email).lower()
    same_person = Q(requester_email__iexact=email) | (
        Q(user=user) if user else Q(pk=None)
    )
    if DataRequest.objects.filter(
        same_person, kind=kind, status__in=[*DataRequest.OPEN, "unconfirmed"]
    ).exists():
        raise DuplicateRequest
    now = timezone.now()
    request = DataRequest.objects.create(
        user=user,
        requester_name=user.get_full_name() if user else name,
        requester_email=email,
        kind=kind,
        details=details,
        status=DataRequest.Status.RECEIVED if confirmed else "unconfirmed",
        received_at=now if confirmed else None,
        due_at=add_months(now, 1) if confirmed else None,
    )
    _event(request, "filed", actor=user)
    if confirmed:
        _notify(request, "request_received")
    return request


@transaction.atomic
def data_request_confirm(*, request):
    """The e-mail link of a request filed without an account was opened."""
    from django.utils import timezone

    if request.status != "unconfirmed":
        return request
    now = timezone.now()
    request.status = request.Status.RECEIVED
    request.received_at = now
    request.due_at = add_months(now, 1)
    request.save(update_fields=["status", "received_at", "due_at"])
    _event(request, "confirmed")
    _notify(request, "request_received")
    return request


@transaction.atomic
def data_request_extend(*, request, by, reason: str, months: int = 2):
    """Extend by up to two months (art. 12(3)), only with reasons told to the person."""
    from django.utils import timezone

    if not request.is_open or request.status == request.Status.EXTENDED:
        raise RequestRuleError(_("Only a request not yet extended can be extended."))
    if not reason.strip():
        raise RequestRuleError(_("An extension needs reasons."))
    if not 1 <= months <= 2:
        raise RequestRuleError(_("An extension is one or two months."))
    if timezone.now() > request.due_at:
        raise RequestRuleError(_("The extension must be told within the first month."))
    request.status = request.Status.EXTENDED
    request.extension_reason = reason.strip()
    request.due_at = add_months(request.received_at, 1 + months)
    request.save(update_fields=["status", "extension_reason", "due_at"])
    _event(request, "extended", actor=by, note=reason)
    _notify(request, "request_extended")
    return request


@transaction.atomic
def data_request_close(*, request, by, outcome: str, rejected: bool = False):
    """Answer the request, or refuse it with reasons and the right to complain."""
    from django.utils import timezone

    if not request.is_open:
        raise RequestRuleError(_("The request is already closed."))
    if rejected and not outcome.strip():
        raise RequestRuleError(_("A refusal needs reasons."))
    request.status = request.Status.REJECTED if rejected else request.Status.COMPLETED
    request.outcome = outcome.strip()
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "outcome", "closed_at"])
    _event(request, "rejected" if rejected else "completed", actor=by, note=outcome)
    kept = []
    if not rejected and request.user_id:
        if request.kind == request.Kind.COPY:
            data_export_create(user=request.user, request=request)
        elif request.kind == request.Kind.ERASURE:
            kept = person_erase(user=request.user, by=by)
        elif request.kind == request.Kind.RESTRICTION:
            request.user.processing_restricted = True
            request.user.save(update_fields=["processing_restricted"])
    _notify(request, "request_rejected" if rejected else "request_completed", kept=kept)
    return request


def person_erase(*, user, by=None) -> list[str]:
    """Erase a person through every provider; the account itself goes last.

    Each provider's erase only deletes or pseudonymises what is still there, so
    the whole run can be repeated after an interruption.
    """
    from .registry import providers

    ordered = sorted(providers(), key=lambda provider: provider.key == "accounts")
    kept = []
    for provider in ordered:
        kept.extend(provider.erase(user))
    return kept


def data_export_create(*, user, request=None):
    """Start building a copy of the person's data; they are told when it is ready."""
    from .models import DataExport
    from .tasks import data_export_build_task

    export = DataExport.objects.create(user=user, request=request)
    transaction.on_commit(lambda: data_export_build_task.delay(export.pk))
    return export


@transaction.atomic
def restriction_lift(*, request, by):
    """Lift a restriction, telling the person first (RODO art. 18(3))."""
    user = request.user
    if user is None or not user.processing_restricted:
        raise RequestRuleError(_("This person's processing is not restricted."))
    _notify(request, "restriction_lifted")
    user.processing_restricted = False
    user.save(update_fields=["processing_restricted"])
    _event(request, "restriction lifted", actor=by)
    return request


def audit_record(*, request, action, obj, description=""):
    """Write who did what to whose data, from where. Staff operations only."""
    from portal.accounts.security import client_ip

    from .models import AuditEntry

    return AuditEntry.objects.create(
        actor=request.user,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        description=description[:300],
        ip_address=client_ip(request) or None,
    )


# Retention ------------------------------------------------------------------------


def retention_run(*, now=None) -> dict:
    """Delete what outlived its period; after the archive period, all learners' data."""
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Site

    from portal.pages.models import ContactMessage

    from .models import ConsentRecord, RetentionSettings

    now = now or timezone.now()
    site = Site.objects.filter(is_default_site=True).first()
    periods = RetentionSettings.for_site(site)
    users = get_user_model().objects
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    unverified = users.filter(
        is_staff=False,
        is_superuser=False,
        date_joined__lt=now - timedelta(days=periods.unverified_account_days),
    ).exclude(pk__in=verified)
    done = {"unverified_accounts": unverified.count()}
    unverified.delete()
    done["consent_records"] = ConsentRecord.objects.filter(
        created_at__lt=add_months(now, -periods.consent_record_months)
    ).delete()[0]
    done["contact_messages"] = ContactMessage.objects.filter(
        created_at__lt=add_months(now, -periods.contact_message_months)
    ).delete()[0]
    from axes.models import AccessAttempt

    done["failed_logins"] = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(days=1)
    ).delete()[0]
    done["programme_archive_erased"] = 0
    if periods.programme_end:
        from datetime import datetime, time

        end = timezone.make_aware(datetime.combine(periods.programme_end, time()))
        if now >= add_months(end, 12 * periods.archival_years):
            for user in users.filter(
                is_staff=False, is_superuser=False, is_active=True
            ):
                person_erase(user=user)
                done["programme_archive_erased"] += 1
    return done
