"""Sending the portal's e-mail: render from templates, queue after the commit."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string

from . import outbox
from .mail_messages import message_to_payload
from .tasks import email_send_task


def email_send(
    *,
    template: str,
    to: str | list,
    context: dict,
    headers=None,
    reply_to=None,
    essential: bool = False,
    forget_after_sending: bool = False,
    attachments=None,
) -> None:
    """Render `<template>_subject.txt` and `_message.txt` and queue the message.

    A person whose processing is restricted (RODO art. 18) gets only essential
    mail: answers about their own requests. With `forget_after_sending` the
    message leaves no copy in the outbox once sent (the notice of an erasure).
    `attachments` are `(filename, content, mimetype)` tuples (a calendar file).
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not essential:
        restricted = set(
            get_user_model()
            .objects.filter(
                email__in=[r.lower() for r in recipients], processing_restricted=True
            )
            .values_list("email", flat=True)
        )
        recipients = [r for r in recipients if r.lower() not in restricted]
        if not recipients:
            return
    context = {**context, "base_url": settings.PORTAL_BASE_URL.rstrip("/")}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_message.txt", context)
    email_enqueue(
        message=EmailMultiAlternatives(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
            reply_to=reply_to,
            headers=headers,
            attachments=list(attachments or []),
        ),
        forget_when_done=forget_after_sending,
    )


def email_enqueue(*, message: EmailMessage, forget_when_done: bool = False) -> None:
    """Record a rendered message in the outbox; it is sent after the commit."""
    outbox.enqueue(
        email_send_task, message_to_payload(message), forget_when_done=forget_when_done
    )
