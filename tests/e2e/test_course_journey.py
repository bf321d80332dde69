"""The learner's journey, from the home page to a certificate."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from courses.models import Attempt, Certificate, CoursePage
from portal.accounts.models import User
from tests.e2e.helpers import (
    account_menu,
    fill_signup,
    horizontal_overflow,
    main_menu,
    sign_in,
    sign_out,
)
from tests.factories.accounts import UserFactory
from tests.factories.courses import finish_lessons, make_course

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
            # Set every box, not only the ticked ones: an earlier answer may be
            # ticked already (the keyboard walk ticks the first one).
            box.set_checked(should_tick)
            if question["kind"] != "multiple" and should_tick:
                break


def check_yourself(page, answer):
    """Answer the lesson's check question; the feedback fills its live region."""
    question = page.get_by_role("region", name="Sprawdź się: pytanie 1", exact=True)
    feedback = question.get_by_role("status")
    before = feedback.inner_text()
    question.get_by_label(answer).check()
    question.get_by_role("button", name="Sprawdź odpowiedź").click()
    page.wait_for_function(
        "([el, before]) => el.innerText.trim() && el.innerText !== before",
        arg=[feedback.element_handle(), before],
    )
    return feedback


def submit_test(page):
    """Finish the test, then confirm on the summary page."""
    page.get_by_role("button", name="Zakończ test").click()
    page.get_by_role("button", name="Zakończ i prześlij test").click()


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
    page.get_by_role("button", name="Załóż konto").click()
    assert page.get_by_role("heading", level=1).inner_text().strip() != ""
    screenshot(page, "learner-03-verification-sent")

    # The link in the verification e-mail, as clicked in the mailbox.
    message = mail.outbox[-1]
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Potwierdź").click()
    page.wait_for_url("**/moje-kursy/")
    screenshot(page, "learner-04-my-courses-after-verification")
    account_menu(page).get_by_role("link", name="Moje dane").click()
    page.wait_for_url("**/konto/moje-dane/")

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
    submit_test(page)
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
    submit_test(page)
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
    assert certificates.get_by_text(certificate.number, exact=True).count() == 1
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


def signed_in(page, live_server, user):
    """Start the browser with the user's session (the sign-in form has its own test)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session,
                "url": live_server.url,
            }
        ]
    )


def test_enter_in_an_answer_saves_it_and_submitting_needs_the_confirmation(
    page, live_server, site_content, screenshot, assert_accessible
):
    # Every question of the pool is drawn, so the test shows both kinds of answer.
    course = make_course(slug="klawiatura", questions_per_attempt=12)
    learner = UserFactory()
    finish_lessons(learner, course)
    signed_in(page, live_server, learner)
    page.goto(course.route_url("test"))
    page.get_by_role("button", name="Rozpocznij test").click()
    attempt = Attempt.objects.get(enrollment__user=learner)

    # Keyboard only: Space picks the first answer, Enter is pressed on it.
    first = attempt.questions[0]
    radio = page.locator(f'input[value="{first["answers"][0]["id"]}"]')
    radio.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "zapisane" in page.get_by_role("status").first.inner_text()
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score_percent is None
    assert attempt.responses == {first["id"]: [first["answers"][0]["id"]]}
    assert page.locator(f'input[value="{first["answers"][0]["id"]}"]').is_checked()

    # Tick boxes sit left of their text in normal weight, like radio buttons.
    layouts = page.evaluate(
        """() => [...document.querySelectorAll('.test-question label')].map(l => {
            const input = l.querySelector('input').getBoundingClientRect();
            const text = document.createRange();
            text.selectNodeContents(l);
            const all = text.getBoundingClientRect();
            return {type: l.querySelector('input').type,
                    weight: getComputedStyle(l).fontWeight,
                    left: input.left <= all.left + 1 && input.right < all.right,
                    sameLine: input.top < all.top + 16};
        })"""
    )
    assert {item["type"] for item in layouts} == {"radio", "checkbox"}
    assert all(item["weight"] == "400" and item["left"] for item in layouts)
    assert all(item["sameLine"] for item in layouts)
    assert_accessible(page)
    screenshot(page, "learner-test-after-enter")

    # "Zakończ test" lists the unanswered questions; one link leads back to one.
    page.get_by_role("button", name="Zakończ test").click()
    page.wait_for_url("**/zakoncz/")
    total = len(attempt.questions)
    assert f"1 z {total}" in page.get_by_role("main").inner_text()
    assert_accessible(page)
    screenshot(page, "learner-test-confirmation")
    page.get_by_role("link", name="Pytanie 2", exact=True).click()
    page.wait_for_url("**#question-2")
    assert page.locator(f'input[value="{first["answers"][0]["id"]}"]').is_checked()
    attempt.refresh_from_db()
    assert attempt.is_open

    # At 320 px the test, its confirmation and its result need no sideways scroll.
    page.set_viewport_size({"width": 320, "height": 640})
    assert horizontal_overflow(page) == 0
    answer_all(page, attempt, correctly=True)
    page.get_by_role("button", name="Zakończ test").click()
    page.wait_for_url(re.compile("/zakoncz/"))
    screenshot(page, "learner-test-confirmation-320")
    assert horizontal_overflow(page) == 0
    page.get_by_role("button", name="Zakończ i prześlij test").click()
    page.wait_for_url(re.compile("/wynik/"))
    assert "Gratulacje" in page.get_by_role("status").first.inner_text()
    assert horizontal_overflow(page) == 0
    assert_accessible(page)
    screenshot(page, "learner-test-result-320")
    attempt.refresh_from_db()
    assert attempt.score_percent == 100 and attempt.number == 1
    assert page.console_errors == []
