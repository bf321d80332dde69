"""The platform's background jobs: sending mail, and the outbox relay."""

from celery import shared_task

from . import outbox
from .mail_messages import message_from_payload


@shared_task(
    base=outbox.OutboxTask,
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=60 * 10,
    retry_jitter=True,
    max_retries=10,
)
def email_send_task(message):
    """Send one rendered e-mail; an SMTP or network failure is retried with backoff."""
    return message_from_payload(message).send()


@shared_task
def outbox_relay_task():
    """Every few seconds (beat): hand over the background jobs that are due."""
    return outbox.relay()
