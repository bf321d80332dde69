"""The transactional outbox: background jobs that are never lost.

`enqueue(task, *args)` records the job in the database inside the caller's
transaction and, once it commits, hands it to Celery. If the broker is down the
job simply waits. The relay (`relay()`, run every few seconds by beat) hands
over every job that is due: never handed over, or handed over
`OUTBOX_REDELIVER_AFTER` seconds ago and still not done (the broker lost it, or
the worker running it died). A job is done when its task returns; a task that
runs again for a job already done does nothing (`OutboxTask`).

Each hand-over of a job uses the same Celery task id (`outbox-<id>`), so a task
can tell its own earlier delivery from another job's (see the certificate claim).
"""

import logging
import time
from datetime import timedelta

from celery import Task, current_app
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import OutboxMessage

logger = logging.getLogger(__name__)

TASK_ID_PREFIX = "outbox-"
# After a failed hand-over, let the relay retry rather than every request.
BROKER_DOWN_FOR_SECONDS = 10.0
_broker_down_until = 0.0


def redeliver_after() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_REDELIVER_AFTER)


def task_id_for(message_id: int) -> str:
    return f"{TASK_ID_PREFIX}{message_id}"


def message_id_of(task_id) -> int | None:
    if task_id and str(task_id).startswith(TASK_ID_PREFIX):
        return int(str(task_id)[len(TASK_ID_PREFIX) :])
    return None


def enqueue(task, *args, forget_when_done: bool = False) -> OutboxMessage:
    """Record `task(*args)` with the current transaction; run it after the commit.

    With `forget_when_done` the arguments are wiped once the job is done.
    """
    message = OutboxMessage.objects.create(
        task=task.name,
        args=list(args),
        due_at=timezone.now() + redeliver_after(),
        forget_when_done=forget_when_done,
    )
    transaction.on_commit(lambda: dispatch(message.pk))
    return message


def dispatch(message_id: int) -> bool:
    """Hand one job to the broker; on a broker failure leave it to the relay."""
    global _broker_down_until
    message = OutboxMessage.objects.filter(
        pk=message_id, done_at__isnull=True, failed_at__isnull=True
    ).first()
    if message is None:
        return False
    eager = current_app.conf.task_always_eager
    if not eager and time.monotonic() < _broker_down_until:
        return False
    now = timezone.now()
    OutboxMessage.objects.filter(pk=message_id).update(
        attempts=F("attempts") + 1, sent_at=now, due_at=now + redeliver_after()
    )
    try:
        current_app.tasks[message.task].apply_async(
            args=message.args, task_id=task_id_for(message_id), retry=False
        )
    except (OperationalError, ConnectionError, OSError) as error:
        _broker_down_until = time.monotonic() + BROKER_DOWN_FOR_SECONDS
        OutboxMessage.objects.filter(pk=message_id).update(
            last_error=repr(error)[:300], due_at=now
        )
        logger.warning("Broker unavailable, job %s waits: %r", message_id, error)
        return False
    return True


def relay(*, now=None, limit: int = 500) -> int:
    """Hand over every job that is due; return how many were handed over."""
    global _broker_down_until
    _broker_down_until = 0.0
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(
        done_at__isnull=True, failed_at__isnull=True, due_at__lte=now
    ).order_by("due_at")
    handed = 0
    for message_id in due.values_list("pk", flat=True)[:limit]:
        if dispatch(message_id):
            handed += 1
        elif time.monotonic() < _broker_down_until:
            break
    return handed


def purge_done(*, before) -> int:
    """Forget jobs finished before `before`: their arguments may name people."""
    finished = OutboxMessage.objects.filter(done_at__lt=before) | (
        OutboxMessage.objects.filter(failed_at__lt=before)
    )
    return finished.delete()[0]


def jobs_mentioning(terms):
    """Jobs whose arguments contain any of `terms` (case-insensitive), to check."""
    query = Q()
    for term in terms:
        query |= Q(args__icontains=term)
    return (
        OutboxMessage.objects.filter(query) if query else OutboxMessage.objects.none()
    )


class OutboxTask(Task):
    """A task whose runs are recorded on their outbox job: done once, then skipped."""

    def __call__(self, *args, **kwargs):
        message_id = message_id_of(self.request.id)
        if (
            message_id is not None
            and OutboxMessage.objects.filter(
                pk=message_id, done_at__isnull=False
            ).exists()
        ):
            return "already done"
        result = super().__call__(*args, **kwargs)
        if message_id is not None:
            done = OutboxMessage.objects.filter(pk=message_id)
            done.update(done_at=timezone.now(), last_error="")
            done.filter(forget_when_done=True).update(args=[])
        return result

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        """While Celery retries with backoff, the relay keeps its hands off."""
        if (message_id := message_id_of(task_id)) is not None:
            wait = timedelta(seconds=getattr(self, "retry_backoff_max", 600) or 600)
            OutboxMessage.objects.filter(pk=message_id).update(
                due_at=timezone.now() + wait + redeliver_after(),
                last_error=repr(exc)[:300],
            )

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if (message_id := message_id_of(task_id)) is not None:
            OutboxMessage.objects.filter(pk=message_id).update(
                failed_at=timezone.now(), last_error=repr(exc)[:300]
            )
