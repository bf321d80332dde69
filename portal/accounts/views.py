from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.core.http import safe_next
from privacy.models import LegalSettings

from . import permissions, services, sessions
from .forms import AcceptDocumentsForm, MyDataForm
from .selectors import documents_pending_acceptance


@never_cache
@login_required
def my_data(request):
    user = request.user
    if not permissions.can_see_own_data(user):
        raise PermissionDenied
    editable = permissions.can_edit_own_data(user)
    form = MyDataForm(request.POST or None, user=user)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        services.user_update_details(user=user, **form.cleaned_data)
        messages.success(request, _("Your data has been saved."))
        return redirect("accounts:my_data")
    return TemplateResponse(
        request,
        "accounts/my_data.html",
        {
            "can_manage_two_factor": permissions.can_manage_two_factor(user),
            "editable": editable,
            "form": form,
            "primary_email": user.email,
            "acceptances": user.legal_acceptances.all(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def session_status(request):
    """How long the session has left (GET), or extend it (POST).

    The warning script asks in JSON; without JavaScript the extend form posts here
    and comes back to the page it was on.
    """
    allowed = permissions.can_extend_session(request.user)
    if request.method == "POST" and allowed:
        sessions.session_touch(request.session)
    left = sessions.seconds_left(request.session) if allowed else 0
    if request.method == "GET" or "application/json" in request.headers.get(
        "Accept", ""
    ):
        return JsonResponse({"seconds_left": left})
    if not allowed:
        query = urlencode({"next": safe_next(request, "/")})
        return redirect(f"{reverse('account_login')}?{query}")
    messages.success(request, _("Your session has been extended."))
    return redirect(safe_next(request, "/"))


ACCEPTED_VERSIONS_KEY = "legal_versions_accepted"


def _versions(legal) -> str:
    return f"terms:{legal.terms_version}|privacy:{legal.privacy_version}"


def current_documents_required(view):
    """Send a learner to accept changed documents before using what they govern.

    Reading pages, the account and one's own data stay open; enrolling, studying
    and tests wait. The accepted versions are remembered in the session, so the
    check costs a query only when the versions in force change.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if permissions.must_accept_documents(request.user):
            legal = LegalSettings.for_request(request)
            versions = _versions(legal)
            if request.session.get(ACCEPTED_VERSIONS_KEY) != versions:
                if documents_pending_acceptance(user=request.user, legal=legal):
                    back = request.get_full_path() if request.method == "GET" else ""
                    query = urlencode(
                        {"next": back or request.headers.get("referer", "")}
                    )
                    return redirect(f"{reverse('accounts:accept_documents')}?{query}")
                request.session[ACCEPTED_VERSIONS_KEY] = versions
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@login_required
def accept_documents(request):
    """Ask a learner to accept documents that changed since they last did."""
    legal = LegalSettings.for_request(request)
    pending = documents_pending_acceptance(user=request.user, legal=legal)
    next_url = safe_next(request)
    if not pending or not permissions.must_accept_documents(request.user):
        return redirect(next_url or "accounts:my_data")
    form = AcceptDocumentsForm(request.POST or None, pending=pending)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["shown_versions"] != _versions(legal):
            messages.warning(
                request,
                _("The documents changed while you were reading. Read them again."),
            )
            form = AcceptDocumentsForm(pending=pending)
        else:
            services.legal_documents_accept(
                user=request.user, documents=form.accepted_versions()
            )
            request.session[ACCEPTED_VERSIONS_KEY] = _versions(legal)
            messages.success(request, _("Thank you. Your answer has been recorded."))
            return redirect(next_url or "accounts:my_data")
    form.fields["shown_versions"].initial = _versions(legal)
    return TemplateResponse(
        request,
        "accounts/accept_documents.html",
        {"form": form, "pending": pending, "next": next_url},
    )
