import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader

from courses.models import Attempt, Certificate, CoursePage
from portal.accounts.roles import COORDINATOR
from tests.admin_helpers import activate_totp, totp_code
from tests.e2e.helpers import sign_in
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def answer_all(page, attempt, *, correctly):
    for question in attempt.questions:
        for answer in question["answers"]:
            should_tick = answer["correct"] if correctly else not answer["correct"]
            if question["kind"] != "multiple" and not should_tick:
                continue
            box = page.locator(f'input[value="{answer["id"]}"]')
            if should_tick:
                box.check()
            if question["kind"] != "multiple" and should_tick:
                break


def test_a_learner_studies_fails_waits_passes_and_gets_a_certificate(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="komunikacja")
    learner = UserFactory(first_name="Małgorzata", last_name="Źdźbło-Wąś")
    sign_in(page, learner.email, password)

    page.goto("/kursy/")
    assert_accessible(page)
    page.get_by_role("link", name=course.title).click()
    page.get_by_role("button", name="Zapisz się na kurs").click()
    for number in range(1, 4):
        assert page.get_by_role("heading", level=1).inner_text() == f"Lekcja {number}"
        if number == 1:
            assert_accessible(page)
            screenshot(page, "lesson")
        page.get_by_role("button", name="Oznacz lekcję jako ukończoną").click()

    # All lessons done: the test opens. First attempt fails.
    page.get_by_role("button", name="Rozpocznij test").click()
    attempt = Attempt.objects.get(enrollment__user=learner)
    assert_accessible(page)
    screenshot(page, "test-attempt")
    answer_all(page, attempt, correctly=False)
    page.get_by_role("button", name="Prześlij test").click()
    assert "Tym razem" in page.get_by_role("status").first.inner_text()
    assert_accessible(page)
    screenshot(page, "test-failed")

    page.goto(course.route_url("test"))
    assert page.get_by_role("button", name="Rozpocznij test").count() == 0

    # The cool-down passes (the clock of the failed attempt is moved back).
    attempt.refresh_from_db()
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=attempt.submitted_at
        - timedelta(minutes=course.cooldown_minutes + 1)
    )
    page.reload()
    page.get_by_role("button", name="Rozpocznij test").click()
    second = Attempt.objects.get(enrollment__user=learner, number=2)
    answer_all(page, second, correctly=True)
    page.get_by_role("button", name="Prześlij test").click()
    assert "Gratulacje" in page.get_by_role("status").first.inner_text()
    screenshot(page, "test-passed")

    # The certificate is rendered by the task and can be downloaded by its owner.
    certificate = Certificate.objects.get(enrollment__user=learner)
    assert certificate.status == Certificate.Status.READY
    page.goto("/moje-kursy/")
    assert_accessible(page)
    screenshot(page, "dashboard")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^PDF")).click()
    pdf = open(download_info.value.path(), "rb").read()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Małgorzata Źdźbło-Wąś" in text
    assert course.title in text

    # The QR code's address verifies it, for anyone.
    verification_path = "/weryfikacja-certyfikatu/" + certificate.display_code + "/"
    assert verification_path in text.replace("\n", "")
    stranger = browser.new_context(base_url=live_server.url).new_page()
    stranger.goto(verification_path)
    assert "Małgorzata Źdźbło-Wąś" in stranger.content()
    screenshot(stranger, "verification")

    # Another learner gets 404 on the download.
    other = UserFactory()
    sign_in(stranger, other.email, password)
    response = stranger.request.get(f"/certyfikaty/{certificate.number}/pdf/")
    assert response.status == 404

    # The coordinator sees the pass in the statistics and exports CSV.
    coordinator = StaffFactory(role=COORDINATOR)
    secret = activate_totp(coordinator)
    admin = browser.new_context(base_url=live_server.url).new_page()
    sign_in(admin, coordinator.email, password)
    admin.get_by_label("Kod").fill(totp_code(secret))
    admin.get_by_role("button", name="Zaloguj", exact=True).click()
    admin.goto("/admin/programme_statistics/")
    row = admin.get_by_role("row", name=re.compile(course.title))
    assert row.get_by_role("cell").nth(2).inner_text() == "1"
    screenshot(admin, "statistics")
    with admin.expect_download() as export:
        admin.get_by_role("button", name="Eksportuj CSV").click()
    csv_text = open(export.value.path(), encoding="utf-8-sig").read()
    assert course.title in csv_text and learner.email not in csv_text
    assert CoursePage.objects.count() == 1
    assert page.console_errors == []
