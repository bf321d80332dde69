import pytest
from django.urls import reverse

from privacy.models import CookieDeclaration

pytestmark = pytest.mark.django_db


def test_the_text_size_and_contrast_persist_across_pages(client, site_content):
    response = client.post(
        reverse("display_settings"), {"size": "xlarge", "next": "/faq/"}
    )
    assert response.url == "/faq/#wyglad"
    client.post(reverse("display_settings"), {"contrast": "high", "next": "/"})

    html = client.get("/regulamin/").content.decode()

    assert 'class="text-xlarge high-contrast"' in html
    assert (
        'value="xlarge" class="display-tools__button display-tools__button--xlarge" '
        'aria-pressed="true"' in html
    )


def test_nonsense_values_are_ignored_and_outside_addresses_too(client, site_content):
    response = client.post(
        reverse("display_settings"), {"size": "huge", "next": "https://evil.example/"}
    )
    assert response.url == "/#wyglad"
    assert 'class="text-normal"' in client.get("/").content.decode()


def test_the_preference_cookie_is_declared(site_content):
    assert CookieDeclaration.objects.filter(
        name="kdp_display", category="necessary"
    ).exists()
