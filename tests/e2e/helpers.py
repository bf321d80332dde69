"""Steps the browser journeys share: moving through the portal as a person does."""

import re

from tests.admin_helpers import activate_totp, totp_code


def account_menu(page):
    return page.get_by_role("navigation", name="Konto")


def sign_in(page, email, password, code=None):
    """Follow "Zaloguj się" in the header and fill in the form.

    A fresh browser tab starts on the home page. With `code`, answer the
    two-factor step too.
    """
    if page.url == "about:blank":
        page.goto("/")
    account_menu(page).get_by_role("link", name="Zaloguj się").click()
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się", exact=True).click()
    if code:
        page.get_by_label("Kod").fill(code)
        page.get_by_role("button", name="Zaloguj się", exact=True).click()
    page.wait_for_load_state()


def sign_out(page):
    account_menu(page).get_by_role("button", name="Wyloguj się").click()
    page.wait_for_load_state()


def open_admin(page):
    """Enter the admin through the header link that staff see."""
    account_menu(page).get_by_role("link", name="Panel administracyjny").click()
    page.wait_for_url("**/admin/")


def sign_in_to_admin(page, user, password):
    """Give a staff member an authenticator app, sign in with it, open the admin."""
    sign_in(page, user.email, password, code=totp_code(activate_totp(user)))
    open_admin(page)


def admin_sidebar(page):
    return page.get_by_role("navigation", name="Główne menu")


def admin_menu(page, group, item):
    """Open a group of the admin sidebar and follow one of its links."""
    sidebar = admin_sidebar(page)
    sidebar.get_by_role("button", name=group, exact=True).click()
    sidebar.get_by_role("link", name=item, exact=True).click()
    page.wait_for_load_state()


def admin_sign_out(page):
    """Sign out from the admin's account menu; it ends on the portal's sign-in."""
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button").last.click()
    sidebar.get_by_role("button", name="Wyloguj się").click()
    page.wait_for_url("**/konto/login/")


def main_menu(page, name):
    page.get_by_role("navigation", name="Menu główne").get_by_role(
        "link", name=name, exact=True
    ).click()
    page.wait_for_load_state()


def horizontal_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def fill_signup(page, *, first_name, last_name, email, password, office=None):
    """Fill in the signup form; without `office`, leave the labour office unset."""
    page.get_by_label("Imię").fill(first_name)
    page.get_by_label("Nazwisko").fill(last_name)
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_role("textbox", name="Hasło", exact=True).fill(password)
    page.get_by_label("Hasło (ponownie)").fill(password)
    page.get_by_label("osoba poszukująca pracy").check()
    if office:
        page.get_by_label("Powiatowy urząd pracy (PUP)", exact=False).select_option(
            label=office
        )
    page.get_by_role("checkbox", name=re.compile("^Akceptuję regulamin")).check()
    page.get_by_role(
        "checkbox", name=re.compile("^Potwierdzam, że znam zasady przetwarzania")
    ).check()
