import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services as course_services
from portal.accounts.roles import DATA_PROTECTION_OFFICER
from privacy import tasks
from privacy.models import DataExport
from privacy.services import requests as services
from privacy.services import retention
from tests.courses.test_test_rules import correct_responses
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_with_certificate(learner, course, django_capture_on_commit_callbacks):
    enrollment = course_services.enrollment_create(user=learner, course=course)
    for lesson in course.lessons():
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    attempt = course_services.attempt_start(enrollment=enrollment)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.attempt_submit(
            attempt=attempt, responses=correct_responses(attempt)
        )
    return learner


def test_approving_a_copy_request_builds_a_zip_the_owner_downloads(
    client, learner_with_certificate, django_capture_on_commit_callbacks
):
    learner = learner_with_certificate
    request = services.data_request_create(user=learner, kind="copy")
    with django_capture_on_commit_callbacks(execute=True):
        services.data_request_close(
            request=request,
            by=StaffFactory(role=DATA_PROTECTION_OFFICER),
            outcome="Gotowe",
        )
    export = DataExport.objects.get(user=learner)
    assert export.ready_at and export.expires_at - export.ready_at == timedelta(days=7)

    client.force_login(learner)
    response = client.get(reverse("privacy:export", args=[export.pk]))

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert {"index.html", "data.json"} <= set(names)
    assert any(name.startswith("certyfikaty/") for name in names)
    data = json.loads(archive.read("data.json"))
    # The privacy part now also holds cookie decisions, hence its longer name; the
    # art. 15 information names the supervisory authority under "complaint" (it
    # was one line of "rights" before).
    parts = {"Konto", "Kursy", "Forum", "Wnioski RODO i decyzje o cookies"}
    assert set(data["data"]) >= parts
    assert data["data"]["Konto"]["email"] == learner.email
    assert "Prezes Urzędu Ochrony Danych" in data["information_art_15"]["complaint"]
    assert learner.email in archive.read("index.html").decode()


def test_another_learner_gets_404_and_expired_copies_are_deleted(client, learner):
    tasks_export = services.data_export_create(user=learner)
    tasks.data_export_build_task(tasks_export.pk)
    url = reverse("privacy:export", args=[tasks_export.pk])

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404

    DataExport.objects.filter(pk=tasks_export.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(learner)
    assert client.get(url).status_code == 404
    assert retention.retention_run()["data_exports"] == 1
    assert not DataExport.objects.exists()


def test_the_owner_finds_the_copy_on_the_requests_page_until_it_expires(
    client, learner
):
    export = services.data_export_create(user=learner)
    tasks.data_export_build_task(export.pk)
    url = reverse("privacy:export", args=[export.pk])
    client.force_login(learner)

    page = client.get(reverse("privacy:my_requests")).content.decode()
    assert f'href="{url}"' in page
    assert "Twoje kopie danych" in page

    client.force_login(UserFactory())
    assert url not in client.get(reverse("privacy:my_requests")).content.decode()

    DataExport.objects.filter(pk=export.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(learner)
    assert url not in client.get(reverse("privacy:my_requests")).content.decode()
