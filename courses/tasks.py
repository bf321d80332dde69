from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone


@shared_task(
    autoretry_for=(Exception,),
    retry_backoff=15,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=12,
)
def certificate_render_task(certificate_id):
    """Render a certificate's PDF once and tell its owner; safe to run again."""
    from portal.accounts.services import email_send

    from .certificates import certificate_pdf_bytes
    from .models import Certificate

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update()
            .select_related("enrollment__user")
            .get(pk=certificate_id)
        )
        if certificate.status == Certificate.Status.READY and certificate.pdf:
            return "already ready"
        certificate.render_attempts += 1
        certificate.save(update_fields=["render_attempts"])
    try:
        pdf = certificate_pdf_bytes(certificate)
    except Exception as error:
        Certificate.objects.filter(pk=certificate_id).update(
            last_error=repr(error)[:300]
        )
        raise
    with transaction.atomic():
        certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(pdf), save=False)
        certificate.status = Certificate.Status.READY
        certificate.last_error = ""
        certificate.save(update_fields=["pdf", "status", "last_error"])
        email_send(
            template="courses/email/certificate_ready",
            to=certificate.enrollment.user.email,
            context={"certificate": certificate},
        )
    return "rendered"


@shared_task
def certificates_render_pending_task():
    """Safety net run by beat: queue again certificates still waiting for a PDF."""
    from .models import Certificate

    stale = timezone.now() - timedelta(minutes=10)
    pending = Certificate.objects.filter(
        status=Certificate.Status.PENDING, issued_at__lt=stale
    ).values_list("pk", flat=True)
    for certificate_id in pending:
        certificate_render_task.delay(certificate_id)
    return len(pending)
