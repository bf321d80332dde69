import re

import pytest

from portal.accounts.roles import COORDINATOR, EDITOR
from tests.admin_helpers import totp_code
from tests.e2e.helpers import sign_in
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_staff_set_up_totp_then_enter_the_admin_with_their_role_menu(
    page, site_content, password, screenshot, assert_accessible
):
    coordinator = StaffFactory(role=COORDINATOR)
    sign_in(page, coordinator.email, password, start="/admin/")

    page.wait_for_url(re.compile(r".*/konto/2fa/totp/activate/.*"))
    screenshot(page, "staff-totp-activation")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Kod uwierzytelniający").fill(totp_code(secret))
    page.get_by_role("button", name="Aktywuj").click()

    page.goto("/admin/")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_text("Program").first.wait_for()
    screenshot(page, "coordinator-admin")
    assert sidebar.get_by_text("Strony", exact=True).count() == 0

    # A second sign-in asks for the code from the app.
    page.goto("/konto/logout/")
    page.get_by_role("button", name="Wyloguj się").last.click()
    sign_in(page, coordinator.email, password, start="/admin/")
    page.wait_for_url("**/konto/2fa/authenticate/")
    page.get_by_label("Kod").fill(totp_code(secret, offset=1))
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_url("**/admin/")


def test_an_editor_sees_pages_but_not_the_programme(page, site_content, password):
    from tests.admin_helpers import activate_totp

    editor = StaffFactory(role=EDITOR)
    secret = activate_totp(editor)
    sign_in(page, editor.email, password, start="/admin/")
    page.wait_for_url("**/konto/2fa/authenticate/")
    page.get_by_label("Kod").fill(totp_code(secret))
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_url("**/admin/")

    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_text("Strony", exact=True).first.wait_for()
    assert sidebar.get_by_text("Program", exact=True).count() == 0


def test_a_learner_gets_no_admin(page, site_content, learner, password):
    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(learner.email)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_url("**/konto/moje-dane/")

    response = page.goto("/admin/")

    assert response.status == 403
    assert "Brak dostępu" in page.content()
