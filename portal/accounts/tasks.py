from celery import shared_task


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=10,
)
def email_send_task(message):
    """Send one rendered e-mail; an SMTP or network failure is retried with backoff."""
    from .services import email_message_from_payload

    return email_message_from_payload(message).send()
