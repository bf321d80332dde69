from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.http import client_ip, safe_next
from portal.core.pagecache import same_origin_post

from . import consent, permissions, selectors
from .exports import FILE_NAMES
from .forms import DataRequestForm, PublicDataRequestForm
from .models import (
    OPTIONAL_CATEGORIES,
    CookieCategory,
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
        user=request.user if request.user.is_authenticated else None,
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


@same_origin_post
@require_POST
def decide(request):
    """The banner's buttons: accept all, reject all, or allow one category more.

    The banner is on pages kept in the page cache, so its form carries no CSRF
    token; the post must come from the portal's own pages instead.
    """
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
            "declaration": consent.declaration(),
        },
    )


# Data-subject requests: the person's side -------------------------------------------

# The links are signed by the services; tests sign their own with the same salt.
CONFIRM_SALT = request_services.CONFIRM_SALT


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
    """The form for people without an account.

    Whatever the address's requests, a valid form gets the same "check your
    e-mail" page: only the mailbox learns whether a request was filed or one of
    its kind is already open.
    """
    form = PublicDataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not request_services.public_request_allowed(
            client_key=client_ip(request), email=data["email"]
        ):
            form.add_error(
                None,
                _(
                    "Too many requests have been sent from this device or to this "
                    "e-mail address. Try again in an hour, or write to "
                    "ochronadanych@wup-krakow.pl."
                ),
            )
        else:
            request_services.data_request_file_public(
                kind=data["kind"],
                details=data["details"],
                name=data["name"],
                email=data["email"],
            )
            return TemplateResponse(
                request,
                "privacy/request_sent.html",
                {"hours": selectors.retention_periods().request_confirmation_hours},
            )
    return TemplateResponse(request, "privacy/public_request.html", {"form": form})


def confirm_request(request, token):
    try:
        data_request = request_services.request_by_token(token)
    except signing.SignatureExpired:
        data_request = None
    except signing.BadSignature as error:
        raise Http404 from error
    if data_request is None:
        # Expired, or deleted unconfirmed once its link had expired.
        return TemplateResponse(
            request, "privacy/request_confirmed.html", {"expired": True}, status=410
        )
    if request.method == "POST":
        counted = request_services.data_request_confirm(request=data_request)
        return TemplateResponse(
            request,
            "privacy/request_confirmed.html",
            {"data_request": counted, "already_open": counted.pk != data_request.pk},
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
        filename=f"{FILE_NAMES[export.kind]}-{export.created_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
