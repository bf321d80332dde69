"""Privacy's background jobs: each fetches what it needs and calls a service."""

from celery import shared_task
from django.utils import timezone

from portal.core.mail import email_send
from portal.core.outbox import OutboxTask

from . import exports, selectors
from .services import retention


@shared_task
def data_requests_remind_task():
    """Daily: tell the data-protection officers of requests near or past their due."""
    now = timezone.now()
    requests = list(selectors.requests_due_soon(now=now))
    if not requests:
        return 0
    for officer in selectors.request_handlers():
        email_send(
            template="privacy/email/requests_due",
            to=officer.email,
            context={"requests": requests, "now": now},
        )
    return len(requests)


@shared_task(base=OutboxTask, autoretry_for=(OSError,), retry_backoff=30, max_retries=8)
def data_export_build_task(export_id):
    """Build the ZIP of a copy of data once and tell its owner; safe to run again."""
    return exports.data_export_build(export_id=export_id)


@shared_task
def retention_task():
    """Daily (beat): remove what the retention settings say has outlived its period."""
    return retention.retention_run()
