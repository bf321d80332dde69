"""Certificates: rendering (plain functions, testable without Celery) and the
service the render task runs: claim → render → store → mail."""

import functools
from datetime import timedelta

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.core.mail import email_send

from .models import Attempt, Certificate

STYLESHEET = settings.BASE_DIR / "static" / "css" / "certificate.css"
# A render that started this long ago without finishing is taken to have died.
RENDER_CLAIM_TIMEOUT = timedelta(minutes=5)


def verification_url(certificate) -> str:
    path = reverse("courses:verify_code", args=[certificate.display_code])
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def certificate_score(certificate) -> int | None:
    """The end-test result the certificate states: the first passing attempt."""
    if certificate.enrollment_id is None:  # an unsaved sample (bench, preview)
        return None
    attempt = (
        Attempt.objects.filter(enrollment_id=certificate.enrollment_id, passed=True)
        .order_by("number")
        .only("score_percent")
        .first()
    )
    return attempt.score_percent if attempt else None


def certificate_context(certificate) -> dict:
    url = verification_url(certificate)
    qr = segno.make(url, error="m")
    return {
        "certificate": certificate,
        "score_percent": certificate_score(certificate),
        "verification_url": url,
        # One pixel a module, scaled up without smoothing (`image-rendering:
        # pixelated` in the stylesheet): as sharp as a big bitmap, nothing to
        # re-encode. Cheaper to lay out than SVG.
        "qr_image": qr.png_data_uri(scale=1, border=2, dark="#111111"),
    }


@functools.cache
def certificate_renderer():
    """The fonts and the parsed stylesheet, loaded once per process.

    A FontConfiguration holds Pango's font map: made anew for every document, it
    loads and measures the fonts again each time, which costs a bare document half
    its time. The stylesheet is parsed once too (a changed sheet needs a restart).
    """
    from weasyprint import CSS  # deferred: ~1 s and ~40 MB; only renders need it
    from weasyprint.text.fonts import FontConfiguration  # deferred: as above

    font_config = FontConfiguration()
    stylesheet = CSS(filename=str(STYLESHEET), font_config=font_config)
    return font_config, stylesheet


def certificate_renderer_warm() -> None:
    """Load WeasyPrint, the fonts and the template now (a worker starting) by
    rendering a sample, so that the first certificate is as fast as the next."""
    sample = Certificate(
        number="KDP-0000-000000",
        verification_code="ABCDEFGHJKLM",
        full_name="Zażółć Gęśla-Jaźń",
        course_title="Kurs",
        issued_at=timezone.now(),
    )
    certificate_pdf_bytes(sample)


def certificate_pdf_bytes(certificate) -> bytes:
    """Render the certificate to a tagged PDF (PDF/UA-1) with WeasyPrint."""
    from weasyprint import HTML  # deferred: ~1 s and ~40 MB; only renders need it

    font_config, stylesheet = certificate_renderer()
    html = render_to_string(
        "courses/certificate.html",
        {**certificate_context(certificate), "for_pdf": True},
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[stylesheet], font_config=font_config, pdf_variant="pdf/ua-1"
    )


def certificate_render(*, certificate_id, delivery: str = "") -> str:
    """Render a certificate's PDF once, store it and tell its owner; safe to run again.

    A run first claims the certificate, so that two runs at the same time (a
    retry, the beat safety net, a learner's click) do not both render and mail.
    The claim names the `delivery` (the Celery task id): when a killed worker's
    job comes back with the same id, it is not kept waiting by its own claim.
    A failed render is recorded on the certificate and raised again, to be retried.
    """
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
        own_claim = bool(delivery) and certificate.render_claim == delivery
        if claimed and now - claimed < RENDER_CLAIM_TIMEOUT and not own_claim:
            return "rendering elsewhere"
        certificate.render_started_at = now
        certificate.render_claim = delivery
        certificate.render_attempts += 1
        certificate.save(
            update_fields=["render_started_at", "render_claim", "render_attempts"]
        )
    try:
        pdf = certificate_pdf_bytes(certificate)
    except Exception as error:
        Certificate.objects.filter(pk=certificate_id).update(
            last_error=repr(error)[:300], render_started_at=None, render_claim=""
        )
        raise
    certificate_store(certificate_id=certificate_id, pdf=pdf)
    return "rendered"


def certificate_store(*, certificate_id, pdf: bytes) -> None:
    """Save the rendered PDF and mail the owner, unless another run already did."""
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
        certificate.render_claim = ""
        certificate.save(
            update_fields=[
                "pdf",
                "status",
                "last_error",
                "render_started_at",
                "render_claim",
            ]
        )
        email_send(
            template="courses/email/certificate_ready",
            to=certificate.enrollment.user.email,
            context={"certificate": certificate},
        )
