"""Staff reach the admin from the portal's header; learners never do."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from forum.services import post_report
from portal.accounts.roles import COORDINATOR, DATA_PROTECTION_OFFICER, MODERATOR
from privacy.models import DataRequest
from tests.admin_helpers import totp_code
from tests.e2e.helpers import (
    account_menu,
    admin_menu,
    admin_sidebar,
    admin_sign_out,
    open_admin,
    sign_in,
    sign_in_to_admin,
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
    page.get_by_label("Kod weryfikacyjny z aplikacji").fill(totp_code(secret))
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
    page.get_by_role("button", name="Zaloguj się", exact=True).click()
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


def test_each_role_opens_the_admin_on_its_own_work(
    page,
    browser,
    live_server,
    site_content,
    topic,
    password,
    screenshot,
    assert_accessible,
):
    post_report(post=topic.posts.first(), reporter=UserFactory(), reason="spam")
    now = timezone.now()
    data_request = DataRequest.objects.create(
        requester_name="Ewa Nowak",
        requester_email="ewa@example.org",
        kind="copy",
        received_at=now - timedelta(days=27),
        due_at=now + timedelta(days=3),
    )
    pass_course(UserFactory(), make_course(slug="tydzien"))

    journeys = [
        (MODERATOR, "Zgłoszone wpisy", "Pierwszy temat", "moderator"),
        (DATA_PROTECTION_OFFICER, "Wnioski czekające na odpowiedź", None, "iod"),
        (COORDINATOR, "Program w tym tygodniu", None, "coordinator"),
    ]
    for role, heading, link, name in journeys:
        tab = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
        tab.goto("/")
        sign_in_to_admin(tab, StaffFactory(role=role), password)
        panel = tab.get_by_role("region", name=heading)
        panel.wait_for()
        others = {h for _r, h, _l, _n in journeys} - {heading}
        for other in others:
            assert tab.get_by_role("region", name=other).count() == 0
        assert_accessible(tab)
        screenshot(tab, f"home-{name}")
        if role == DATA_PROTECTION_OFFICER:
            assert "termin za 3 dni" in panel.inner_text()
            panel.get_by_role("link", name="Kopia moich danych (art. 15)").click()
            tab.wait_for_url(f"**/admin/wnioski-rodo/{data_request.pk}/")
            assert_accessible(tab)
        elif role == COORDINATOR:
            row = panel.get_by_role("row", name=re.compile("Wydane certyfikaty"))
            assert row.get_by_role("cell").first.inner_text() == "1"
        else:
            post = topic.posts.first()
            assert panel.get_by_role("link", name=link).get_attribute("href") == (
                f"/admin/moderacja/wpis/{post.pk}/"
            )
        tab.context.close()
