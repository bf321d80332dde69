"""The outbox: a job is recorded with its change and delivered, broker or not."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from portal.celery import app
from portal.core import outbox
from portal.core.mail import email_send
from portal.core.models import OutboxMessage
from portal.core.tasks import email_send_task
from tests.celery_helpers import celery_on_broker

# Restores the migrated data after the flush, as the other transactional tests do.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLOSED_BROKER = "redis://127.0.0.1:1/0"


def send_one(to="osoba@example.org"):
    with transaction.atomic():
        email_send(
            template="pages/email/contact_message",
            to=to,
            context={"contact": {"name": "Ala", "email": to, "message": "Dzień dobry"}},
        )


@pytest.fixture
def broker_down():
    """Celery as in production, but its broker is a port where nothing listens."""
    with celery_on_broker(CLOSED_BROKER):
        yield
    outbox.relay(now=timezone.now() - timedelta(days=1))  # resets the breaker


def test_a_job_is_recorded_with_its_change_and_runs_after_the_commit():
    send_one()

    job = OutboxMessage.objects.get()
    assert job.task == email_send_task.name
    assert job.done_at is not None and job.attempts == 1
    assert mail.outbox[-1].to == ["osoba@example.org"]


def test_a_change_rolled_back_leaves_no_job_and_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        email_send(
            template="pages/email/contact_message",
            to="osoba@example.org",
            context={"contact": {}},
        )
        raise RuntimeError("the change fails")

    assert not OutboxMessage.objects.exists()
    assert not mail.outbox


def test_with_the_broker_down_the_job_waits_and_the_relay_delivers_it(broker_down):
    send_one()

    job = OutboxMessage.objects.get()
    assert job.done_at is None
    assert "OperationalError" in job.last_error
    assert not mail.outbox

    app.conf.task_always_eager = True  # the broker is back (in-process here)
    assert outbox.relay() == 1

    job.refresh_from_db()
    assert job.done_at is not None
    assert len(mail.outbox) == 1


def test_while_the_broker_is_down_further_jobs_do_not_wait_for_it_each_time(
    broker_down,
):
    send_one("pierwsza@example.org")
    started = timezone.now()
    for number in range(5):
        send_one(f"osoba{number}@example.org")

    assert timezone.now() - started < timedelta(seconds=2)
    assert OutboxMessage.objects.filter(done_at__isnull=True).count() == 6


def test_a_job_handed_over_but_not_done_in_time_is_handed_over_again():
    job = OutboxMessage.objects.create(
        task=email_send_task.name,
        args=[
            {
                "subject": "Zgubiona",
                "body": "Ta wiadomość przepadła w brokerze.",
                "from_email": "kontakt@kompetencjedlapracy.pl",
                "to": ["osoba@example.org"],
            }
        ],
        sent_at=timezone.now() - timedelta(minutes=5),
        attempts=1,
        due_at=timezone.now() - timedelta(seconds=1),
    )

    assert outbox.relay() == 1

    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 2
    assert mail.outbox[-1].subject == "Zgubiona"


def test_a_job_already_done_is_not_run_again():
    send_one()
    job = OutboxMessage.objects.get()

    email_send_task.apply(args=job.args, task_id=outbox.task_id_for(job.pk))

    assert len(mail.outbox) == 1


def test_jobs_not_yet_due_stay_with_the_outbox():
    send_one()
    OutboxMessage.objects.update(done_at=None, due_at=timezone.now() + timedelta(1))

    assert outbox.relay() == 0
    assert len(mail.outbox) == 1


def test_jobs_that_name_a_person_are_found_and_finished_ones_purged():
    send_one("zofia@example.org")
    send_one("inna@example.org")

    assert list(outbox.jobs_mentioning(["ZOFIA@example.org"])) == [
        OutboxMessage.objects.get(args__icontains="zofia@")
    ]
    later = timezone.now() + timedelta(days=8)
    assert outbox.purge_done(before=later) == 2


def test_a_job_to_forget_keeps_no_arguments_once_done():
    outbox.enqueue(
        email_send_task,
        {
            "subject": "Usunęliśmy Twoje dane",
            "body": "Zofia, ...",
            "from_email": "kontakt@kompetencjedlapracy.pl",
            "to": ["zofia@example.org"],
        },
        forget_when_done=True,
    )

    assert mail.outbox[-1].to == ["zofia@example.org"]
    assert OutboxMessage.objects.get().args == []
