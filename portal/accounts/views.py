from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import permissions, services
from .forms import AcceptDocumentsForm, MyDataForm
from .selectors import documents_pending_acceptance


@never_cache
@login_required
def my_data(request):
    user = request.user
    if not permissions.can_edit_own_data(user):
        raise PermissionDenied
    form = MyDataForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.user_update_details(user=user, **form.cleaned_data)
        messages.success(request, _("Your data has been saved."))
        return redirect("accounts:my_data")
    return TemplateResponse(
        request,
        "accounts/my_data.html",
        {
            "form": form,
            "primary_email": user.email,
            "acceptances": user.legal_acceptances.all(),
        },
    )


@never_cache
@login_required
def accept_documents(request):
    """Ask a learner to accept documents that changed since they last did."""
    from portal.pages.models import LegalSettings

    legal = LegalSettings.for_request(request)
    pending = documents_pending_acceptance(user=request.user, legal=legal)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = ""
    if not pending:
        return redirect(next_url or "accounts:my_data")
    form = AcceptDocumentsForm(request.POST or None, pending=pending)
    if request.method == "POST" and form.is_valid():
        services.legal_documents_accept(
            user=request.user, documents=form.accepted_versions()
        )
        messages.success(request, _("Thank you. The new versions have been accepted."))
        return redirect(next_url or "accounts:my_data")
    return TemplateResponse(
        request,
        "accounts/accept_documents.html",
        {"form": form, "pending": pending, "next": next_url},
    )
