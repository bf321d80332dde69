"""Fixes from the review of issue 13: privacy, workshops, calendar files, links."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from icalendar import Calendar

from counselling import notifications, permissions
from counselling.ics import appointment_calendar
from counselling.models import Booking, Client, Event, MeetingLink, Signup
from counselling.privacy import LABELS, erase, export
from counselling.services.bookings import BookingError
from counselling.services.clients import client_for_user, meeting_link_set
from counselling.services.workshops import (
    offer_confirm,
    offers_expire,
    signup_create,
    signup_leave,
    workshop_cancel,
)
from tests.counselling.a2_support import (
    booking,
    calendar_of,
    meeting_link,
    sent_fixture,  # noqa: F401 (fixture)
    signup,
)
from tests.counselling.a_support import notified_fixture  # noqa: F401 (fixture)
from tests.factories.accounts import UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    at,
    manager_user,
)

pytestmark = pytest.mark.django_db

NOW = at(2026, 6, 1, 9)
START = at(2026, 6, 17, 10)
Status = Signup.Status


def person():
    user = UserFactory(email="anna.nowak@example.org")
    EmailAddress.objects.create(user=user, email="a.nowak@poczta.example.org")
    return user


def entered_by_staff(email, **kwargs):
    return ClientFactory(
        user=None, first_name="Anna", last_name="Nowak", email=email, **kwargs
    )


def keys_of(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from keys_of(value)
    elif isinstance(data, list):
        for value in data:
            yield from keys_of(value)


# --- 1. privacy: records staff entered under one of the person's addresses ---------


def test_a_record_entered_by_staff_is_in_the_copy_of_data_and_erased():
    user = person()
    entered = entered_by_staff("A.Nowak@Poczta.example.org", phone="600 100 200")
    BookingFactory(client=entered, topic="Zmiana zawodu")
    own = ClientFactory(user=user)
    SignupFactory(client=own)
    stranger = entered_by_staff("inna@example.org")

    data = export(user)

    assert [b["topic"] for b in data["bookings"]] == ["Zmiana zawodu"]
    assert len(data["workshop_signups"]) == 1
    (other,) = data["other_records"]
    assert other["phone"] == "600 100 200"
    assert other["email"] == "A.Nowak@Poczta.example.org"
    assert set(keys_of(data)) <= set(LABELS)

    erase(user)
    assert not Client.objects.filter(pk__in=[entered.pk, own.pk]).exists()
    assert not Booking.objects.filter(client_id=entered.pk).exists()
    assert Client.objects.filter(pk=stranger.pk).exists()


def test_only_a_record_entered_by_staff_is_exported_with_its_name():
    user = person()
    entered_by_staff("ANNA.NOWAK@example.org", phone="600 100 200")

    data = export(user)

    assert data["client"]["full_name"] == "Anna Nowak"
    assert data["client"]["phone"] == "600 100 200"
    assert set(keys_of(data)) <= set(LABELS)


# --- 2. too few participants only when there are too few ---------------------------


def test_too_few_participants_is_refused_when_the_minimum_is_reached(notified):
    workshop = WorkshopFactory(starts_at=START, capacity=3, min_participants=2)
    SignupFactory(workshop=workshop)
    SignupFactory(workshop=workshop, status=Status.OFFERED)
    SignupFactory(workshop=workshop, status=Status.RESERVE)
    manager = manager_user()

    with pytest.raises(BookingError, match="minimum to 2"):
        workshop_cancel(workshop=workshop, reason="too_few", actor=manager, now=NOW)

    workshop.signups.filter(status=Status.OFFERED).update(status=Status.LEFT)
    cancelled = workshop_cancel(
        workshop=workshop, reason="too_few", actor=manager, now=NOW
    )
    assert cancelled.cancel_reason == "too_few"


# --- 3. and 4. calendar files for the reserve list and offers ----------------------


def test_a_tentative_calendar_keeps_the_uid_and_sequence():
    place = signup(status=Status.RESERVE)
    data = appointment_calendar(place, tentative=True)
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "REQUEST"
    assert event["STATUS"] == "TENTATIVE"
    assert event["UID"] == f"{place.uid}@kompetencjedlapracy.pl"
    assert event["SEQUENCE"] == place.sequence


def status_of(message):
    calendar, mimetype = calendar_of(message)
    return calendar.walk("VEVENT")[0]["STATUS"], mimetype


def test_the_reserve_list_and_an_offer_get_a_tentative_event(sent):
    workshop = WorkshopFactory(starts_at=START, capacity=1)
    first = signup_create(workshop=workshop, client=ClientFactory(), now=NOW)
    (reserve_mail,) = sent(
        signup_create,
        workshop=workshop,
        client=ClientFactory(),
        now=NOW + timedelta(minutes=1),
    )
    assert status_of(reserve_mail) == ("TENTATIVE", "text/calendar; method=REQUEST")
    assert "nie jest potwierdzone miejsce" in reserve_mail.body

    left, offered = sent(signup_leave, signup=first, now=NOW + timedelta(hours=1))
    assert status_of(left) == ("CANCELLED", "text/calendar; method=CANCEL")
    assert status_of(offered) == ("TENTATIVE", "text/calendar; method=REQUEST")

    second = Signup.objects.get(workshop=workshop, status=Status.OFFERED)
    (confirmed,) = sent(offer_confirm, signup=second, now=NOW + timedelta(hours=2))
    calendar, _ = calendar_of(confirmed)
    event = calendar.walk("VEVENT")[0]
    assert event["STATUS"] == "CONFIRMED"
    assert event["SEQUENCE"] == 1


def test_an_expired_offer_removes_the_tentative_event(sent):
    workshop = WorkshopFactory(starts_at=START, capacity=1)
    offered = SignupFactory(
        workshop=workshop,
        status=Status.OFFERED,
        offer_expires_at=NOW - timedelta(minutes=1),
    )
    (message,) = sent(offers_expire, now=NOW)
    assert offered.pk
    assert status_of(message) == ("CANCELLED", "text/calendar; method=CANCEL")


def test_leaving_says_whether_a_place_was_held(notified):
    workshop = WorkshopFactory(starts_at=START, capacity=1)
    first = signup_create(workshop=workshop, client=ClientFactory(), now=NOW)
    waiting = signup_create(
        workshop=workshop, client=ClientFactory(), now=NOW + timedelta(minutes=1)
    )
    signup_leave(signup=waiting, now=NOW + timedelta(hours=1))
    signup_leave(signup=first, now=NOW + timedelta(hours=2))
    left = [call[3] for call in notified if call[2] == "left"]
    assert left == [
        {"had_place": False, "previous_status": Status.RESERVE},
        {"had_place": True, "previous_status": Status.PARTICIPANT},
    ]


def test_the_centre_cancelling_says_whether_a_place_was_held(notified):
    workshop = WorkshopFactory(starts_at=START, capacity=1)
    SignupFactory(workshop=workshop)
    SignupFactory(workshop=workshop, status=Status.RESERVE)
    workshop_cancel(
        workshop=workshop, reason="leader_ill", actor=manager_user(), now=NOW
    )
    held = [call[3]["had_place"] for call in notified if call[2] != "phone_list"]
    assert held == [True, False]


def test_a_sign_up_never_sent_a_calendar_gets_no_cancel(sent):
    place = signup(status=Status.LEFT)
    (message,) = sent(notifications.signup_notify, place, "left", had_place=False)
    assert not [a for a in message.attachments if a[0].endswith(".ics")]


# --- 6. a learner's account takes over the record staff entered ------------------


def test_the_account_takes_over_the_record_under_its_verified_address():
    user = UserFactory(email="jan.kowalski@example.org")
    entered = ClientFactory(
        user=None,
        first_name="Jan",
        last_name="Kowalski",
        email="JAN.kowalski@example.org",
    )
    assert client_for_user(user) == entered
    entered.refresh_from_db()
    assert entered.user == user and entered.last_name == "Kowalski"
    assert Client.objects.filter(user=user).count() == 1


def test_an_unverified_address_takes_over_nothing():
    user = UserFactory(email="jan.kowalski@example.org", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False)
    entered = entered_by_staff("jan.kowalski@example.org")
    client = client_for_user(user)
    assert client != entered
    entered.refresh_from_db()
    assert entered.user is None


# --- 7. the learner signing up is recorded as the actor ---------------------------


def test_a_workshop_sign_up_online_records_the_learner(client, learner, notified):
    workshop = WorkshopFactory(capacity=2)
    client.force_login(learner)
    client.post(
        reverse("counselling:workshop_signup", args=[workshop.pk]), {"interpreter": ""}
    )
    event = Event.objects.get(workshop=workshop, action=Event.Action.SIGNED_UP)
    assert event.actor == learner


# --- 8. complaints only about a service given -------------------------------------


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (Status.PARTICIPANT, True),
        (Status.RESERVE, False),
        (Status.OFFERED, False),
        (Status.OFFER_EXPIRED, False),
        (Status.LEFT, False),
        (Status.CANCELLED_BY_CENTRE, False),
    ],
)
def test_a_complaint_about_a_workshop_needs_a_place_held(status, allowed):
    place = SignupFactory(
        status=status, workshop=WorkshopFactory(starts_at=START, capacity=2)
    )
    after = place.workshop.ends_at + timedelta(days=2)
    assert permissions.can_file_complaint(place, after) is allowed
    assert not permissions.can_file_complaint(place, after + timedelta(days=10))


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (Booking.Status.BOOKED, True),
        (Booking.Status.CANCELLED, False),
        (Booking.Status.CANCELLED_BY_CENTRE, False),
    ],
)
def test_a_complaint_about_a_session_needs_it_to_have_taken_place(status, allowed):
    session = BookingFactory(
        status=status,
        slot=SlotFactory(starts_at=START, ends_at=START + timedelta(hours=1)),
    )
    assert permissions.can_file_complaint(session, START + timedelta(days=1)) is allowed
    assert not permissions.can_file_complaint(session, START - timedelta(days=1))


# --- 9. a link sent with the booking is not sent again ----------------------------


def test_a_link_in_the_booked_mail_counts_as_sent(sent):
    remote = booking(remote=True)
    link = meeting_link(remote)
    (booked,) = sent(notifications.booking_notify, remote, "booked")
    assert link.url in booked.body
    link.refresh_from_db()
    assert link.sent_at is not None

    again = sent(
        meeting_link_set,
        client=remote.client,
        counsellor=remote.slot.counsellor,
        url=link.url,
        actor=manager_user(),
    )
    assert again == []
    assert MeetingLink.objects.get(pk=link.pk).sent_at == link.sent_at


def test_a_booked_mail_without_a_link_marks_nothing(sent):
    remote = booking(remote=True)
    sent(notifications.booking_notify, remote, "booked")
    assert not MeetingLink.objects.exists()
