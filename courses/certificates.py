"""Rendering of certificates: plain functions, testable without Celery."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

STYLESHEET = settings.BASE_DIR / "static" / "css" / "certificate.css"


def verification_url(certificate) -> str:
    path = reverse("courses:verify_code", args=[certificate.display_code])
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def certificate_context(certificate) -> dict:
    url = verification_url(certificate)
    qr = segno.make(url, error="m")
    return {
        "certificate": certificate,
        "verification_url": url,
        # A bitmap at about 230 dpi: sharp in print, and cheaper to lay out than SVG.
        "qr_image": qr.png_data_uri(scale=8, border=2, dark="#111111"),
    }


def certificate_pdf_bytes(certificate) -> bytes:
    """Render the certificate to a tagged PDF (PDF/UA-1) with WeasyPrint."""
    from weasyprint import CSS, HTML

    html = render_to_string(
        "courses/certificate.html",
        {**certificate_context(certificate), "for_pdf": True},
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
