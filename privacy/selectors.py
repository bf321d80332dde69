"""Reads of privacy data that views share."""

from django.utils import timezone

from .models import DataExport


def exports_available_to(user, now=None):
    """The person's copies of data that are ready and not yet expired."""
    now = now or timezone.now()
    return (
        DataExport.objects.filter(user=user, expires_at__gte=now)
        .exclude(file="")
        .order_by("-ready_at")
    )
