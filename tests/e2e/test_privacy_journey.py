import io
import json
import zipfile

import pytest
from django.apps import apps
from django.db import models

from courses import services as course_services
from forum import services as forum_services
from forum.models import Post
from portal.accounts.roles import DATA_PROTECTION_OFFICER
from privacy.models import DataExport, DataRequest
from tests.admin_helpers import activate_totp, totp_code
from tests.courses.test_test_rules import correct_responses
from tests.e2e.helpers import sign_in
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
KEPT_ON_PURPOSE = {
    "privacy.DataRequest",  # proof that the request was answered (RODO art. 5(2))
    "privacy.DataRequestEvent",
    "privacy.AuditEntry",
    # The failed sign-in tried after the erasure: a lockout record that the
    # retention task deletes after a day.
    "axes.AccessAttempt",
}


def handle_request(admin, data_request, answer):
    admin.goto(f"/admin/wnioski-rodo/{data_request.pk}/")
    admin.get_by_label("Odpowiedź albo przyczyny odmowy", exact=False).fill(answer)
    admin.get_by_role(
        "button", name="Oznacz jako załatwiony i wyślij odpowiedź"
    ).click()
    admin.wait_for_load_state()


def test_a_learner_gets_a_copy_then_is_erased(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="rodo-kurs")
    learner = UserFactory(first_name="Halina", last_name="Grzęda-Wiśniewska")
    enrollment = course_services.enrollment_create(user=learner, course=course)
    for lesson in course.lessons():
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    attempt = course_services.attempt_start(enrollment=enrollment)
    course_services.attempt_submit(
        attempt=attempt, responses=correct_responses(attempt)
    )
    from courses.tasks import certificate_render_task

    certificate_render_task(enrollment.certificate.pk)
    topic = forum_services.topic_create(
        forum=course.forum, author=learner, title="Pytanie", body="Pisze Halina"
    )
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    secret = activate_totp(officer)

    # The learner asks for a copy from "Moje dane".
    sign_in(page, learner.email, password)
    page.goto("/konto/moje-dane/")
    page.get_by_role(
        "link", name="Wnioski dotyczące moich danych osobowych (RODO)"
    ).click()
    assert_accessible(page)
    page.get_by_label("kopia moich danych (art. 15)").check()
    page.get_by_role("button", name="Wyślij wniosek").click()
    copy_request = DataRequest.objects.get(kind="copy")

    # The officer approves it; the ZIP is built for the learner.
    admin = browser.new_context(base_url=live_server.url).new_page()
    sign_in(admin, officer.email, password, code=totp_code(secret))
    admin.goto("/admin/wnioski-rodo/")
    screenshot(admin, "gdpr-requests")
    handle_request(admin, copy_request, "Kopia danych jest gotowa do pobrania.")
    export = DataExport.objects.get(user=learner)

    response = page.request.get(f"/konto/kopia-danych/{export.pk}/")
    assert response.status == 200
    archive = zipfile.ZipFile(io.BytesIO(response.body()))
    data = json.loads(archive.read("data.json"))
    assert data["data"]["Forum"]["posts"][0]["text"] == "Pisze Halina"
    assert (
        data["data"]["Kursy"]["certificates"][0]["full_name"]
        == "Halina Grzęda-Wiśniewska"
    )
    assert any(name.startswith("certyfikaty/") for name in archive.namelist())

    # Another learner cannot download it.
    other = browser.new_context(base_url=live_server.url).new_page()
    sign_in(other, UserFactory().email, password)
    assert other.request.get(f"/konto/kopia-danych/{export.pk}/").status == 404

    # The learner asks for erasure; the officer processes it.
    page.goto("/konto/wnioski-rodo/")
    page.get_by_label("usunięcie danych (art. 17)").check()
    page.get_by_role("button", name="Wyślij wniosek").click()
    handle_request(admin, DataRequest.objects.get(kind="erasure"), "Dane usunięte.")

    # The learner can no longer sign in; the posts show "Użytkownik usunięty".
    fresh = browser.new_context(base_url=live_server.url).new_page()
    sign_in(fresh, learner.email, password)
    assert "/konto/login/" in fresh.url
    sign_in(fresh, UserFactory().email, password)
    fresh.goto(f"/forum/temat/{topic.pk}/")
    assert "Użytkownik usunięty" in fresh.content()
    assert "Pisze Halina" not in fresh.content()
    screenshot(fresh, "gdpr-erased-post")
    assert Post.objects.filter(topic=topic, author__isnull=True).exists()

    # A scan of the database finds the e-mail and the name only where kept on purpose.
    found = set()
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            text = " ".join(str(value) for value in row)
            if learner.email in text or "Grzęda-Wiśniewska" in text:
                found.add(model._meta.label)
    assert found <= KEPT_ON_PURPOSE, found
