"""Privacy: the person's own data-subject requests, copies of data and consent."""

from django.utils.translation import gettext as _

from portal.core.dates import add_months
from portal.core.models import AuditEntry

from .models import ConsentRecord, DataExport, DataRequest, DataRequestEvent
from .registry import DataProvider, register


def export(user) -> dict:
    return {
        "data_requests": [
            {
                "type": request.get_kind_display(),
                "status": request.get_status_display(),
                "received_at": request.received_at.isoformat()
                if request.received_at
                else None,
                "due_at": request.due_at.isoformat() if request.due_at else None,
                "details": request.details,
                "outcome": request.outcome,
            }
            for request in DataRequest.objects.filter(user=user)
        ]
    }


def erase(user) -> list[str]:
    """Requests and their history stay: they show the administrator answered them."""
    for export in DataExport.objects.filter(user=user):
        if export.file:
            export.file.delete(save=False)
        export.delete()
    DataRequest.objects.filter(user=user).update(user=None)
    DataRequestEvent.objects.filter(actor=user).update(actor=None)
    kept = []
    if AuditEntry.objects.filter(actor=user).exists():
        kept.append(_("The audit log keeps what you did with personal data as staff."))
    return kept + [
        _(
            "Your data-subject requests and how they were handled are kept, because "
            "the administrator must be able to show that it answered them "
            "(RODO art. 5(2))."
        )
    ]


def expire(now, periods) -> dict:
    """Consent records after their months; copies of data after their days."""
    consent_records = ConsentRecord.objects.filter(
        created_at__lt=add_months(now, -periods.consent_record_months)
    ).delete()[0]
    expired = 0
    for export in DataExport.objects.filter(expires_at__lt=now):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        expired += 1
    return {"consent_records": consent_records, "data_exports": expired}


register(
    DataProvider(
        key="privacy",
        label="Wnioski RODO",
        models=(DataRequest, DataRequestEvent, DataExport, AuditEntry),
        export=export,
        erase=erase,
        # A copy of data is not put into the next copy; erasure deletes it.
        file_fields=("privacy.DataExport.file",),
        expire=expire,
    )
)
