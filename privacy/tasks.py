from datetime import timedelta

from celery import shared_task


@shared_task
def data_requests_remind_task():
    """Daily: tell the data-protection officers of requests near or past their due."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from portal.accounts.roles import DATA_PROTECTION_OFFICER
    from portal.accounts.services import email_send

    from .models import DataRequest

    soon = timezone.now() + timedelta(days=5)
    requests = list(
        DataRequest.objects.filter(
            status__in=DataRequest.OPEN, due_at__lte=soon
        ).order_by("due_at")
    )
    if not requests:
        return 0
    officers = get_user_model().objects.filter(
        groups__name=DATA_PROTECTION_OFFICER, is_active=True
    )
    for officer in officers:
        email_send(
            template="privacy/email/requests_due",
            to=officer.email,
            context={"requests": requests, "now": timezone.now()},
        )
    return len(requests)
