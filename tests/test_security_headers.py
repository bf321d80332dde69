"""Security headers and the end of sessions (part of the CI security checks)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_send_the_security_headers(client, site_content):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy


def test_production_sends_hsts(settings, client, site_content):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_session_ends_on_logout(client, learner):
    client.force_login(learner)
    old_key = client.session.session_key
    client.post(reverse("account_logout"))
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=old_key).exists()
    assert client.get(reverse("accounts:my_data")).status_code == 302


def test_a_deactivated_account_is_signed_out_on_its_next_request(client, learner):
    client.force_login(learner)
    assert client.get(reverse("accounts:my_data")).status_code == 200
    learner.is_active = False
    learner.save()
    response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
