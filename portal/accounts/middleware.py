from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import permissions

ADMIN_PREFIX = "/admin/"


def session_has_second_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffAdminAccessMiddleware:
    """Let into the admin only staff who signed in with a second factor.

    A learner (no admin permission) gets 403 rather than a login page; staff without
    a TOTP authenticator are sent to set one up; staff with one who signed in some
    other way are asked to sign in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        user = request.user
        if not permissions.can_access_admin(user):
            raise PermissionDenied
        if not permissions.must_use_two_factor(user) or session_has_second_factor(
            request
        ):
            return None
        has_totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
        if not has_totp:
            messages.info(
                request,
                _(
                    "Staff accounts use two-factor authentication. Set up an "
                    "authenticator app to enter the administration panel."
                ),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        messages.info(
            request,
            _("Sign in again with the code from your authenticator app."),
        )
        from django.contrib.auth import logout

        logout(request)
        return redirect(f"{reverse('account_login')}?next={request.path}")


class AdminPreviewFramingMiddleware:
    """Loosen two headers only where the Wagtail admin needs it.

    The page preview is shown in a same-origin frame, and the admin styles elements
    inline. Scripts keep the strict policy everywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.CSP_ADMIN_STYLE_EXCEPTION_PATHS):
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
            if "/preview/" in request.path:
                response["X-Frame-Options"] = "SAMEORIGIN"
        return response
