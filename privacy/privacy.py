"""Privacy: the person's own data-subject requests."""

from django.utils.translation import gettext as _

from .models import AuditEntry, DataExport, DataRequest, DataRequestEvent
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


register(
    DataProvider(
        key="privacy",
        label="Wnioski RODO",
        models=(DataRequest, DataRequestEvent, DataExport, AuditEntry),
        export=export,
        erase=erase,
    )
)
