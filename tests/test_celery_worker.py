"""A task travels through Redis to a real Celery worker (CI provides REDIS_URL)."""

import os

import pytest
from django.core import mail

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL"),
]


@pytest.fixture
def celery_worker_on_redis(settings):
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["REDIS_URL"]
    app.conf.result_backend = os.environ["REDIS_URL"]
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, loglevel="WARNING"
        ) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = True


def test_mail_task_is_delivered_by_a_worker_through_redis(celery_worker_on_redis):
    from portal.core.tasks import email_send_task

    payload = {
        "subject": "Próba",
        "body": "Zażółć gęślą jaźń",
        "from_email": "kontakt@kompetencjedlapracy.pl",
        "to": ["osoba@example.org"],
    }
    result = email_send_task.delay(payload)

    assert result.get(timeout=30) == 1
    assert result.status == "SUCCESS"
    assert mail.outbox[-1].body == "Zażółć gęślą jaźń"
