"""The confirmation of participation in a workshop (§ 10 of issue 13): a tagged PDF
rendered like the courses' certificates, from the same stylesheet."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats

from . import rules

STYLESHEET = settings.BASE_DIR / "static" / "css" / "certificate.css"


def hours_label(starts_at, ends_at) -> str:
    """The workshop's length in hours, "3" or "2,5" (Polish decimal comma)."""
    hours = (ends_at - starts_at).total_seconds() / 3600
    if hours == int(hours):
        return str(int(hours))
    return formats.number_format(round(hours, 1), decimal_pos=1)


def confirmation_context(signup) -> dict:
    workshop = signup.workshop
    location = workshop.location
    return {
        "signup": signup,
        "full_name": signup.client.name,
        "topic": workshop.service.title,
        "starts_at": workshop.starts_at.astimezone(rules.WARSAW),
        "ends_at": workshop.ends_at.astimezone(rules.WARSAW),
        "place": ", ".join(
            part
            for part in (location.name, location.full_address, workshop.room)
            if part
        ),
        "leader": str(workshop.leader),
        "hours": hours_label(workshop.starts_at, workshop.ends_at),
    }


def confirmation_pdf_bytes(signup) -> bytes:
    """Render the confirmation to a tagged PDF (PDF/UA-1) with WeasyPrint."""
    from weasyprint import CSS, HTML  # deferred: ~1 s and ~40 MB; only renders need it

    html = render_to_string(
        "counselling/confirmation.html",
        {**confirmation_context(signup), "for_pdf": True},
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
