"""Anonymous pages from the page cache (portal.core.pagecache)."""

from unittest import mock

import pytest
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page

from portal.pages.models import NavigationSettings
from privacy import consent
from privacy.models import ConsentRecord, LegalSettings
from tests.privacy.test_cookie_consent import signed_consent

pytestmark = pytest.mark.django_db
DECIDE = reverse("privacy:decide")
DISPLAY = reverse("display_settings")


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


def x_cache(client, url="/", **extra):
    return client.get(url, **extra).headers.get("X-Cache")


def test_an_anonymous_page_is_kept_and_served_again_before_the_view(
    client, site_content, django_assert_num_queries
):
    first = client.get("/faq/")
    assert first.headers["X-Cache"] == "MISS"

    with django_assert_num_queries(0):
        second = client.get("/faq/")

    assert second.headers["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second.headers
    assert not second.cookies


def test_the_kept_pages_are_the_ones_the_issue_names(client, site_content, course):
    for url in (
        "/",
        "/regulamin/",
        "/faq/",
        "/deklaracja-dostepnosci/",
        "/aktualnosci/",
        course.get_parent().url,
        course.url,
        reverse("courses:verify"),
    ):
        assert x_cache(client, url) == "MISS", url
        assert x_cache(client, url) == "HIT", url


def test_pages_with_a_form_for_one_person_or_a_lookup_are_never_kept(
    client, site_content, course
):
    for url in (
        "/kontakt/",
        reverse("search") + "?q=kurs",
        reverse("courses:verify") + "?kod=ABC",
        reverse("privacy:cookie_settings"),
        reverse("account_login"),
        course.url + "test/",
    ):
        client.get(url)
        assert x_cache(client, url) is None, url


def test_a_visitor_with_a_session_is_never_served_from_the_cache(
    client, site_content, learner
):
    assert x_cache(client, "/faq/") == "MISS"
    client.force_login(learner)

    response = client.get("/faq/")

    assert "X-Cache" not in response.headers
    assert x_cache(client, "/faq/") is None


def test_the_page_varies_on_the_consent_decision_not_its_id(client, site_content):
    version = LegalSettings.objects.get().privacy_version
    assert 'id="cookie-banner-title"' in client.get("/").content.decode()

    client.cookies[consent.COOKIE_NAME] = signed_consent([], version)
    decided = client.get("/")
    assert decided.headers["X-Cache"] == "MISS"
    assert 'id="cookie-banner-title"' not in decided.content.decode()

    # Another visitor with the same decision gets the same page.
    other = Client()
    other.cookies[consent.COOKIE_NAME] = signed_consent([], version)
    assert x_cache(other) == "HIT"

    client.cookies[consent.COOKIE_NAME] = signed_consent(["multimedia"], version)
    assert x_cache(client) == "MISS"
    # A forged cookie counts as no decision: the banner page, kept first.
    client.cookies[consent.COOKIE_NAME] = "forged"
    assert x_cache(client) == "HIT"


def test_the_page_varies_on_display_preferences(client, site_content):
    assert x_cache(client) == "MISS"
    client.cookies["kdp_display"] = "xlarge|high"

    response = client.get("/")

    assert response.headers["X-Cache"] == "MISS"
    assert 'class="text-xlarge high-contrast"' in response.content.decode()
    client.cookies["kdp_display"] = "nonsense"
    assert x_cache(client) == "HIT"  # the same page as the default one


def test_a_message_for_the_visitor_is_never_kept_or_replaced(client, site_content):
    assert x_cache(client, "/faq/") == "MISS"
    client.post(reverse("privacy:cookie_settings"), {"multimedia": "on"})
    assert client.cookies["messages"].value

    response = client.get("/faq/")

    assert "X-Cache" not in response.headers
    assert 'class="message message--success"' in response.content.decode()
    # Once read, the message is gone and the page is the shared one again.
    assert x_cache(client, "/faq/") == "MISS"
    assert 'class="message ' not in client.get("/faq/").content.decode()


def test_a_response_with_a_message_or_a_csrf_token_is_not_kept(rf, site_content):
    from portal.core import pagecache  # deferred: only this test needs internals

    request = rf.get("/faq/")
    request._page_cache_allowed = True
    request.META["CSRF_COOKIE_USED"] = True
    response = Client().get("/faq/")
    assert not pagecache._storable(request, response)

    request = rf.get("/faq/")
    request._page_cache_allowed = True
    request.session = Client().session
    request._messages = messages.storage.default_storage(request)
    messages.info(request, "Only for you")
    assert not pagecache._storable(request, response)


def test_publishing_a_page_drops_what_was_kept(client, site_content):
    assert x_cache(client, "/faq/") == "MISS"
    assert x_cache(client, "/faq/") == "HIT"
    faq = Page.objects.get(url_path__endswith="/faq/").specific
    faq.title = "Pytania i odpowiedzi (nowe)"
    faq.save_revision().publish()

    response = client.get("/faq/")

    assert response.headers["X-Cache"] == "MISS"
    assert "Pytania i odpowiedzi (nowe)" in response.content.decode()


def test_saving_the_menus_drops_what_was_kept(client, site_content):
    assert x_cache(client) == "MISS"
    NavigationSettings.objects.first().save()
    assert x_cache(client) == "MISS"


def test_the_cache_can_be_turned_off(client, site_content):
    with override_settings(PAGE_CACHE_ENABLED=False):
        assert x_cache(client) is None
        assert x_cache(client) is None


def test_the_banner_and_the_display_tools_carry_no_csrf_token(client, site_content):
    html = client.get("/").content.decode()
    assert 'id="cookie-banner-title"' in html
    assert "csrfmiddlewaretoken" not in html
    assert settings.CSRF_COOKIE_NAME not in client.cookies


def test_the_cookie_decision_refuses_a_post_from_another_site(site_content):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        DECIDE,
        {"action": "accept_all"},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    response = strict.post(
        DECIDE, {"action": "accept_all"}, HTTP_REFERER="https://evil.example/x/"
    )
    assert response.status_code == 403
    response = strict.post(DECIDE, {"action": "accept_all"}, HTTP_ORIGIN="null")
    assert response.status_code == 403
    # Over HTTPS a post that says nowhere where it came from is refused too.
    response = strict.post(DECIDE, {"action": "accept_all"}, secure=True)
    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()
    assert consent.COOKIE_NAME not in strict.cookies


def test_the_cookie_decision_accepts_a_post_from_the_portal_without_a_token(
    site_content,
):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        DECIDE,
        {"action": "reject_all", "next": "/faq/"},
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code == 302
    assert response.url == "/faq/"
    assert ConsentRecord.objects.get().categories == ["necessary"]
    response = strict.post(
        DECIDE,
        {"action": "accept_all"},
        secure=True,
        HTTP_REFERER="https://testserver/faq/",
    )
    assert response.status_code == 302
    assert strict.get(DECIDE).status_code == 405


def test_display_settings_check_the_origin_instead_of_the_token(site_content):
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(
        DISPLAY, {"size": "xlarge"}, HTTP_ORIGIN="https://evil.example"
    )
    assert refused.status_code == 403
    assert "kdp_display" not in strict.cookies

    accepted = strict.post(DISPLAY, {"size": "xlarge"}, HTTP_ORIGIN="http://testserver")
    assert accepted.status_code == 302
    assert strict.cookies["kdp_display"].value == "xlarge|normal"


def test_a_cache_outage_serves_the_page_without_it(client, site_content):
    broken = mock.Mock()
    broken.get_many.side_effect = ConnectionError("cache away")
    with mock.patch("portal.core.pagecache.cache", broken):
        response = client.get("/faq/")

    assert response.status_code == 200
    assert "X-Cache" not in response.headers

    # A store that fails after a good read leaves the page as it was.
    broken.get_many.side_effect = None
    broken.get_many.return_value = {"pagecache:generation": "g1"}
    broken.set.side_effect = ConnectionError("cache away")
    with mock.patch("portal.core.pagecache.cache", broken):
        response = client.get("/faq/")

    assert response.status_code == 200
    assert "X-Cache" not in response.headers
