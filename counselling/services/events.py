"""The log of every step: one `counselling.Event` row per change."""

from datetime import date, datetime
from uuid import UUID

from django.utils import timezone

from ..models import Event
from ..rules import WARSAW


def _plain(value):
    """Make a detail JSON-serialisable: Warsaw times in ISO 8601, objects by key."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value, WARSAW).isoformat()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "pk"):
        return value.pk
    return value


def event_log(
    action,
    *,
    actor,
    booking=None,
    signup=None,
    workshop=None,
    client=None,
    complaint=None,
    **detail,
) -> Event:
    """Record one step; the client and workshop follow from the appointment."""
    appointment = booking or signup
    if client is None and appointment is not None:
        client = appointment.client
    if workshop is None and signup is not None:
        workshop = signup.workshop
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return Event.objects.create(
        action=action,
        actor=actor,
        booking=booking,
        signup=signup,
        workshop=workshop,
        client=client,
        complaint=complaint,
        detail={key: _plain(value) for key, value in detail.items()},
    )
