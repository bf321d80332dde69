import json

import pytest
from django.apps import apps
from django.db import models

from courses import services as course_services
from forum import services as forum_services
from privacy.registry import (
    covered_models,
    declared_file_fields,
    providers,
    user_relations,
)
from tests.courses.test_test_rules import correct_responses
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_every_model_pointing_at_a_user_is_covered_by_a_provider():
    uncovered = {
        f"{model._meta.label}.{field.name}"
        for model, field in user_relations()
        if model not in covered_models()
    }
    assert not uncovered, f"no privacy provider covers: {sorted(uncovered)}"


PORTAL_APPS = {"portal.core", "portal.accounts", "portal.pages", "privacy", "courses"}
PORTAL_APPS |= {"forum", "counselling"}


def test_every_file_field_of_the_portal_is_declared_by_a_provider():
    """A file kept for a person must reach the copy of data and erasure."""
    file_fields = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_config.name in PORTAL_APPS
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    }
    assert file_fields, "the portal keeps certificates and copies of data as files"
    assert file_fields == declared_file_fields()


def test_erasure_runs_the_account_last():
    ordered = [provider.key for provider in providers()]
    assert ordered[-1] == "accounts"


@pytest.fixture
def active_learner(learner, course, django_capture_on_commit_callbacks):
    learner.first_name, learner.last_name = "Zenobia", "Przybylska-Ślęk"
    learner.save()
    enrollment = course_services.enrollment_create(user=learner, course=course)
    for lesson in course.lessons():
        course_services.lesson_complete(enrollment=enrollment, lesson=lesson)
    attempt = course_services.attempt_start(enrollment=enrollment)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.attempt_submit(
            attempt=attempt, responses=correct_responses(attempt)
        )
    topic = forum_services.topic_create(
        forum=course.forum, author=learner, title="Mój temat", body="Piszę jako Zenobia"
    )
    forum_services.post_create(topic=topic, author=UserFactory(), body="Odpowiedź")
    return learner


def test_the_export_holds_the_data_of_every_app(active_learner):
    exported = {p.key: p.export(active_learner) for p in providers()}

    json.dumps(exported)  # the copy of data is JSON
    assert exported["accounts"]["email"] == active_learner.email
    assert (
        exported["courses"]["certificates"][0]["full_name"] == "Zenobia Przybylska-Ślęk"
    )
    assert exported["forum"]["posts"][0]["text"] == "Piszę jako Zenobia"


def text_values_everywhere():
    """Every text value in every table: where a name or e-mail could still sit."""
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                yield model, " ".join(str(value) for value in row)


def test_erasure_leaves_the_name_and_email_nowhere_and_says_what_was_kept(
    active_learner,
):
    email, last_name = active_learner.email, active_learner.last_name
    pk = active_learner.pk

    kept = [note for provider in providers() for note in provider.erase(active_learner)]

    found = [
        model._meta.label
        for model, text in text_values_everywhere()
        if email in text or last_name in text
    ]
    assert not found, found
    active_learner.refresh_from_db()
    assert not active_learner.is_active
    assert not active_learner.has_usable_password()
    assert kept and all(isinstance(note, str) for note in kept)
    assert active_learner.enrollments.get().passed_at is not None  # reporting keeps it
    from forum.models import Post

    assert Post.objects.filter(author__isnull=True, body="").exists()
    assert active_learner.pk == pk


def test_an_erasure_request_closes_the_account_and_says_what_was_kept(
    client, active_learner, password, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.urls import reverse

    from portal.accounts.roles import DATA_PROTECTION_OFFICER
    from privacy.services import erasure
    from privacy.services import requests as privacy_services
    from tests.factories.accounts import StaffFactory

    email = active_learner.email
    request = privacy_services.data_request_create(user=active_learner, kind="erasure")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_services.data_request_close(
            request=request,
            by=StaffFactory(role=DATA_PROTECTION_OFFICER),
            outcome="Usunięto",
        )

    response = client.post(
        reverse("account_login"), {"login": email, "password": password}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    notice = mail.outbox[-1]
    assert notice.to == [email]
    assert "zachowujemy" in notice.body
    topic_page = client.get(
        "/"
    )  # the posts are anonymous (checked in the provider test)
    assert topic_page.status_code == 200
    # Running it again changes nothing (it resumes safely).
    assert erasure.person_erase(user=active_learner)


def test_erasure_forgets_mail_to_the_person_but_not_someone_else_of_that_name(learner):
    from django.utils import timezone

    from portal.core.models import OutboxMessage
    from privacy.services.erasure import person_erase

    learner.first_name = "Zenobia"
    learner.save()
    waiting = {"due_at": timezone.now(), "task": "portal.core.tasks.email_send_task"}
    theirs = OutboxMessage.objects.create(args=[{"to": [learner.email]}], **waiting)
    namesake = OutboxMessage.objects.create(
        args=[{"to": ["inna@example.org"], "body": "Dzień dobry, Zenobio"}], **waiting
    )

    person_erase(user=learner)

    assert not OutboxMessage.objects.filter(pk=theirs.pk).exists()
    assert OutboxMessage.objects.filter(pk=namesake.pk).exists()
