import base64
import hashlib
import json
import re

from allauth.mfa.models import Authenticator
from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import permissions
from .permissions import session_has_second_factor

ADMIN_PREFIX = "/admin/"


class StaffAdminAccessMiddleware:
    """Let staff use their privileges only with a second factor in the session.

    At the admin's door: a learner (no admin permission) gets 403 rather than a login
    page; staff without a TOTP authenticator are sent to set one up; staff with one
    who signed in some other way are asked to sign in again. Outside the admin, a
    view that finds a staff privilege would apply raises
    `permissions.SecondFactorRequired`, and is answered the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, permissions.SecondFactorRequired)
            and request.user.is_authenticated
        ):
            return self.second_factor_step(
                request,
                _(
                    "Staff accounts use two-factor authentication. Set up an "
                    "authenticator app to open this page."
                ),
            )
        return None

    def check(self, request):
        user = request.user
        if not permissions.can_access_admin(user):
            raise PermissionDenied
        if not permissions.must_use_two_factor(user) or session_has_second_factor(
            request
        ):
            return None
        return self.second_factor_step(
            request,
            _(
                "Staff accounts use two-factor authentication. Set up an "
                "authenticator app to enter the administration panel."
            ),
        )

    def second_factor_step(self, request, set_up_message):
        """Set up TOTP, or sign in again with the code, and come back here."""
        query = urlencode({"next": request.get_full_path()})
        has_totp = Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
        if not has_totp:
            messages.info(request, set_up_message)
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        messages.info(
            request,
            _("Sign in again with the code from your authenticator app."),
        )
        logout(request)
        return redirect(f"{reverse('account_login')}?{query}")


class AdminContentSecurityMiddleware:
    """Adapt the security headers to what the Wagtail admin needs, and no further.

    - The page preview is shown in a same-origin frame.
    - The admin styles elements inline.
    - A few Wagtail widgets and panels start themselves with a one-line inline script
      (a chooser, a date picker, an inline panel). Each such script that has exactly
      that shape, with only data as its arguments, is allowed by its hash; any other
      inline script stays blocked, so the policy never needs 'unsafe-inline'.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.CSP_ADMIN_EXCEPTION_PATHS):
            return response
        update = {"style-src": [UNSAFE_INLINE]}
        if "text/html" in response.get("Content-Type", "") and not response.streaming:
            hashes = admin_script_hashes(response.content.decode(response.charset))
            if hashes:
                update["script-src"] = hashes
        response._csp_update = update
        if "/preview/" in request.path:
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
WIDGET_CALL = re.compile(
    r"^(?:init(?:Date|Time|DateTime)Chooser|new [A-Za-z.]*Chooser)"
    r"\((?P<args>.*)\);$",
    re.S,
)
PANEL_INIT = re.compile(
    r"^\(function\(\) \{\s*var panel = new (?:Inline|MultipleChooser)Panel"
    r"\(JSON\.parse\((?P<literal>\"(?:[^\"\\]|\\.)*\")\)\);\s*\}\)\(\);$",
    re.S,
)


def is_wagtail_widget_init(script: str) -> bool:
    """True for the known widget start-up calls whose arguments are pure data."""
    script = script.strip()
    if match := WIDGET_CALL.match(script):
        source = "[" + match["args"] + "]"
    elif match := PANEL_INIT.match(script):
        source = match["literal"]
    else:
        return False
    try:
        json.loads(source)
    except ValueError:
        return False
    return True


def admin_script_hashes(html: str) -> list[str]:
    hashes = []
    for script in INLINE_SCRIPT.findall(html):
        if is_wagtail_widget_init(script):
            digest = hashlib.sha256(script.encode()).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))
