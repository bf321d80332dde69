"""With Redis down (cache and broker), every page a learner or editor uses answers.

The portal is pointed at a port where nothing listens, for the cache and for the
Celery broker, as when Redis stops. Pages are served without the cache, forms
keep what was typed, jobs wait in the outbox, and /healthz says "degraded".
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Attempt, Certificate
from forum.services import forum_profile_choose
from portal.accounts.models import PupOffice, User
from portal.core import outbox
from portal.core.models import OutboxMessage
from tests.admin_helpers import login_with_second_factor
from tests.celery_helpers import celery_on_broker
from tests.factories.accounts import StaffFactory
from tests.factories.courses import correct_responses

pytestmark = pytest.mark.django_db

CLOSED = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 0.2, "down_for": 5},
        }
    }
    with celery_on_broker(CLOSED):
        yield
    outbox.relay(now=timezone.now().replace(year=2000))  # resets the breaker


def ok(response):
    assert response.status_code < 500, response.status_code
    return response


def test_anonymous_pages_answer_without_the_cache_and_the_broker(
    client, course, redis_down
):
    for url in [
        "/",
        "/kursy/",
        course.url,
        course.lessons().first().url,
        reverse("account_login"),
        reverse("account_signup"),
        reverse("courses:verify"),
        "/szukaj/?q=kurs",
        "/faq/",
        "/polityka-prywatnosci/",
        "/kontakt/",
    ]:
        assert ok(client.get(url)).status_code == 200, url


def test_signing_up_with_redis_down_creates_the_account_and_the_mail_waits(
    client, offices, site_content, redis_down
):
    response = ok(
        client.post(
            reverse("account_signup"),
            {
                "first_name": "Zofia",
                "last_name": "Wójcik",
                "email": "zofia.wojcik@example.org",
                "password1": "Lipa-Sad-Ogrod-2026",
                "password2": "Lipa-Sad-Ogrod-2026",
                "status": User.Status.JOB_SEEKER,
                "pup_office": PupOffice.objects.first().pk,
                "accept_terms": "on",
                "accept_privacy": "on",
            },
        )
    )

    assert response.status_code == 302
    assert User.objects.filter(email="zofia.wojcik@example.org").exists()
    waiting = OutboxMessage.objects.get(done_at__isnull=True)
    assert "zofia.wojcik@example.org" in str(waiting.args)


def test_a_learner_passes_the_test_with_redis_down_and_keeps_the_answers(
    client, ready_for_test, redis_down
):
    course = ready_for_test.course
    client.force_login(ready_for_test.user)
    ok(client.get(reverse("courses:dashboard")))
    ok(client.post(course.route_url("test")))
    attempt = Attempt.objects.get()
    answers = {f"q-{qid}": ids for qid, ids in correct_responses(attempt).items()}

    take_url = course.route_url("test_take", 1)
    finish_url = course.route_url("test_finish", 1)

    saved = ok(client.post(take_url, {**answers, "save": "1"}))
    assert saved.status_code == 302 and saved.url == take_url
    attempt.refresh_from_db()
    assert attempt.is_open
    assert {qid: set(ids) for qid, ids in attempt.responses.items()} == {
        qid: set(ids) for qid, ids in correct_responses(attempt).items()
    }
    assert "zapisane" in ok(client.get(take_url)).content.decode()
    to_confirm = ok(client.post(take_url, {**answers, "finish": "1"}))
    assert to_confirm.status_code == 302 and to_confirm.url == finish_url
    assert ok(client.get(finish_url)).status_code == 200
    response = ok(client.post(finish_url))

    attempt.refresh_from_db()
    assert response.status_code == 302 and attempt.passed
    assert response.url == course.route_url("test_result", 1)
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.PENDING
    assert OutboxMessage.objects.filter(done_at__isnull=True).exists()
    ok(client.get(course.route_url("test_result", 1)))


def test_a_learner_posts_in_the_forum_with_redis_down(
    client, learner, forum, redis_down
):
    forum_profile_choose(user=learner, shown_as="pseudonym", pseudonym="Ania")
    client.force_login(learner)
    ok(client.get(reverse("forum:index", args=[forum.pk])))

    response = ok(
        client.post(
            reverse("forum:topic_new", args=[forum.pk]),
            {"title": "Pytanie", "body": "Czy test ma limit czasu?"},
        )
    )

    assert response.status_code == 302
    ok(client.get(response["Location"]))


def test_an_editor_uses_the_admin_with_redis_down(client, course, redis_down):
    editor = StaffFactory(role="Redaktor")
    login_with_second_factor(client, editor)

    assert ok(client.get("/admin/")).status_code == 200
    assert ok(client.get(f"/admin/pages/{course.pk}/edit/")).status_code == 200


def test_healthz_says_degraded_with_200_while_the_database_answers(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["database"] == "ok"
    assert report["cache"].startswith("error")
    assert report["broker"].startswith("error")
