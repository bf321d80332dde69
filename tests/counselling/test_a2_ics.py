"""Calendar files: one UID per appointment, SEQUENCE rising, Warsaw time."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from counselling.ics import appointment_calendar
from counselling.models import ServiceKind
from tests.counselling.a2_support import booking, signup
from tests.factories.counselling import SlotFactory, make_service

pytestmark = pytest.mark.django_db


def event_of(data: bytes):
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_a_booking_becomes_a_request_in_warsaw_time():
    appointment = booking()

    calendar, event = event_of(appointment_calendar(appointment))

    assert calendar["METHOD"] == "REQUEST" and calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert event["UID"] == f"{appointment.uid}@kompetencjedlapracy.pl"
    assert event["SEQUENCE"] == 0 and event["STATUS"] == "CONFIRMED"
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event.start == appointment.slot.starts_at
    assert event.end == appointment.slot.ends_at
    assert str(event.start.tzinfo) == "Europe/Warsaw"
    assert event["DTSTAMP"]
    assert "ul. Kościuszki 1, 30-105 Kraków" in event["LOCATION"]
    assert str(event["ORGANIZER"]) == "mailto:kontakt@kompetencjedlapracy.pl"


def test_the_description_names_the_leader_and_the_appointment_page():
    appointment = booking()

    _, event = event_of(appointment_calendar(appointment))

    description = str(event["DESCRIPTION"])
    assert "Ewa Doradczyni" in description
    assert "12 345 67 89" in description
    assert appointment.slot.counsellor.email in description
    assert f"/{appointment.token}/" in description


def test_the_summary_is_the_service_page_or_the_kind_in_polish():
    appointment = booking(remote=True)
    _, event = event_of(appointment_calendar(appointment))
    assert event["SUMMARY"] == str(ServiceKind.REMOTE.label)
    assert event["LOCATION"] == "Spotkanie zdalne"

    make_service(ServiceKind.REMOTE, title="Poradnictwo zdalne")
    _, event = event_of(appointment_calendar(appointment))
    assert event["SUMMARY"] == "Poradnictwo zdalne"


def test_a_change_keeps_the_uid_and_raises_the_sequence():
    appointment = booking()
    _, first = event_of(appointment_calendar(appointment))

    appointment.slot = SlotFactory(
        counsellor=appointment.slot.counsellor,
        starts_at=appointment.slot.starts_at + timedelta(days=1),
        ends_at=appointment.slot.ends_at + timedelta(days=1),
    )
    appointment.sequence += 1
    _, moved = event_of(appointment_calendar(appointment))

    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == first["SEQUENCE"] + 1
    assert moved.start == first.start + timedelta(days=1)


def test_a_cancellation_is_method_cancel():
    appointment = booking()
    appointment.sequence = 3

    calendar, event = event_of(appointment_calendar(appointment, cancel=True))

    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 3


def test_a_workshop_place_names_the_topic_room_and_leader():
    place = signup()
    workshop = place.workshop

    _, event = event_of(appointment_calendar(place))

    assert event["SUMMARY"] == workshop.service.title
    assert "CPZ Tarnów" in event["LOCATION"] and "sala 12" in event["LOCATION"]
    assert "Ewa Doradczyni" in str(event["DESCRIPTION"])
    assert event.start == workshop.starts_at
    assert event["UID"] == f"{place.uid}@kompetencjedlapracy.pl"


def test_the_remote_meeting_link_goes_into_the_description():
    appointment = booking(remote=True)

    _, event = event_of(
        appointment_calendar(appointment, meeting_url="https://m.example.org/x")
    )

    assert "https://m.example.org/x" in str(event["DESCRIPTION"])
