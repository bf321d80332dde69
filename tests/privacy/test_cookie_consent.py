import re
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from privacy import consent
from privacy.models import ConsentRecord, CookieDeclaration, LegalSettings

pytestmark = pytest.mark.django_db
DECIDE = reverse("privacy:decide")
SETTINGS = reverse("privacy:cookie_settings")


def banner_shown(client, url="/"):
    return 'id="cookie-banner-title"' in client.get(url).content.decode()


def signed_consent(categories, version="1.0"):
    """A consent cookie as the portal wrote it, with any categories in it."""
    return signing.dumps(
        {
            "id": "5d3c8e0a-2f6b-4c3e-9a51-0c6f1e2b7a10",
            "v": version,
            "c": categories,
            "t": timezone.now().isoformat(),
        },
        salt=consent.SALT,
    )


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
    assert latest.categories == ["necessary", "multimedia"]
    assert latest.consent_id == record.consent_id


def test_settings_withdraw_a_category_and_delete_its_cookies(client, site_content):
    CookieDeclaration.objects.create(
        name="kdp_player",
        provider="Portal",
        purpose="x",
        duration="1 rok",
        category="multimedia",
    )
    client.post(DECIDE, {"action": "accept_all"})
    client.cookies["kdp_player"] = "1"

    response = client.post(SETTINGS, {})

    assert response.cookies["kdp_player"]["max-age"] == 0
    latest = ConsentRecord.objects.order_by("-pk").first()
    assert latest.categories == ["necessary"]
    page = client.get(SETTINGS).content.decode()
    assert 'name="multimedia"' in page
    assert 'name="multimedia" checked' not in page


def test_no_analytics_consent_is_asked_or_recorded(client, site_content):
    settings_page = client.get(SETTINGS).content.decode()
    banner = client.get("/").content.decode()

    assert 'name="analytics"' not in settings_page
    assert "analityczn" not in settings_page.replace(
        "Nie używamy plików cookies analitycznych", ""
    )
    assert "Nie używamy plików cookies analitycznych ani reklamowych" in banner
    client.post(DECIDE, {"action": "allow", "category": "analytics"})
    assert not ConsentRecord.objects.exists()
    client.post(SETTINGS, {"analytics": "on", "multimedia": "on"})
    assert ConsentRecord.objects.get().categories == ["necessary", "multimedia"]


def test_a_stored_decision_that_allowed_analytics_still_counts(client, site_content):
    version = LegalSettings.objects.get().privacy_version
    client.cookies[consent.COOKIE_NAME] = signed_consent(
        ["necessary", "analytics", "multimedia"], version
    )

    assert not banner_shown(client)
    page = client.get(SETTINGS).content.decode()
    assert 'name="multimedia" checked' in page


def test_no_box_is_ticked_before_a_decision(client, site_content):
    page = client.get(SETTINGS).content.decode()
    assert 'name="multimedia" checked' not in page


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


def test_the_declaration_states_lifetimes_from_the_settings(
    client, site_content, settings
):
    settings.SESSION_COOKIE_AGE = 90 * 60

    html = client.get(SETTINGS).content.decode()

    assert (
        "do zamknięcia przeglądarki, najwyżej 1 godz. 30 min bez aktywności; "
        "z opcją „Pamiętaj mnie” 1 godz. 30 min od ostatniej aktywności"
    ) in html
    assert "8 godzin" not in html
    assert html.count("<td>1 rok</td>") >= 2  # csrftoken and kdp_consent
    assert "<td>do zamknięcia przeglądarki</td>" in html  # messages

    settings.ACCOUNT_SESSION_REMEMBER = False
    html = client.get(SETTINGS).content.decode()
    assert (
        "<td>do zamknięcia przeglądarki, najwyżej 1 godz. 30 min bez aktywności</td>"
    ) in html


def test_the_stored_session_lifetime_was_corrected(site_content):
    assert CookieDeclaration.objects.get(name="sessionid").duration == (
        "do zamknięcia przeglądarki, najwyżej 1 godz. bez aktywności"
    )
    assert not CookieDeclaration.objects.filter(category="analytics").exists()


def test_the_session_cookie_lasts_as_the_declaration_says(
    client, site_content, learner, password
):
    login = reverse("account_login")
    assert 'name="remember"' in client.get(login).content.decode()

    response = client.post(login, {"login": learner.email, "password": password})
    assert response.cookies["sessionid"]["max-age"] == ""  # a browser session
    client.post(reverse("account_logout"))

    response = client.post(
        login, {"login": learner.email, "password": password, "remember": "on"}
    )
    assert response.cookies["sessionid"]["max-age"] == 60 * 60
    html = client.get(SETTINGS).content.decode()
    assert "do zamknięcia przeglądarki, najwyżej 1 godz. bez aktywności" in html


def test_the_declaration_is_also_a_list_for_narrow_screens(client, site_content):
    html = client.get(SETTINGS).content.decode()

    assert '<table class="cookie-table">' in html
    assert html.count('<li class="cookie-card">') == CookieDeclaration.objects.count()


def test_the_banner_label_is_not_a_heading(client, site_content):
    html = client.get("/").content.decode()

    assert '<p id="cookie-banner-title" class="cookie-banner__title">' in html
    first_heading = re.search(r"<h[1-6][ >]", html).group()
    assert first_heading.startswith("<h1")  # the page's own title comes first
