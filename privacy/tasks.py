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


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=8)
def data_export_build_task(export_id):
    """Build the ZIP of a copy of data once and tell its owner; safe to run again."""
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.urls import reverse
    from django.utils import timezone

    from portal.accounts.services import email_send

    from .exports import build_export
    from .models import DataExport

    export = DataExport.objects.select_related("user").get(pk=export_id)
    if export.ready_at:
        return "already ready"
    content = build_export(export.user)
    with transaction.atomic():
        export = DataExport.objects.select_for_update().get(pk=export_id)
        if export.ready_at:
            return "already ready"
        export.file.save(
            f"kopia-danych-{export.pk}.zip", ContentFile(content), save=False
        )
        export.ready_at = timezone.now()
        export.expires_at = export.ready_at + timedelta(days=7)
        export.save(update_fields=["file", "ready_at", "expires_at"])
        email_send(
            template="privacy/email/export_ready",
            to=export.user.email,
            context={
                "export": export,
                "path": reverse("privacy:export", args=[export.pk]),
            },
        )
    return "built"


@shared_task
def data_exports_delete_expired_task():
    """Daily: delete copies of data older than their 7 days."""
    from django.utils import timezone

    from .models import DataExport

    expired = DataExport.objects.filter(expires_at__lt=timezone.now())
    count = 0
    for export in expired:
        if export.file:
            export.file.delete(save=False)
        export.delete()
        count += 1
    return count


@shared_task
def retention_task():
    """Daily (beat): remove what the retention settings say has outlived its period."""
    from .services import retention_run

    return retention_run()
