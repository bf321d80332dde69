import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_repeated_failed_logins_lock_the_account_for_that_address(
    client, learner, password
):
    for _ in range(5):
        client.post(
            reverse("account_login"), {"login": learner.email, "password": "zle-haslo"}
        )

    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": password}
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "zablokowane" in response.content.decode()


def test_a_successful_login_before_the_limit_resets_the_count(
    client, learner, password
):
    for _ in range(3):
        client.post(
            reverse("account_login"), {"login": learner.email, "password": "zle"}
        )
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": password}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_pages_send_a_content_security_policy_without_inline_scripts(
    client, site_content
):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:])
        for part in policy.split(";")
        if part.strip()
    )
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_every_form_carries_a_csrf_token(client, site_content):
    for url in (
        reverse("account_signup"),
        reverse("account_login"),
        reverse("account_reset_password"),
    ):
        assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode()


def test_a_post_without_csrf_token_is_refused(site_content):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("account_login"), {"login": "a@b.pl", "password": "x"}
    )
    assert response.status_code == 403


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_check_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="k" * 20 + "Zq8!fL2#vX9@pR4$tY7&uW1*oI3^eA6%sD5",
        DJANGO_ALLOWED_HOSTS="kompetencjedlapracy.pl",
        PORTAL_BASE_URL="https://kompetencjedlapracy.pl",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_http_only():
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY)"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="x" * 60,
        PORTAL_BASE_URL="https://kompetencjedlapracy.pl",
    )
    assert result.stdout.strip().splitlines()[-1] == "True True True"


def test_the_client_address_is_read_behind_a_trusted_proxy(settings, rf):
    from portal.core.http import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
