"""Personal fields tell the browser what they hold (WCAG 1.3.5)."""

import re

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "/konto/signup/": {
        "first_name": "given-name",
        "last_name": "family-name",
        "email": "email",
        "password1": "new-password",
    },
    "/konto/login/": {"login": "email", "password": "current-password"},
    "/kontakt/": {"name": "name", "email": "email"},
    "/wniosek-rodo/": {"name": "name", "email": "email"},
}


def autocomplete_of(html, name):
    field = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', html)
    assert field, name
    token = re.search(r'autocomplete="([^"]+)"', field.group(0))
    return token.group(1) if token else None


@pytest.mark.parametrize("url", EXPECTED)
def test_personal_fields_carry_autocomplete(client, site_content, offices, url):
    html = client.get(url).content.decode()
    for name, token in EXPECTED[url].items():
        assert autocomplete_of(html, name) == token, (url, name)


def test_my_data_carries_autocomplete(client, learner):
    client.force_login(learner)
    html = client.get("/konto/moje-dane/").content.decode()
    assert autocomplete_of(html, "first_name") == "given-name"
    assert autocomplete_of(html, "last_name") == "family-name"
