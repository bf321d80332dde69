"""Reads of complaints for the manager's screens and the admin home panel."""

from datetime import timedelta

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from . import rules
from .models import Complaint, Event

DUE_SOON_DAYS = 3


def complaints_for_manager(*, status: str = ""):
    """Open complaints first, by due date; then the decided ones, newest first."""
    complaints = Complaint.objects.annotate(
        closed=Case(
            When(status=Complaint.Status.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )
    if status:
        complaints = complaints.filter(status=status)
    return complaints.order_by("closed", "due_on", "-received_on", "pk")


def days_left(complaint, today) -> int | None:
    """Days until the answer is due (negative when overdue); None once decided."""
    if not complaint.is_open:
        return None
    return (complaint.due_on - today).days


def complaints_due_soon(now=None, *, days: int = DUE_SOON_DAYS) -> list[Complaint]:
    """Open complaints due within `days` days, or overdue: the home panel's list."""
    today = rules.local_date(now or timezone.now())
    return list(
        Complaint.objects.filter(
            status=Complaint.Status.OPEN, due_on__lte=today + timedelta(days=days)
        ).order_by("due_on", "pk")
    )


def complaint_log(complaint):
    return (
        Event.objects.filter(complaint=complaint)
        .select_related("actor")
        .order_by("at", "pk")
    )
