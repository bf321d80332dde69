import pytest

from portal.accounts.models import User
from tests.e2e.helpers import account_menu, fill_signup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_signup_without_office_shows_the_error_and_keeps_the_other_fields(
    page, offices, site_content, screenshot, assert_accessible
):
    page.goto("/")
    account_menu(page).get_by_role("link", name="Załóż konto").click()
    assert_accessible(page)
    fill_signup(
        page,
        first_name="Katarzyna",
        last_name="Zięba",
        email="katarzyna.zieba@example.org",
        password="Rower-Wisla-Tatry-9",
    )
    page.get_by_role("button", name="Załóż konto").click()

    error = page.locator("#id_pup_office_error")
    assert "Wybierz urząd pracy" in error.inner_text()
    assert page.locator("#id_pup_office").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Imię").input_value() == "Katarzyna"
    assert (
        page.get_by_label("Adres e-mail").input_value() == "katarzyna.zieba@example.org"
    )
    assert page.get_by_label("osoba poszukująca pracy").is_checked()
    assert page.locator("#id_accept_terms").is_checked()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("link").first.get_attribute("href") == "#id_pup_office"
    # Focus lands on the summary; the next Tab is its first link, Enter the field.
    assert summary.evaluate("box => box === document.activeElement")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_pup_office"
    screenshot(page, "signup-missing-office")
    assert_accessible(page)
    assert not User.objects.exists()
