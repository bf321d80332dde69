import pytest

from portal.pages.demo import demo_content_load
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NECESSARY = {"csrftoken", "sessionid", "messages", "kdp_consent"}


def cookie_names(page):
    return {cookie["name"] for cookie in page.context.cookies()}


def test_consent_is_asked_rejected_accepted_and_withdrawn(
    page, site_content, screenshot, assert_accessible
):
    page.goto("/")
    assert cookie_names(page) <= NECESSARY
    banner = page.get_by_role("region", name="Pliki cookies w portalu")
    assert banner.is_visible()
    screenshot(page, "cookie-banner")
    assert_accessible(page)
    accept = banner.get_by_role("button", name="Akceptuj wszystkie")
    reject = banner.get_by_role("button", name="Odrzuć wszystkie")
    assert accept.bounding_box()["height"] == reject.bounding_box()["height"]

    reject.click()
    assert banner.count() == 0 or not banner.is_visible()
    assert "kdp_consent" in cookie_names(page)

    page.get_by_role("link", name="Ustawienia cookies").click()
    assert not page.get_by_label("multimedia").is_checked()
    assert_accessible(page)
    page.get_by_label("multimedia").check()
    page.get_by_role("button", name="Zapisz ustawienia").click()
    assert page.get_by_label("multimedia").is_checked()

    # Withdrawal from the footer is as easy.
    page.goto("/faq/")
    page.get_by_role("link", name="Ustawienia cookies").click()
    page.get_by_label("multimedia").uncheck()
    page.get_by_role("button", name="Zapisz ustawienia").click()
    assert not page.get_by_label("multimedia").is_checked()
    assert cookie_names(page) <= NECESSARY


def test_the_banner_comes_before_the_page_without_a_heading_of_its_own(
    page, site_content
):
    page.goto("/")
    banner = page.get_by_role("region", name="Pliki cookies w portalu")
    assert banner.get_by_role("heading").count() == 0
    first_heading = page.locator("h1, h2, h3, h4, h5, h6").first
    assert first_heading.evaluate("el => el.tagName") == "H1"
    # Keyboard order: the skip link, then the banner's choices, then the page.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == (
        "Akceptuj wszystkie"
    )


def page_width(page):
    return page.evaluate("() => document.scrollingElement.scrollWidth")


def test_the_cookie_declaration_reflows_on_a_phone_and_at_the_largest_text(
    page, live_server, site_content, screenshot, assert_accessible
):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/ustawienia-cookies/")
    assert page.locator(".cookie-table").is_hidden()
    cards = page.locator(".cookie-card")
    assert cards.first.is_visible()
    session = cards.filter(has_text="sessionid")
    assert "najwyżej 1 godz. bez aktywności" in session.inner_text()
    assert page_width(page) <= 320
    screenshot(page, "cookie-declaration-320")
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/ustawienia-cookies/")
    assert page.locator(".cookie-table").is_visible()
    screenshot(page, "cookie-declaration-desktop")
    page.context.add_cookies(
        [{"name": "kdp_display", "value": "xlarge|normal", "url": live_server.url}]
    )
    page.goto("/ustawienia-cookies/")
    assert page.locator(".cookie-table").is_hidden()
    assert page_width(page) <= 1280
    screenshot(page, "cookie-declaration-desktop-200")
    assert_accessible(page)


def test_the_public_pages_of_this_issue_are_accessible_on_a_phone(
    page, site_content, screenshot, assert_accessible
):
    make_course(slug="kurs-testowy")
    demo_content_load()
    page.set_viewport_size({"width": 320, "height": 800})
    for name, url in [
        ("home", "/"),
        ("news", "/aktualnosci/"),
        ("news-item", "/aktualnosci/portal-kompetencje-dla-pracy-rusza/"),
        ("statement", "/deklaracja-dostepnosci/"),
    ]:
        page.goto(url)
        assert page_width(page) <= 320, url
        screenshot(page, f"pages-320-{name}")
        assert_accessible(page)
    page.goto("/")
    courses = page.locator(".page-list__item")
    assert courses.count() == 1
    assert "Czas nauki: około" in courses.first.inner_text()
