"""The learner's journey, from the home page to a certificate."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from pypdf import PdfReader

from courses.models import Attempt, Certificate, CoursePage
from portal.accounts.models import User
from tests.e2e.helpers import (
    account_menu,
    fill_signup,
    main_menu,
    sign_in,
    sign_out,
)
from tests.factories.accounts import UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
EMAIL = "malgorzata.zdzblo@example.org"
NEW_PASSWORD = "Rower-Wisla-Tatry-9"


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


def check_yourself(page, answer):
    """Answer the lesson's check question and return the feedback shown."""
    question = page.get_by_role("region", name="Sprawdź się")
    question.get_by_label(answer).check()
    question.get_by_role("button", name="Sprawdź odpowiedź").click()
    return page.get_by_role("region", name="Sprawdź się").get_by_role("status")


def test_a_person_registers_studies_passes_and_downloads_the_certificate(
    page,
    browser,
    live_server,
    offices,
    site_content,
    password,
    screenshot,
    assert_accessible,
):
    course = make_course(slug="komunikacja")

    # Home page → "Załóż konto".
    page.goto("/")
    assert page.title().startswith("Kompetencje dla pracy")
    assert_accessible(page)
    screenshot(page, "learner-01-home")
    account_menu(page).get_by_role("link", name="Załóż konto").click()
    fill_signup(
        page,
        first_name="Małgorzata",
        last_name="Źdźbło-Wąś",
        email=EMAIL,
        password=NEW_PASSWORD,
        office="Powiatowy Urząd Pracy w Nowym Targu",
    )
    screenshot(page, "learner-02-signup")
    page.get_by_role("button", name="Zarejestruj się").click()
    assert page.get_by_role("heading", level=1).inner_text().strip() != ""
    screenshot(page, "learner-03-verification-sent")

    # The link in the verification e-mail, as clicked in the mailbox.
    message = mail.outbox[-1]
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Potwierdź").click()
    page.wait_for_url("**/konto/moje-dane/")
    screenshot(page, "learner-04-my-data-after-verification")

    # The learner corrects their status and office.
    assert page.get_by_label("Imię").input_value() == "Małgorzata"
    assert page.locator("#id_pup_office option:checked").inner_text() == (
        "Powiatowy Urząd Pracy w Nowym Targu"
    )
    assert_accessible(page)
    page.get_by_label("osoba bezrobotna").check()
    page.get_by_label("Powiatowy urząd pracy (PUP)", exact=False).select_option(
        label="Powiatowy Urząd Pracy w Zakopanem"
    )
    page.get_by_role("button", name="Zapisz zmiany").click()
    assert "zapisane" in page.get_by_role("status").first.inner_text()
    screenshot(page, "learner-05-my-data-saved")
    learner = User.objects.get(email=EMAIL)
    assert learner.status == User.Status.UNEMPLOYED
    assert learner.pup_office.code == "pup-zakopane"

    # Signing out and in again lands on "Moje dane".
    sign_out(page)
    sign_in(page, EMAIL, NEW_PASSWORD)
    page.wait_for_url("**/konto/moje-dane/")

    # The catalogue, the course, enrolment.
    main_menu(page, "Kursy")
    assert_accessible(page)
    screenshot(page, "learner-06-catalogue")
    page.get_by_role("link", name=course.title).click()
    assert_accessible(page)
    screenshot(page, "learner-07-course")
    page.get_by_role("button", name="Zapisz się na kurs").click()

    # The lessons, with a check question in the first one.
    for number in range(1, 4):
        assert page.get_by_role("heading", level=1).inner_text() == f"Lekcja {number}"
        if number == 1:
            feedback = check_yourself(page, "Błędna 101a")
            assert "Nie do końca" in feedback.inner_text()
            feedback = check_yourself(page, "Poprawna 101")
            assert "Dobrze!" in feedback.inner_text()
            assert "Wyjaśnienie 101." in feedback.inner_text()
            assert_accessible(page)
            screenshot(page, "learner-08-lesson")
        page.get_by_role("button", name="Oznacz lekcję jako ukończoną").click()

    # All lessons done: the test opens. The first attempt fails.
    page.get_by_role("button", name="Rozpocznij test").click()
    attempt = Attempt.objects.get(enrollment__user=learner)
    assert_accessible(page)
    screenshot(page, "learner-09-test-attempt")
    answer_all(page, attempt, correctly=False)
    page.get_by_role("button", name="Prześlij test").click()
    assert "Tym razem" in page.get_by_role("status").first.inner_text()
    assert_accessible(page)
    screenshot(page, "learner-10-test-failed")

    # Back on the course page, the test is closed during the cool-down.
    page.get_by_role("link", name=course.title).first.click()
    page.get_by_role("link", name="Przejdź do testu końcowego").click()
    assert page.get_by_role("button", name="Rozpocznij test").count() == 0
    screenshot(page, "learner-11-cool-down")

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
    screenshot(page, "learner-12-test-passed")

    # The certificate is rendered by the task and downloaded from the result.
    certificate = Certificate.objects.get(enrollment__user=learner)
    assert certificate.status == Certificate.Status.READY
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Pobierz certyfikat (PDF)").click()
    pdf = open(download_info.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Małgorzata Źdźbło-Wąś" in text
    assert course.title in text

    # "Moje kursy" lists the finished course and the certificate.
    account_menu(page).get_by_role("link", name="Moje kursy").click()
    assert_accessible(page)
    screenshot(page, "learner-13-my-courses")
    certificates = page.get_by_role("region", name="Certyfikaty")
    assert certificates.get_by_role("cell", name=certificate.number).count() == 1
    assert certificates.get_by_role("link", name=re.compile("^PDF")).count() == 1

    # The QR code's address verifies it, for anyone who scans it.
    verification_path = "/weryfikacja-certyfikatu/" + certificate.display_code + "/"
    assert verification_path in text.replace("\n", "")
    stranger = browser.new_context(base_url=live_server.url).new_page()
    stranger.goto(verification_path)
    assert "Małgorzata Źdźbło-Wąś" in stranger.content()
    assert_accessible(stranger)
    screenshot(stranger, "learner-14-verification")

    # Another learner gets 404 on the download.
    sign_in(stranger, UserFactory().email, password)
    response = stranger.request.get(f"/certyfikaty/{certificate.number}/pdf/")
    assert response.status == 404
    assert CoursePage.objects.count() == 1
    assert page.console_errors == []
