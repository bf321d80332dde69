import logging
from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# A render that started this long ago without finishing is taken to have died.
RENDER_CLAIM_TIMEOUT = timedelta(minutes=5)
MAX_RETRIES = 12


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=15,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def certificate_render_task(self, certificate_id):
    """Render a certificate's PDF once and tell its owner; safe to run again.

    A run first claims the certificate, so that two runs at the same time (a
    retry, the beat safety net, a learner's click) do not both render and mail.
    """
    from .certificates import certificate_pdf_bytes
    from .models import Certificate

    now = timezone.now()
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update()
            .select_related("enrollment__user")
            .get(pk=certificate_id)
        )
        if certificate.status == Certificate.Status.READY and certificate.pdf:
            return "already ready"
        claimed = certificate.render_started_at
        if claimed and now - claimed < RENDER_CLAIM_TIMEOUT:
            return "rendering elsewhere"
        certificate.render_started_at = now
        certificate.render_attempts += 1
        certificate.save(update_fields=["render_started_at", "render_attempts"])
    try:
        pdf = certificate_pdf_bytes(certificate)
    except Exception as error:
        Certificate.objects.filter(pk=certificate_id).update(
            last_error=repr(error)[:300], render_started_at=None
        )
        if self.request.retries >= MAX_RETRIES:
            logger.error(
                "Certificate %s could not be rendered: %r", certificate_id, error
            )
        raise
    certificate_store(certificate_id=certificate_id, pdf=pdf)
    return "rendered"


def certificate_store(*, certificate_id, pdf: bytes):
    """Save the rendered PDF and mail the owner, unless another run already did."""
    from portal.accounts.services import email_send

    from .models import Certificate

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update()
            .select_related("enrollment__user")
            .get(pk=certificate_id)
        )
        if certificate.status == Certificate.Status.READY and certificate.pdf:
            return
        name = f"certificates/{certificate.number}.pdf"
        certificate.pdf.storage.delete(name)
        certificate.pdf.save(name.split("/")[-1], ContentFile(pdf), save=False)
        certificate.status = Certificate.Status.READY
        certificate.last_error = ""
        certificate.render_started_at = None
        certificate.save(
            update_fields=["pdf", "status", "last_error", "render_started_at"]
        )
        email_send(
            template="courses/email/certificate_ready",
            to=certificate.enrollment.user.email,
            context={"certificate": certificate},
        )


@shared_task
def certificates_render_pending_task():
    """Safety net run by beat: queue again certificates still waiting for a PDF."""
    from django.db.models import Q

    from .models import Certificate

    now = timezone.now()
    pending = Certificate.objects.filter(
        Q(render_started_at__isnull=True)
        | Q(render_started_at__lt=now - RENDER_CLAIM_TIMEOUT),
        status=Certificate.Status.PENDING,
        issued_at__lt=now - timedelta(minutes=10),
    ).values_list("pk", flat=True)
    for certificate_id in pending:
        certificate_render_task.delay(certificate_id)
    return len(pending)
