"""E-mail messages as JSON-safe payloads, so that a task can carry and send them.

Attachments travel base64-encoded as `[filename, content, mimetype]`; a payload
recorded before attachments existed has no "attachments" key and means none.
"""

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage, EmailMultiAlternatives


def message_to_payload(message: EmailMessage) -> dict:
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [content, mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            _attachment_to_payload(attachment) for attachment in message.attachments
        ],
    }


def _attachment_to_payload(attachment) -> list:
    """Only (filename, content, mimetype) attachments can travel, not MIME parts."""
    if isinstance(attachment, MIMEBase):
        raise ValueError("Attach a (filename, content, mimetype) tuple to a payload.")
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode("utf-8")
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def message_from_payload(payload: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        reply_to=payload.get("reply_to") or None,
        headers=payload.get("headers") or None,
    )
    message.content_subtype = payload.get("content_subtype", "plain")
    for content, mimetype in payload.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload.get("attachments", []):
        message.attach(filename, base64.b64decode(content), mimetype)
    return message
