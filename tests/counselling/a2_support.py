"""Helper A2's test support: mail really sent through the outbox, and ready objects."""

from datetime import timedelta

import pytest
from django.core import mail
from icalendar import Calendar

from counselling.models import MeetingLink, Signup
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    in_days,
)


@pytest.fixture(name="sent")
def sent_fixture(django_capture_on_commit_callbacks):
    """Run the code under test as if it committed; return the mail it sent."""

    class Sent:
        def __call__(self, action, *args, **kwargs):
            before = len(mail.outbox)
            with django_capture_on_commit_callbacks(execute=True):
                action(*args, **kwargs)
            return mail.outbox[before:]

    return Sent()


def calendar_of(message):
    """The parsed .ics attached to a sent message, with its MIME type."""
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    content = attachment[1]
    if isinstance(content, str):
        content = content.encode()
    return Calendar.from_ical(content), attachment[2]


def leader():
    return CounsellorFactory(
        user__first_name="Ewa", user__last_name="Doradczyni", phone="12 345 67 89"
    )


def booking(*, remote=False, days=7, **kwargs):
    location = (
        None
        if remote
        else LocationFactory(
            name="CPZ Kraków", address="ul. Kościuszki 1", postal_code="30-105"
        )
    )
    slot = SlotFactory(
        counsellor=leader(),
        location=location,
        starts_at=in_days(days, hour=10),
        ends_at=in_days(days, hour=10) + timedelta(hours=1),
    )
    return BookingFactory(slot=slot, **kwargs)


def signup(*, status=Signup.Status.PARTICIPANT, days=14, **kwargs):
    workshop = WorkshopFactory(
        leader=leader(),
        location=LocationFactory(name="CPZ Tarnów", address="ul. Wałowa 1"),
        room="sala 12",
        starts_at=in_days(days, hour=9),
        ends_at=in_days(days, hour=12),
    )
    return SignupFactory(workshop=workshop, status=status, **kwargs)


def client_without_email():
    return ClientFactory(user=None, first_name="Jan", last_name="Telefon", email="")


def meeting_link(booking_, url="https://spotkania.example.org/abc"):
    return MeetingLink.objects.create(
        client=booking_.client, counsellor=booking_.slot.counsellor, url=url
    )
