"""The audit log: who among staff did what to whose personal data, from where."""

from .http import client_ip
from .models import AuditEntry


def audit_record(*, request, action, obj, description="") -> AuditEntry:
    """Write one entry for a staff operation on `obj` made in `request`."""
    return AuditEntry.objects.create(
        actor=request.user,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        description=description[:300],
        ip_address=client_ip(request) or None,
    )
