"""Attachments travel with a queued message and arrive as they were given."""

import json

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from portal.core.mail import email_send
from portal.core.mail_messages import message_from_payload, message_to_payload

ICS = "BEGIN:VCALENDAR\r\nSUMMARY:Spotkanie – doradca\r\nEND:VCALENDAR\r\n".encode()
PDF = b"%PDF-1.4\n\x00\xff\xfe binary"


def message_with(*attachments):
    message = EmailMultiAlternatives(
        subject="Temat", body="Treść", from_email="a@example.org", to=["b@example.org"]
    )
    for attachment in attachments:
        message.attach(*attachment)
    return message


def test_attachments_survive_the_json_payload_round_trip():
    message = message_with(
        ("spotkanie.ics", ICS, "text/calendar; method=REQUEST"),
        ("potwierdzenie.pdf", PDF, "application/pdf"),
    )

    payload = json.loads(json.dumps(message_to_payload(message)))
    restored = message_from_payload(payload)

    (ics, pdf) = restored.attachments
    assert ics[0] == "spotkanie.ics" and ics[2] == "text/calendar; method=REQUEST"
    assert ics[1] == ICS.decode()
    assert pdf == ("potwierdzenie.pdf", PDF, "application/pdf")
    assert b'Content-Type: text/calendar; method="REQUEST"' in (
        restored.message().as_bytes()
    )


def test_a_payload_queued_before_attachments_existed_still_sends():
    payload = message_to_payload(message_with())
    del payload["attachments"]

    restored = message_from_payload(payload)

    assert restored.attachments == []
    assert restored.subject == "Temat"


def test_a_mime_part_cannot_be_queued_silently_without_its_content():
    from email.mime.text import MIMEText  # deferred: only this test builds a part

    message = message_with()
    message.attach(MIMEText("x"))

    with pytest.raises(ValueError):
        message_to_payload(message)


@pytest.mark.django_db
def test_email_send_queues_the_attachments_with_the_message(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template="pages/email/contact_message",
            to="osoba@example.org",
            context={"contact": {"name": "Ala", "email": "a@example.org"}},
            attachments=[("spotkanie.ics", ICS, "text/calendar; method=CANCEL")],
        )

    (attachment,) = mail.outbox[-1].attachments
    assert attachment[0] == "spotkanie.ics"
    assert "Spotkanie – doradca" in attachment[1]
    assert attachment[2] == "text/calendar; method=CANCEL"
