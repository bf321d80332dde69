import pytest

from tests.e2e.helpers import horizontal_overflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/kursy/",
    "/faq/",
    "/deklaracja-dostepnosci/",
    "/kontakt/",
    "/konto/signup/",
]


def test_large_text_and_high_contrast_stay_accessible(
    page, site_content, screenshot, assert_accessible
):
    from courses.services import course_index_ensure

    course_index_ensure()
    page.goto("/")
    page.get_by_role("button", name="Największy tekst").click()
    page.get_by_role("button", name="Wysoki kontrast").click()
    assert (
        page.get_by_role("button", name="Największy tekst").get_attribute(
            "aria-pressed"
        )
        == "true"
    )
    assert (
        page.get_by_role("button", name="Wysoki kontrast").get_attribute("aria-pressed")
        == "true"
    )

    for url in PAGES:
        page.goto(url)
        assert (
            page.evaluate("document.documentElement.className")
            == "text-xlarge high-contrast"
        )
        assert_accessible(page)
    screenshot(page, "signup-xlarge-high-contrast")

    # Nothing scrolls sideways: 640 px wide with double text is 320 px at 100%.
    page.set_viewport_size({"width": 640, "height": 900})
    for url in ("/", "/faq/", "/kursy/"):
        page.goto(url)
        assert horizontal_overflow(page) <= 0, url
    screenshot(page, "home-640px-xlarge")
    page.get_by_role("button", name="Normalny tekst").click()
    page.set_viewport_size({"width": 320, "height": 800})
    for url in ("/", "/faq/", "/kursy/"):
        page.goto(url)
        assert horizontal_overflow(page) <= 0, url
    screenshot(page, "home-320px")
