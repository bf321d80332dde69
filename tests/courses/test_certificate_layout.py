"""The certificate fills one A4 page, says nothing gendered and links its check."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from courses import services
from courses.certificates import certificate_pdf_bytes, verification_url
from tests.factories.courses import correct_responses

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"


@pytest.fixture
def certificate(ready_for_test, learner):
    learner.first_name, learner.last_name = "Jan", "Kowalski-Żółć"
    learner.save()
    attempt = services.attempt_start(enrollment=ready_for_test)
    answers = correct_responses(attempt)
    first = attempt.questions[0]
    answers[first["id"]] = [next(a["id"] for a in first["answers"] if not a["correct"])]
    services.attempt_submit(attempt=attempt, responses=answers)
    return ready_for_test.certificate


@pytest.fixture
def pdf(certificate):
    data = certificate_pdf_bytes(certificate)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "certificate-sample.pdf").write_bytes(data)
    return PdfReader(io.BytesIO(data))


def test_the_certificate_is_one_landscape_a4_page(pdf):
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_the_wording_is_gender_neutral_and_states_the_result(pdf, certificate):
    text = pdf.pages[0].extract_text()

    folded = text.casefold()
    assert "imię i nazwisko" in folded and "Jan Kowalski-Żółć" in text
    assert "wynik testu końcowego" in folded and "80%" in text
    assert "ukończenia kursu" in folded
    for gendered in ("ukończył", "zdał", "(a)", "Pan ", "Pani "):
        assert gendered not in text
    assert "Wojewódzki Urząd Pracy w Krakowie" in text


def test_the_verification_address_is_a_link_in_the_pdf(pdf, certificate):
    links = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in pdf.pages[0].get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert verification_url(certificate) in links


def test_the_pdf_stays_tagged_in_polish_with_a_described_qr_code(certificate):
    from django.template.loader import render_to_string

    from courses.certificates import certificate_context

    html = render_to_string(
        "courses/certificate.html", certificate_context(certificate)
    )
    assert '<html lang="pl">' in html
    assert 'alt="Kod QR prowadzący' in html or 'alt="' in html
    assert f'<a href="{verification_url(certificate)}">' in html
    catalog = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate))).trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "pl"
