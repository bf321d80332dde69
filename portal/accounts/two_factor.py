"""Where staff go on once their authenticator app is set up.

The admin's gate sends staff without TOTP to set it up with the page they
wanted as `next`; the setup form posts it back, and the recovery codes that
follow offer a button on to it.
"""

from django.urls import reverse

from portal.core.http import safe_next

from . import permissions

SETUP_NEXT_KEY = "two_factor_setup_next"


def setup_next_remember(request, user) -> None:
    """Keep the checked `next` of the setup form for the recovery codes page."""
    default = "/admin/" if permissions.can_access_admin(user) else ""
    request.session[SETUP_NEXT_KEY] = safe_next(
        request, default or reverse("accounts:my_data")
    )


def setup_next(request) -> str:
    """The address to go on to after a setup in this session, or ""."""
    return request.session.get(SETUP_NEXT_KEY, "")
