"""Killed workers and a lost broker on the real services: nothing lost, nothing twice.

Each test prints its figures. Redis and the worker are the test's own (see
processes.py); the worker shares the test database, so these run on PostgreSQL.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Certificate
from portal.accounts.models import PupOffice, User
from portal.accounts.services import pup_offices_load
from portal.core import outbox
from portal.core.mail import email_send
from portal.core.models import OutboxMessage
from portal.pages.demo import demo_content_load
from privacy.models import DataExport
from privacy.services.requests import data_export_create
from tests.celery_helpers import celery_on_broker
from tests.factories.accounts import UserFactory
from tests.factories.courses import make_course, pass_course

from .processes import wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECOVERY_BOUND = 60  # seconds


def relay_until(condition, timeout=RECOVERY_BOUND):
    """Run the outbox relay every second, as beat does, until `condition` holds."""
    started = time.monotonic()

    def step():
        outbox.relay()
        return condition()

    wait_until(step, timeout, interval=1.0, what="recovery")
    return time.monotonic() - started


def certificates_ready(count):
    return lambda: (
        Certificate.objects.filter(status=Certificate.Status.READY).count() == count
    )


def claimed_and_pending():
    return Certificate.objects.filter(
        render_started_at__isnull=False, status=Certificate.Status.PENDING
    ).exists()


@pytest.fixture
def course():
    demo_content_load()
    return make_course(slug="kurs-awarie")


def test_killed_workers_lose_no_certificate_and_render_none_twice(
    course, redis_server, start_worker, mailbox, figures
):
    learners = [UserFactory() for _ in range(6)]
    with celery_on_broker(redis_server.url):
        worker = start_worker(concurrency=1)
        for learner in learners[:3]:
            pass_course(learner, course)
        wait_until(claimed_and_pending, 60, 0.05, "a render in progress")
        worker.kill_children()
        killed = time.monotonic()
        relay_until(certificates_ready(3))
        child_recovery = time.monotonic() - killed

        for learner in learners[3:]:
            pass_course(learner, course)
        wait_until(claimed_and_pending, 60, 0.05, "a render in progress")
        worker.kill()
        killed = time.monotonic()
        start_worker(concurrency=1)
        relay_until(certificates_ready(6))
        worker_recovery = time.monotonic() - killed

    mails = {learner.email: len(mailbox.to(learner.email)) for learner in learners}
    figures(
        f"worker faults: 6 certificates, rendered "
        f"{certificates_ready(6)() and 6}, mails {sum(mails.values())}, "
        f"recovered after a child kill in {child_recovery:.1f} s and after a "
        f"whole-worker kill in {worker_recovery:.1f} s"
    )
    assert set(mails.values()) == {1}, mails
    assert child_recovery < RECOVERY_BOUND and worker_recovery < RECOVERY_BOUND


def sign_up(client, email, office):
    return client.post(
        reverse("account_signup"),
        {
            "first_name": "Jan",
            "last_name": "Awaryjny",
            "email": email,
            "password1": "Lipa-Sad-Ogrod-2026",
            "password2": "Lipa-Sad-Ogrod-2026",
            "status": User.Status.UNEMPLOYED,
            "pup_office": office.pk,
            "accept_terms": "on",
            "accept_privacy": "on",
        },
    )


def test_a_broker_outage_and_a_restart_that_empties_it_lose_no_job(
    course, redis_server, start_worker, mailbox, figures
):
    pup_offices_load()
    office = PupOffice.objects.first()
    with celery_on_broker(redis_server.url):
        # Jobs handed over while no worker runs sit in Redis; a restart loses them.
        queued = [f"kolejka{number}@example.org" for number in range(3)]
        for address in queued:
            email_send(
                template="pages/email/contact_message",
                to=address,
                context={"contact": {"name": "Kolejka", "message": "Czekam"}},
            )
        assert OutboxMessage.objects.filter(attempts=1).count() == 3
        redis_server.stop()

        # The broker is down: sign-ups, test passes and a copy of data go on.
        signups = [f"osoba{number}@example.org" for number in range(4)]
        answers = [sign_up(Client(), email, office).status_code for email in signups]
        learners = [UserFactory() for _ in range(2)]
        for learner in learners:
            pass_course(learner, course)
        export = data_export_create(user=learners[0])
        waiting = OutboxMessage.objects.filter(done_at__isnull=True).count()

        redis_server.start()  # empty: nothing it held survived
        start_worker(concurrency=2)
        recovery = relay_until(
            lambda: not OutboxMessage.objects.filter(done_at__isnull=True).exists()
        )

    export.refresh_from_db()
    counts = {
        address: len(mailbox.to(address))
        for address in queued + signups + [learner.email for learner in learners]
    }
    figures(
        f"broker outage: {len(signups)} sign-ups answered {sorted(set(answers))}, "
        f"{waiting} jobs waited, all done {recovery:.1f} s after Redis came back; "
        f"mails {sum(counts.values())} for {len(counts)} people, "
        f"certificates ready {certificates_ready(2)()}, copy of data "
        f"{'ready' if export.ready_at else 'missing'}"
    )
    expected = {address: 1 for address in counts}
    expected[learners[0].email] = 2  # the certificate, then the copy of data
    assert set(answers) == {302}
    assert counts == expected
    assert certificates_ready(2)()
    assert DataExport.objects.get(pk=export.pk).file
