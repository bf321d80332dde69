from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from privacy import consent
from privacy.models import ConsentRecord, CookieDeclaration, LegalSettings

pytestmark = pytest.mark.django_db
DECIDE = reverse("privacy:decide")
SETTINGS = reverse("privacy:cookie_settings")


def banner_shown(client, url="/"):
    return 'id="cookie-banner-title"' in client.get(url).content.decode()


def test_a_first_visit_sets_no_optional_cookie_and_shows_the_banner(
    client, site_content
):
    response = client.get("/")
    assert banner_shown(client)
    assert not set(response.cookies) - {"csrftoken", "sessionid", "messages"}


def test_both_choices_are_one_click_and_recorded(client, site_content):
    response = client.post(DECIDE, {"action": "reject_all", "next": "/faq/"})

    assert response.url == "/faq/"
    record = ConsentRecord.objects.get()
    assert record.categories == ["necessary"]
    assert record.policy_version == LegalSettings.objects.get().privacy_version
    assert not banner_shown(client)

    client.post(DECIDE, {"action": "accept_all"})
    latest = ConsentRecord.objects.order_by("-created_at", "-pk").first()
    assert latest.categories == ["necessary", "analytics", "multimedia"]
    assert latest.consent_id == record.consent_id


def test_settings_withdraw_a_category_and_delete_its_cookies(client, site_content):
    CookieDeclaration.objects.create(
        name="kdp_stats",
        provider="Portal",
        purpose="x",
        duration="1 rok",
        category="analytics",
    )
    client.post(DECIDE, {"action": "accept_all"})
    client.cookies["kdp_stats"] = "1"

    response = client.post(SETTINGS, {"multimedia": "on"})

    assert response.cookies["kdp_stats"]["max-age"] == 0
    latest = ConsentRecord.objects.order_by("-pk").first()
    assert latest.categories == ["necessary", "multimedia"]
    page = client.get(SETTINGS).content.decode()
    assert 'name="multimedia" checked' in page
    assert 'name="analytics" checked' not in page


def test_no_box_is_ticked_before_a_decision(client, site_content):
    page = client.get(SETTINGS).content.decode()
    assert (
        'name="analytics" checked' not in page
        and 'name="multimedia" checked' not in page
    )


def test_the_banner_returns_when_the_policy_version_changes(client, site_content):
    client.post(DECIDE, {"action": "accept_all"})
    legal = LegalSettings.objects.get()
    legal.privacy_version = "2.0"
    legal.save()
    assert banner_shown(client)


def test_the_banner_returns_after_twelve_months(rf, site_content):
    record = ConsentRecord.objects.create(
        categories=["necessary"], policy_version="1.0"
    )
    ConsentRecord.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - timedelta(days=366)
    )
    record.refresh_from_db()
    response = __import__("django.http", fromlist=["HttpResponse"]).HttpResponse()
    consent.write(response, record)
    request = rf.get("/")
    request.COOKIES[consent.COOKIE_NAME] = response.cookies[consent.COOKIE_NAME].value
    assert not consent.read(request, "1.0").decided


def test_a_forged_consent_cookie_is_ignored(client, site_content):
    client.cookies[consent.COOKIE_NAME] = "eyJpZCI6IngifQ:forged:signature"
    assert banner_shown(client)


def test_the_privacy_policy_shows_the_declaration_edited_in_the_admin(
    client, site_content
):
    html = client.get("/polityka-prywatnosci/").content.decode()
    for cookie in CookieDeclaration.objects.all():
        assert f"<code>{cookie.name}</code>" in html


def test_every_cookie_the_portal_sets_is_declared(
    client, site_content, learner, password
):
    """Walk the portal as a visitor and a learner, collecting what it sets."""
    seen = set()

    def collect(response):
        seen.update(response.cookies.keys())

    collect(client.get("/"))
    collect(client.get(reverse("account_signup")))
    collect(client.post(DECIDE, {"action": "reject_all"}))
    collect(
        client.post(
            reverse("account_login"), {"login": learner.email, "password": password}
        )
    )
    collect(client.get(reverse("accounts:my_data")))
    collect(client.post(reverse("accounts:my_data"), {"first_name": ""}))
    collect(client.post(reverse("account_logout")))

    declared = set(
        CookieDeclaration.objects.filter(first_party=True).values_list(
            "name", flat=True
        )
    )
    assert seen, "the walk should set some cookies"
    assert seen <= declared, seen - declared


def test_films_wait_for_multimedia_consent(client, site_content):
    from django.template import RequestContext, Template

    from courses.blocks import VideoBlock

    block = VideoBlock()
    value = block.to_python(
        {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Film",
            "transcript": "",
        }
    )
    template = Template("{% load wagtailcore_tags %}{% include_block value %}")

    def render():
        from django.test import RequestFactory

        request = RequestFactory().get("/")
        request.COOKIES.update(
            client.cookies and {k: v.value for k, v in client.cookies.items()}
        )
        from privacy.context_processors import cookie_consent

        context = RequestContext(request, {"value": value})
        context.update(cookie_consent(request))
        return template.render(context)

    assert "<iframe" not in render()
    client.post(DECIDE, {"action": "allow", "category": "multimedia"})
    html = render()
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
