import pytest

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
