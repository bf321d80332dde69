"""Writes for site content: messages sent through the contact form."""

from django.conf import settings
from django.db import transaction

from portal.core.mail import email_send

from .models import ContactMessage


@transaction.atomic
def contact_message_create(*, name: str, email: str, message: str) -> ContactMessage:
    """Keep a contact message and mail it to the portal's staff."""
    contact = ContactMessage.objects.create(name=name, email=email, message=message)
    email_send(
        template="pages/email/contact_message",
        to=settings.CONTACT_RECIPIENTS,
        context={"contact": contact},
        reply_to=[email],
    )
    return contact
