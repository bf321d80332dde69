"""The confirmation of participation, downloaded by its owner or the link's holder."""

from django.http import Http404, HttpResponse

from . import permissions
from .documents import confirmation_pdf_bytes
from .views.access import appointment_or_404


def confirmation_download(request, token):
    """Only for a workshop place marked present; 404 for anything else."""
    appointment = appointment_or_404(request, token)
    if not permissions.can_download_confirmation(appointment):
        raise Http404
    response = HttpResponse(
        confirmation_pdf_bytes(appointment), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        'attachment; filename="potwierdzenie-uczestnictwa.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
