"""The learner's dashboard, certificates and their public verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.accounts.permissions import SecondFactorRequired, can_use_staff_privileges
from portal.core.audit import audit_record
from portal.core.http import client_ip

from .. import permissions, selectors, services
from ..certificates import certificate_context
from ..models import Certificate


@never_cache
@login_required
def dashboard(request):
    return TemplateResponse(
        request, "courses/dashboard.html", selectors.dashboard_for(user=request.user)
    )


def _certificate_for(request, number, *, action):
    """The certificate, if this person may see it; staff reading someone else's
    certificate need the second factor and leave an entry in the audit log."""
    certificate = (
        Certificate.objects.select_related("enrollment").filter(number=number).first()
    )
    if certificate is None:
        raise Http404
    if not permissions.can_download_certificate(
        request.user, certificate, second_factor=can_use_staff_privileges(request)
    ):
        if permissions.can_read_certificates(request.user):
            raise SecondFactorRequired
        raise Http404
    if certificate.enrollment.user_id != request.user.pk:
        audit_record(request=request, action=action, obj=certificate)
    return certificate


@never_cache
def certificate_pdf(request, number):
    certificate = _certificate_for(request, number, action="download")
    if certificate.status != Certificate.Status.READY or not certificate.pdf:
        services.certificate_render_again(certificate=certificate)
        messages.info(
            request, _("Your certificate is being prepared. Try again in a minute.")
        )
        return redirect("courses:dashboard")
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certyfikat-{certificate.number}.pdf",
        content_type="application/pdf",
    )


@never_cache
def certificate_html(request, number):
    certificate = _certificate_for(request, number, action="view")
    return TemplateResponse(
        request, "courses/certificate.html", certificate_context(certificate)
    )


def certificate_verify(request, code=None):
    """Public check of a certificate by its code: from the form or the QR link."""
    raw = (code if code is not None else request.GET.get("kod", "")).strip()
    context = {"code": raw, "searched": bool(raw)}
    if raw:
        if not services.verification_lookup_allowed(client_key=client_ip(request)):
            context["throttled"] = True
            return TemplateResponse(
                request, "courses/certificate_verify.html", context, status=429
            )
        context["certificate"] = selectors.certificate_for_code(raw)
    return TemplateResponse(request, "courses/certificate_verify.html", context)
