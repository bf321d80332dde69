"""Privacy: the person's own data-subject requests, copies of data and consent."""

import json
from datetime import timedelta

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core import outbox
from portal.core.dates import add_months
from portal.core.models import AuditEntry

from .footprint import ERASED_NAME, erased_email, person_traces
from .models import (
    ConsentRecord,
    CookieCategory,
    DataExport,
    DataRequest,
    DataRequestEvent,
)
from .registry import DataProvider, register


def _time(value):
    return value.isoformat() if value else None


def export(user) -> dict:
    """Requests with their history, cookie decisions, the copies of data made.

    Requests count when filed from the account or confirmed from its address;
    cookie decisions when made while signed in.
    """
    requests = (
        DataRequest.objects.filter(Q(user=user) | Q(requester_email__iexact=user.email))
        .exclude(status=DataRequest.Status.AWAITING_CONFIRMATION)
        .prefetch_related("events")
        .order_by("created_at")
    )
    return {
        "data_requests": [
            {
                "type": request.get_kind_display(),
                "status": request.get_status_display(),
                "name": request.requester_name,
                "email": request.requester_email,
                "received_at": _time(request.received_at),
                "due_at": _time(request.due_at),
                "details": request.details,
                "extension_reason": request.extension_reason,
                "outcome": request.outcome,
                "closed_at": _time(request.closed_at),
                "history": [
                    {
                        "step": event.get_action_display(),
                        "created_at": _time(event.created_at),
                        "note": event.note,
                    }
                    for event in request.events.all()
                ],
            }
            for request in requests
        ],
        "consent_records": [
            {
                "consent_id": str(record.consent_id),
                "created_at": _time(record.created_at),
                "categories": [
                    str(CookieCategory(category).label)
                    for category in record.categories
                    if category in CookieCategory.values
                ],
                "policy_version": record.policy_version,
            }
            for record in ConsentRecord.objects.filter(user=user).order_by("created_at")
        ],
        "data_exports": [
            {
                "kind": made.get_kind_display(),
                "created_at": _time(made.created_at),
                "ready_at": _time(made.ready_at),
                "expires_at": _time(made.expires_at),
            }
            for made in DataExport.objects.filter(user=user).order_by("created_at")
        ],
    }


LABELS = {
    "data_requests": gettext_lazy("Requests about personal data"),
    "type": gettext_lazy("Type of request"),
    "status": gettext_lazy("Status"),
    "name": gettext_lazy("Name given"),
    "email": gettext_lazy("E-mail address"),
    "received_at": gettext_lazy("Received"),
    "due_at": gettext_lazy("Answer due"),
    "details": gettext_lazy("Details"),
    "extension_reason": gettext_lazy("Reasons for the extension"),
    "outcome": gettext_lazy("Answer"),
    "closed_at": gettext_lazy("Date closed"),
    "history": gettext_lazy("History"),
    "step": gettext_lazy("Step"),
    "created_at": gettext_lazy("Date and time"),
    "note": gettext_lazy("Note"),
    "consent_records": gettext_lazy("Your decisions about cookies"),
    "consent_id": gettext_lazy("Decision identifier"),
    "categories": gettext_lazy("Categories allowed"),
    "policy_version": gettext_lazy("Privacy policy version"),
    "data_exports": gettext_lazy("Files with your data prepared"),
    "kind": gettext_lazy("Kind"),
    "ready_at": gettext_lazy("Ready"),
    "expires_at": gettext_lazy("Available until"),
}


def erase(user) -> list[str]:
    """Requests and their history stay, pseudonymised: they show the answers given.

    Requests filed without an account count too: they are found by the person's
    addresses. The person's own description goes; what the IOD wrote loses the
    person's names and addresses.
    """
    for export in DataExport.objects.filter(user=user):
        if export.file:
            export.file.delete(save=False)
        export.delete()
    data_requests = _requests_pseudonymise(user)
    _background_jobs_forget(person_traces(user))
    ConsentRecord.objects.filter(user=user).update(user=None)
    DataRequestEvent.objects.filter(actor=user).update(actor=None)
    kept = []
    if AuditEntry.objects.filter(actor=user).exists():
        kept.append(_("The audit log keeps what you did with personal data as staff."))
    if data_requests:
        kept.append(
            _(
                "Your data-subject requests and how they were handled are kept, "
                "without your name and e-mail address, because the administrator "
                "must be able to show that it answered them (RODO art. 5(2))."
            )
        )
    return kept


def _background_jobs_forget(traces) -> int:
    """Delete outbox jobs that carry the person: any job with one of their
    addresses (mail to them, waiting or sent), and finished jobs that name them.
    A waiting job that only shares a first name may be someone else's mail and
    stays. (The notice of the erasure is sent after this and keeps no copy.)"""
    terms = [*traces.emails, *(name[:4] for name in traces.names)]
    emails = [email.lower() for email in traces.emails]
    forgotten = 0
    for job in outbox.jobs_mentioning(terms):
        text = json.dumps(job.args, ensure_ascii=False)
        finished = job.done_at is not None or job.failed_at is not None
        if any(email in text.lower() for email in emails) or (
            finished and traces.found_in(text)
        ):
            job.delete()
            forgotten += 1
    return forgotten


def _requests_pseudonymise(user) -> list:
    traces = person_traces(user)
    removed = _("[removed]")
    data_requests = list(
        DataRequest.objects.annotate(address=Lower("requester_email")).filter(
            Q(user=user) | Q(address__in=traces.emails)
        )
    )
    for data_request in data_requests:
        DataRequest.objects.filter(pk=data_request.pk).update(
            user=None,
            requester_name=" ".join(ERASED_NAME),
            requester_email=erased_email(user.pk),
            details="",
            extension_reason=traces.redact(data_request.extension_reason, removed),
            outcome=traces.redact(data_request.outcome, removed),
        )
    for event in DataRequestEvent.objects.filter(request__in=data_requests):
        if (note := traces.redact(event.note, removed)) != event.note:
            DataRequestEvent.objects.filter(pk=event.pk).update(note=note)
    return data_requests


def expire(now, periods) -> dict:
    """Consent records, copies of data and requests never confirmed, once due.

    A request never confirmed goes when its link expires: it blocks nothing
    meanwhile, but holds someone's address.
    """
    consent_records = ConsentRecord.objects.filter(
        created_at__lt=add_months(now, -periods.consent_record_months)
    ).delete()[0]
    unconfirmed = (
        DataRequest.objects.filter(
            status=DataRequest.Status.AWAITING_CONFIRMATION,
            created_at__lt=now - timedelta(hours=periods.request_confirmation_hours),
        )
        .delete()[1]
        .get(DataRequest._meta.label, 0)
    )
    expired = 0
    for export in DataExport.objects.filter(expires_at__lt=now):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        expired += 1
    return {
        "consent_records": consent_records,
        "data_exports": expired,
        "unconfirmed_requests": unconfirmed,
    }


register(
    DataProvider(
        key="privacy",
        label="Wnioski RODO i decyzje o cookies",
        models=(DataRequest, DataRequestEvent, DataExport, ConsentRecord, AuditEntry),
        export=export,
        erase=erase,
        # A copy of data is not put into the next copy; erasure deletes it.
        file_fields=("privacy.DataExport.file",),
        expire=expire,
        labels=LABELS,
    )
)
