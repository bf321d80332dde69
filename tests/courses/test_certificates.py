import io
from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from courses import services, tasks
from courses.certificates import certificate_pdf_bytes
from courses.models import Certificate
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(ready_for_test, learner):
    learner.first_name, learner.last_name = "Żaneta", "Gęślarz-Łącka"
    learner.save()
    return services.certificate_issue(enrollment=ready_for_test)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_shows_name_course_number_and_polish_letters(certificate):
    text = pdf_text(certificate_pdf_bytes(certificate))

    assert "Żaneta Gęślarz-Łącka" in text
    assert certificate.course_title in text
    assert certificate.number in text
    assert certificate.display_code in text


def test_the_pdf_is_tagged_for_screen_readers(certificate):
    reader = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate)))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "pl"


def test_the_name_is_kept_as_it_was_at_issue(certificate, learner):
    learner.last_name = "Nowe-Nazwisko"
    learner.save()
    certificate.refresh_from_db()
    assert "Gęślarz-Łącka" in certificate.full_name


def test_the_render_task_stores_the_pdf_and_mails_the_owner(
    certificate, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.certificate_render_task(certificate.pk)

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.READY
    assert certificate.pdf.read().startswith(b"%PDF")
    assert mail.outbox[-1].to == [learner.email]
    assert certificate.number in mail.outbox[-1].body


def test_running_the_task_twice_renders_once(
    certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.certificate_render_task(certificate.pk)
        assert tasks.certificate_render_task(certificate.pk) == "already ready"
    assert len(mail.outbox) == 1


def test_a_failed_render_is_recorded_and_retried_until_it_succeeds(
    certificate, settings, django_capture_on_commit_callbacks
):
    with (
        mock.patch(
            "courses.certificates.certificate_pdf_bytes",
            side_effect=OSError("disk full"),
        ),
        pytest.raises((OSError, Retry)),
    ):
        tasks.certificate_render_task.apply(args=[certificate.pk], throw=True)

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert "disk full" in certificate.last_error
    assert certificate.render_attempts >= 1

    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=timezone.now() - timedelta(hours=1)
    )
    # The safety net records a job in the outbox; it runs once that commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.certificates_render_pending_task() == 1
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.READY


def test_only_the_owner_downloads_the_certificate(client, certificate, learner):
    tasks.certificate_render_task(certificate.pk)
    url = reverse("courses:certificate_pdf", args=[certificate.number])

    client.force_login(learner)
    owner = client.get(url)
    assert owner.status_code == 200
    assert owner["Content-Type"] == "application/pdf"

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("courses:certificate", args=[certificate.number])
        ).status_code
        == 404
    )
    client.logout()
    assert client.get(url).status_code == 404


def test_staff_without_the_right_get_404_too(client, certificate):
    tasks.certificate_render_task(certificate.pk)
    client.force_login(StaffFactory(role="Moderator"))
    url = reverse("courses:certificate_pdf", args=[certificate.number])
    assert client.get(url).status_code == 404


def test_the_html_twin_shows_the_same_facts(client, certificate, learner):
    client.force_login(learner)
    html = client.get(
        reverse("courses:certificate", args=[certificate.number])
    ).content.decode()
    assert "Żaneta Gęślarz-Łącka" in html and certificate.display_code in html


def test_the_public_page_verifies_a_code_from_the_qr_link(client, certificate):
    response = client.get(
        reverse("courses:verify_code", args=[certificate.display_code])
    )
    html = response.content.decode()
    assert "Żaneta Gęślarz-Łącka" in html
    assert certificate.course_title in html


def test_a_typed_code_is_accepted_in_any_case_and_with_spaces(client, certificate):
    typed = certificate.display_code.lower().replace("-", " ")
    response = client.get(reverse("courses:verify"), {"kod": typed})
    assert response.context["certificate"] == certificate


def test_an_unknown_code_is_reported_as_not_found(client, certificate):
    response = client.get(reverse("courses:verify"), {"kod": "AAAA-BBBB-CCCC"})
    assert response.context["certificate"] is None


def test_guessing_codes_is_rate_limited(client, certificate):
    for number in range(services.VERIFICATION_LIMIT):
        client.get(reverse("courses:verify"), {"kod": f"GUESS{number:07d}"})

    response = client.get(
        reverse("courses:verify"), {"kod": certificate.verification_code}
    )

    assert response.status_code == 429
    assert "certificate" not in response.context


def test_a_render_already_under_way_is_not_started_twice(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        render_started_at=timezone.now()
    )

    assert tasks.certificate_render_task(certificate.pk) == "rendering elsewhere"
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING


def test_the_pdf_is_kept_outside_the_public_media_folder(certificate, settings):
    tasks.certificate_render_task(certificate.pk)
    certificate.refresh_from_db()
    path = certificate.pdf.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_staff_reading_someone_elses_certificate_are_audited(client, certificate):
    from portal.core.models import AuditEntry

    # Staff read someone else's certificate only with the second factor.
    login_with_second_factor(client, StaffFactory(is_superuser=True))
    client.get(reverse("courses:certificate", args=[certificate.number]))
    client.get(reverse("courses:certificate_pdf", args=[certificate.number]))

    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        "download",
        "view",
    ]
