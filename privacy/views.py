from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import consent, services
from .models import OPTIONAL_CATEGORIES, CookieCategory, CookieDeclaration


def _policy_version(request):
    from portal.pages.models import LegalSettings

    return LegalSettings.for_request(request).privacy_version


def _back(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return target


def _save(request, categories, target):
    version = _policy_version(request)
    previous = consent.read(request, version)
    record = services.consent_record(
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
    for name in services.cookies_to_delete(withdrawn=withdrawn):
        response.delete_cookie(name)
    return response


@require_POST
def decide(request):
    """The banner's buttons: accept all, reject all, or allow one category more."""
    action = request.POST.get("action")
    version = _policy_version(request)
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
    version = _policy_version(request)
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
