import pytest

from tests.e2e.helpers import horizontal_overflow, sign_in

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
    from courses.content_loader import course_index_ensure

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
        assert_accessible(page, enhanced_contrast=True)
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


FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName,
        text: (element.innerText || element.name || "").trim().slice(0, 40),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        ring: style.boxShadow !== "none",
    };
}"""


@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_the_keyboard_reaches_every_control_with_a_visible_focus(
    page, site_content, live_server, learner, password, course, contrast
):
    page.context.add_cookies(
        [{"name": "kdp_display", "value": f"normal|{contrast}", "url": live_server.url}]
    )
    page.goto("/kursy/")
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUS_STYLE)
    assert skip["text"] == "Przejdź do treści"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Changing the size by keyboard comes back to the display tools, not the top.
    page.get_by_role("button", name="A+ Większy tekst", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#wyglad') !== null")
    page.get_by_role("button", name="Normalny tekst").click()

    sign_in(page, learner.email, password)
    for url in ("/kursy/", course.url, "/konto/moje-dane/", "/kontakt/"):
        page.goto(url)
        seen = []
        for _ in range(60):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_STYLE)
            if focus["tag"] == "BODY":
                break
            assert focus["outline"] or focus["ring"], (url, focus)
            seen.append(focus["text"])
        assert len(seen) > 5, (url, seen)
