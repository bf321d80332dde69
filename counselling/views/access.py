"""The checks the learner's views start with."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse

from portal.core.audit import audit_record
from portal.core.models import AuditEntry

from .. import permissions, selectors


def require_booker(request):
    """None for a verified learner; otherwise sign-in or an explanation."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if permissions.can_book(request.user):
        return None
    return TemplateResponse(
        request, "counselling/cannot_book.html", {"user": request.user}, status=403
    )


def require_signed_in(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def appointment_or_404(request, token):
    """The booking or sign-up behind the token, for its owner or the token's holder."""
    appointment = selectors.appointment_by_token(token)
    if appointment is None or not permissions.can_view_appointment(
        request.user, appointment, token_ok=True
    ):
        raise Http404
    if request.user.is_authenticated and not permissions.is_owner(
        request.user, appointment
    ):
        # Staff opening a client's page through its link read personal data.
        audit_record(
            request=request,
            action=AuditEntry.Action.VIEW,
            obj=appointment,
            description=request.path,
        )
    return appointment
