"""The data-protection officer answers a learner's requests: a copy, then erasure."""

import io
import json
import re
import zipfile

import pytest
from django.apps import apps
from django.core import mail
from django.db import models

from forum import services as forum_services
from forum.models import Post
from portal.accounts.roles import DATA_PROTECTION_OFFICER
from privacy.models import DataExport, DataRequest
from tests.e2e.helpers import (
    account_menu,
    admin_menu,
    main_menu,
    sign_in,
    sign_in_to_admin,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course, pass_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
KEPT_ON_PURPOSE = {
    "privacy.DataRequest",  # proof that the request was answered (RODO art. 5(2))
    "privacy.DataRequestEvent",
    "core.AuditEntry",
    # The failed sign-in tried after the erasure: a lockout record that the
    # retention task deletes after a day.
    "axes.AccessAttempt",
}


def open_request(admin, kind, person):
    """From the admin's sidebar, open the requests list and one person's request."""
    admin_menu(admin, "Ochrona danych", "Wnioski RODO")
    admin.get_by_role("row", name=person).get_by_role("link", name=kind).click()
    admin.wait_for_load_state()


def complete_request(admin, answer):
    admin.get_by_label("Odpowiedź albo przyczyny odmowy", exact=False).fill(answer)
    admin.get_by_role(
        "button", name="Oznacz jako załatwiony i wyślij odpowiedź"
    ).click()
    admin.wait_for_load_state()


def file_request(page, kind):
    """From any portal page: "Moje dane", then the requests page, then the form."""
    account_menu(page).get_by_role("link", name="Moje dane").click()
    page.get_by_role(
        "link", name="Wnioski dotyczące moich danych osobowych (RODO)"
    ).click()
    page.get_by_label(kind).check()
    page.get_by_role("button", name="Wyślij wniosek").click()
    assert "Wniosek został złożony" in page.get_by_role("status").first.inner_text()


def test_a_learner_gets_a_copy_then_is_erased(
    page, browser, live_server, site_content, password, screenshot, assert_accessible
):
    course = make_course(slug="rodo-kurs")
    learner = UserFactory(first_name="Halina", last_name="Grzęda-Wiśniewska")
    pass_course(learner, course)
    forum_services.topic_create(
        forum=course.forum, author=learner, title="Pytanie", body="Pisze Halina"
    )
    officer = StaffFactory(role=DATA_PROTECTION_OFFICER)
    person = "Halina Grzęda-Wiśniewska"

    # The learner asks for a copy from "Moje dane".
    page.goto("/")
    sign_in(page, learner.email, password)
    file_request(page, "kopia moich danych (art. 15)")
    assert_accessible(page)
    screenshot(page, "iod-01-learner-request-filed")
    assert DataRequest.objects.filter(kind="copy", user=learner).exists()

    # The officer enters the admin, finds the request and answers it.
    admin = browser.new_context(base_url=live_server.url).new_page()
    admin.goto("/")
    sign_in_to_admin(admin, officer, password)
    open_request(admin, "kopia moich danych (art. 15)", person)
    assert_accessible(admin)
    screenshot(admin, "iod-02-copy-request")
    complete_request(admin, "Kopia danych jest gotowa do pobrania.")
    assert_accessible(admin)
    screenshot(admin, "iod-03-copy-request-done")
    export = DataExport.objects.get(user=learner)
    assert export.ready_at is not None

    # The e-mail says the copy is ready; its link (to the portal's own address,
    # here the test server) downloads the ZIP.
    ready = [m for m in mail.outbox if "/konto/kopia-danych/" in m.body]
    assert ready and ready[-1].to == [learner.email]
    link = re.search(r"/konto/kopia-danych/\d+/", ready[-1].body).group(0)
    response = page.request.get(link)
    assert response.status == 200
    archive = zipfile.ZipFile(io.BytesIO(response.body()))
    data = json.loads(archive.read("data.json"))
    assert data["data"]["Forum"]["posts"][0]["text"] == "Pisze Halina"
    assert data["data"]["Kursy"]["certificates"][0]["full_name"] == person
    assert any(name.startswith("certyfikaty/") for name in archive.namelist())
    assert "index.html" in archive.namelist()

    # Another learner cannot download it.
    other = browser.new_context(base_url=live_server.url).new_page()
    sign_in(other, UserFactory().email, password)
    assert other.request.get(link).status == 404

    # The learner asks for erasure; the officer processes it.
    file_request(page, "usunięcie danych (art. 17)")
    assert "załatwiony" in page.get_by_role("table").inner_text()
    screenshot(page, "iod-04-learner-erasure-filed")
    open_request(admin, "usunięcie danych (art. 17)", person)
    assert_accessible(admin)
    screenshot(admin, "iod-05-erasure-request")
    complete_request(admin, "Dane usunięte.")
    assert_accessible(admin)
    screenshot(admin, "iod-06-erasure-done")

    # The learner's session has ended and the sign-in is refused.
    page.reload()
    assert account_menu(page).get_by_role("link", name="Zaloguj się").count() == 1
    sign_in(page, learner.email, password)
    assert "/konto/login/" in page.url
    screenshot(page, "iod-07-sign-in-refused")

    # In the forum, the posts show "Użytkownik usunięty".
    main_menu(other, "Kursy")
    other.get_by_role("link", name=course.title).click()
    other.get_by_role("link", name="Przejdź do forum kursu").click()
    other.get_by_role("link", name="Pytanie").click()
    assert "Użytkownik usunięty" in other.content()
    assert "Pisze Halina" not in other.content()
    assert_accessible(other)
    screenshot(other, "iod-08-erased-post")
    assert Post.objects.filter(topic__title="Pytanie", author__isnull=True).exists()

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
