"""Staff reach the admin from the portal's header; learners never do."""

import csv
import io
import re

import pytest

from portal.accounts.roles import COORDINATOR
from tests.admin_helpers import totp_code
from tests.e2e.helpers import (
    account_menu,
    admin_menu,
    admin_sidebar,
    admin_sign_out,
    open_admin,
    sign_in,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course, pass_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def a_learner_passes(course):
    learner = UserFactory()
    pass_course(learner, course)
    return learner


def test_the_coordinator_sets_up_totp_reads_the_statistics_and_exports_csv(
    page, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="statystyki")
    learner = a_learner_passes(course)
    coordinator = StaffFactory(role=COORDINATOR)

    # The admin, entered for the first time, asks for an authenticator app.
    page.goto("/")
    sign_in(page, coordinator.email, password)
    account_menu(page).get_by_role("link", name="Panel administracyjny").click()
    page.wait_for_url(re.compile(r".*/konto/2fa/totp/activate/.*"))
    screenshot(page, "coordinator-01-totp-activation")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Kod uwierzytelniający").fill(totp_code(secret))
    page.get_by_role("button", name="Aktywuj").click()

    # The recovery codes follow at once: the sign-in a minute ago stands for
    # the password.
    page.wait_for_url("**/konto/2fa/recovery-codes/")
    assert_accessible(page)
    screenshot(page, "coordinator-02-recovery-codes")

    # The header offers the admin, where the coordinator sees only the programme.
    open_admin(page)
    sidebar = admin_sidebar(page)
    sidebar.get_by_text("Program").first.wait_for()
    assert_accessible(page)
    screenshot(page, "coordinator-03-admin")
    assert sidebar.get_by_text("Strony", exact=True).count() == 0

    admin_menu(page, "Program", "Statystyki")
    row = page.get_by_role("row", name=re.compile(course.title))
    assert row.get_by_role("cell").nth(2).inner_text() == "1"
    assert_accessible(page)
    screenshot(page, "coordinator-04-statistics")
    with page.expect_download() as export:
        page.get_by_role("button", name="Eksportuj CSV").click()
    assert export.value.suggested_filename == "statystyki-programu.csv"
    csv_text = open(export.value.path(), encoding="utf-8-sig").read()
    header, *rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert header == [
        "Kurs",
        "Zapisy",
        "Ukończone wszystkie lekcje",
        "Zaliczone testy",
        "Odsetek zaliczeń (%)",
        "Certyfikaty",
    ]
    course_row = next(row for row in rows if row[0] == course.title)
    assert course_row[1:4] == ["1", "1", "1"] and course_row[5] == "1"
    assert learner.email not in csv_text and learner.last_name not in csv_text

    # Grouped by labour office, the learner's office shows the enrolment.
    page.get_by_label("Grupuj według").select_option(label="Urząd pracy")
    page.get_by_role("button", name="Pokaż").click()
    row = page.get_by_role("row", name=re.compile(learner.pup_office.name))
    assert row.get_by_role("cell").nth(0).inner_text() == "1"
    assert_accessible(page)
    screenshot(page, "coordinator-05-statistics-by-office")

    # A second sign-in asks for the code from the app.
    admin_sign_out(page)
    sign_in(page, coordinator.email, password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    page.get_by_label("Kod").fill(totp_code(secret, offset=1))
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    open_admin(page)
    assert page.console_errors == []


def test_a_learner_gets_no_admin(page, site_content, learner, password):
    sign_in(page, learner.email, password)
    page.wait_for_url("**/konto/moje-dane/")
    assert (
        account_menu(page).get_by_role("link", name="Panel administracyjny").count()
        == 0
    )

    # Typed by hand, the address is refused.
    response = page.goto("/admin/")

    assert response.status == 403
    assert "Brak dostępu" in page.content()
