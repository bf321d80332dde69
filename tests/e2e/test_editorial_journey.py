import pytest

from portal.accounts.roles import EDITOR
from portal.pages.models import StandardPage
from tests.admin_helpers import activate_totp, totp_code
from tests.e2e.helpers import sign_in
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in_with_code(page, user, password):
    sign_in(
        page, user.email, password, code=totp_code(activate_totp(user)), start="/admin/"
    )
    page.wait_for_url("**/admin/")


def run_footer_action(page, name):
    page.get_by_role("button", name="Więcej akcji").click()
    page.get_by_role("button", name=name, exact=True).click()


def test_an_editor_submits_a_change_and_a_second_editor_publishes_it(
    page, browser, live_server, site_content, password, screenshot
):
    terms = StandardPage.objects.get(slug="regulamin")
    author, reviewer = StaffFactory(role=EDITOR), StaffFactory(role=EDITOR)

    sign_in_with_code(page, author, password)
    page.goto(f"/admin/pages/{terms.pk}/edit/")
    page.locator("#id_title").fill("Regulamin portalu (wersja 2)")
    run_footer_action(page, "Wyślij do akceptacji drugiego redaktora")
    page.wait_for_url(f"**/admin/pages/{terms.get_parent().pk}/")
    screenshot(page, "editor-submitted")
    assert page.console_errors == []
    terms.refresh_from_db()
    assert terms.title == "Regulamin portalu"
    assert terms.has_unpublished_changes

    second = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    sign_in_with_code(second, reviewer, password)
    second.goto(f"/admin/pages/{terms.pk}/edit/")
    run_footer_action(second, "Akceptuj")
    second.wait_for_load_state()
    screenshot(second, "reviewer-approved")

    terms.refresh_from_db()
    assert terms.title == "Regulamin portalu (wersja 2)"
    assert not terms.has_unpublished_changes
    assert page.goto("/regulamin/").ok
    assert "Regulamin portalu (wersja 2)" in page.title()
