"""Sign staff in the way a person does: password, then a TOTP code."""

import json
import re

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.urls import reverse

from tests.conftest import PASSWORD


def totp_code(secret, offset=0):
    import time

    from allauth.mfa import app_settings

    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return f"{hotp_value(secret, counter):0{app_settings.TOTP_DIGITS}d}"


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def login_with_second_factor(client, user, password=PASSWORD):
    secret = activate_totp(user)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": password}
    )
    assert response.url == reverse("mfa_authenticate"), response
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content
    return secret


def admin_menu_names(client):
    """The names of the top-level and nested menu items the admin sidebar shows."""
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return set(
        re.findall(r'"name": "([a-z0-9_-]+)"', json.dumps(json.loads(props.group(1))))
    )
