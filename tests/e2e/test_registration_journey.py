import re

import pytest
from django.core import mail

from portal.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def portal(offices, site_content):
    return site_content


def fill_signup(page, *, office=True):
    page.get_by_label("Imię").fill("Katarzyna")
    page.get_by_label("Nazwisko").fill("Zięba")
    page.get_by_label("Adres e-mail").fill("katarzyna.zieba@example.org")
    page.locator("#id_password1").fill("Rower-Wisla-Tatry-9")
    page.locator("#id_password2").fill("Rower-Wisla-Tatry-9")
    page.get_by_label("osoba poszukująca pracy").check()
    if office:
        page.get_by_label("Powiatowy urząd pracy (PUP)", exact=False).select_option(
            label="Powiatowy Urząd Pracy w Nowym Targu"
        )
    page.locator("#id_accept_terms").check()
    page.locator("#id_accept_privacy").check()


def test_signup_without_office_shows_the_error_and_keeps_the_other_fields(
    page, portal, screenshot, assert_accessible
):
    page.goto("/konto/signup/")
    assert_accessible(page)
    fill_signup(page, office=False)
    page.get_by_role("button", name="Zarejestruj się").click()

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
    screenshot(page, "signup-missing-office")
    assert_accessible(page)
    assert not User.objects.exists()


def test_a_person_registers_verifies_the_address_and_corrects_their_data(
    page, portal, screenshot, assert_accessible
):
    page.goto("/")
    assert page.title().startswith("Kompetencje dla pracy")
    assert_accessible(page)
    page.get_by_role("link", name="Załóż konto").first.click()
    fill_signup(page)
    page.get_by_role("button", name="Zarejestruj się").click()

    assert page.get_by_role("heading", level=1).inner_text().strip() != ""
    screenshot(page, "signup-verification-sent")
    message = mail.outbox[-1]
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)

    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Potwierdź").click()
    page.wait_for_url("**/konto/moje-dane/")
    screenshot(page, "my-data-after-verification")

    assert page.get_by_label("Imię").input_value() == "Katarzyna"
    assert page.locator("#id_pup_office option:checked").inner_text() == (
        "Powiatowy Urząd Pracy w Nowym Targu"
    )
    assert_accessible(page)
    page.get_by_label("osoba bezrobotna").check()
    page.locator("#id_pup_office").select_option(
        label="Powiatowy Urząd Pracy w Zakopanem"
    )
    page.get_by_role("button", name="Zapisz zmiany").click()
    assert "zapisane" in page.get_by_role("status").first.inner_text()
    screenshot(page, "my-data-saved")

    user = User.objects.get(email="katarzyna.zieba@example.org")
    assert user.status == User.Status.UNEMPLOYED
    assert user.pup_office.code == "pup-zakopane"

    page.get_by_role("button", name="Wyloguj się").click()
    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill("katarzyna.zieba@example.org")
    page.get_by_label("Hasło").fill("Rower-Wisla-Tatry-9")
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_url("**/konto/moje-dane/")
    assert page.console_errors == []
