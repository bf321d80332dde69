from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.http import safe_next
from portal.core.mail import email_send

from . import consent, permissions, selectors
from .forms import DataRequestForm, PublicDataRequestForm
from .models import (
    OPTIONAL_CATEGORIES,
    CookieCategory,
    CookieDeclaration,
    DataExport,
    DataRequest,
)
from .services import consent as consent_services
from .services import requests as request_services


def _back(request):
    return safe_next(request, "/")


def _save(request, categories, target):
    version = selectors.privacy_policy_version(request)
    previous = consent.read(request, version)
    record = consent_services.consent_record(
        consent_id=previous.consent_id or None,
        categories=categories,
        policy_version=version,
    )
    response = redirect(target)
    consent.write(response, record)
    withdrawn = [
        c
        for c in OPTIONAL_CATEGORIES
        if c in previous.categories and c not in record.categories
    ]
    for name in consent_services.cookies_to_delete(withdrawn=withdrawn):
        response.delete_cookie(name)
    return response


@require_POST
def decide(request):
    """The banner's buttons: accept all, reject all, or allow one category more."""
    action = request.POST.get("action")
    version = selectors.privacy_policy_version(request)
    current = consent.read(request, version)
    if action == "accept_all":
        categories = list(OPTIONAL_CATEGORIES)
    elif action == "reject_all":
        categories = []
    elif action == "allow" and request.POST.get("category") in OPTIONAL_CATEGORIES:
        categories = (
            [*current.categories, request.POST["category"]]
            if current.decided
            else [request.POST["category"]]
        )
    else:
        return redirect(_back(request))
    return _save(request, categories, _back(request))


def settings_page(request):
    """Per-category switches and the cookie declaration; withdrawal is as easy."""
    version = selectors.privacy_policy_version(request)
    current = consent.read(request, version)
    if request.method == "POST":
        chosen = [c for c in OPTIONAL_CATEGORIES if request.POST.get(c) == "on"]
        messages.success(request, _("Your cookie settings have been saved."))
        return _save(request, chosen, request.path)
    return TemplateResponse(
        request,
        "privacy/cookie_settings.html",
        {
            "current": current,
            "categories": [
                (c, CookieCategory(c).label, current.allows(c))
                for c in OPTIONAL_CATEGORIES
            ],
            "declaration": CookieDeclaration.objects.all(),
        },
    )


# Data-subject requests: the person's side -------------------------------------------

CONFIRM_SALT = "privacy.request-confirm"


def my_requests(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_file_request(request.user):
        raise PermissionDenied
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_services.data_request_create(user=request.user, **form.cleaned_data)
        except request_services.DuplicateRequest:
            form.add_error(
                "kind",
                _("You already have an open request of this type. We will answer it."),
            )
        else:
            messages.success(
                request, _("Your request has been filed. We have sent a confirmation.")
            )
            return redirect("privacy:my_requests")
    return TemplateResponse(
        request,
        "privacy/my_requests.html",
        {
            "form": form,
            "requests": DataRequest.objects.filter(user=request.user).order_by(
                "-created_at"
            ),
            "exports": selectors.exports_available_to(request.user),
        },
    )


def public_request(request):
    form = PublicDataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            filed = request_services.data_request_create(
                kind=data["kind"],
                details=data["details"],
                name=data["name"],
                email=data["email"],
                confirmed=False,
            )
        except request_services.DuplicateRequest:
            form.add_error(
                "kind",
                _("There is already an open request of this type from this address."),
            )
        else:
            token = signing.dumps(filed.pk, salt=CONFIRM_SALT)
            email_send(
                template="privacy/email/request_confirm",
                to=filed.requester_email,
                context={
                    "request": filed,
                    "path": reverse("privacy:confirm_request", args=[token]),
                },
            )
            return TemplateResponse(request, "privacy/request_sent.html", {})
    return TemplateResponse(request, "privacy/public_request.html", {"form": form})


def confirm_request(request, token):
    try:
        hours = selectors.retention_periods().request_confirmation_hours
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=hours * 60 * 60)
    except signing.SignatureExpired:
        return TemplateResponse(
            request, "privacy/request_confirmed.html", {"expired": True}, status=410
        )
    except signing.BadSignature as error:
        raise Http404 from error
    data_request = DataRequest.objects.filter(pk=pk).first()
    if data_request is None:
        raise Http404
    if request.method == "POST":
        request_services.data_request_confirm(request=data_request)
        return TemplateResponse(
            request, "privacy/request_confirmed.html", {"data_request": data_request}
        )
    return TemplateResponse(
        request, "privacy/request_confirm.html", {"data_request": data_request}
    )


def export_download(request, pk):
    """The owner's copy of data, for 7 days; anyone else gets 404."""

    export = DataExport.objects.filter(pk=pk).first()
    if export is None or not permissions.can_download_export(
        request.user, export, timezone.now()
    ):
        raise Http404
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"kopia-danych-{export.created_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
