"""Background work in courses: each task re-fetches by id and calls a service."""

import logging
from datetime import timedelta

from celery import shared_task
from celery.signals import worker_process_init
from django.utils import timezone

from portal.core import outbox
from portal.core.outbox import OutboxTask

from . import selectors
from .certificates import (
    RENDER_CLAIM_TIMEOUT,
    certificate_render,
    certificate_renderer_warm,
)

logger = logging.getLogger(__name__)

MAX_RETRIES = 12
# The beat safety net leaves a certificate this long to its first render.
PENDING_AFTER = timedelta(minutes=10)


@worker_process_init.connect
def certificate_renderer_warm_up(**kwargs):
    """Each worker process loads WeasyPrint and the fonts once, before its first job."""
    try:
        certificate_renderer_warm()
    except Exception:  # a failed warm-up only leaves the first render cold
        logger.exception("Could not warm up the certificate renderer")


@shared_task(
    base=OutboxTask,
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=15,
    retry_backoff_max=60 * 10,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def certificate_render_task(self, certificate_id):
    """Render, store and mail one certificate (courses.certificates), with retries."""
    try:
        return certificate_render(
            certificate_id=certificate_id, delivery=self.request.id or ""
        )
    except Exception as error:
        if self.request.retries >= MAX_RETRIES:
            logger.error(
                "Certificate %s could not be rendered: %r", certificate_id, error
            )
        raise


@shared_task
def certificates_render_pending_task():
    """Safety net run by beat: queue again certificates still waiting for a PDF."""
    now = timezone.now()
    pending = selectors.certificate_ids_pending(
        issued_before=now - PENDING_AFTER,
        claimed_before=now - RENDER_CLAIM_TIMEOUT,
    )
    for certificate_id in pending:
        outbox.enqueue(certificate_render_task, certificate_id)
    return len(pending)
