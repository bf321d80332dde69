from celery import shared_task

from .mail_messages import message_from_payload


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=10,
)
def email_send_task(message):
    """Send one rendered e-mail; an SMTP or network failure is retried with backoff."""
    return message_from_payload(message).send()
