"""Every counselling e-mail renders, names the leader, and carries its calendar."""

from datetime import timedelta

import pytest
from django.utils import timezone

from counselling import notifications
from counselling.models import ChangeRequest, Complaint, Signup, Workshop
from counselling.rules import WARSAW
from tests.counselling.a2_support import (
    booking,
    calendar_of,
    client_without_email,
    leader,
    meeting_link,
    sent_fixture,  # noqa: F401
    signup,
)
from tests.factories.counselling import (
    ClientFactory,
    SignupFactory,
    SlotFactory,
    manager_user,
)

pytestmark = pytest.mark.django_db

BOOKING_EVENTS = sorted(notifications.BOOKING_EVENTS)
SIGNUP_EVENTS = sorted(notifications.SIGNUP_EVENTS)


def polish_time(moment):
    local = moment.astimezone(WARSAW)
    return f"{local:%H:%M}"


def assert_names_leader_time_and_page(message, appointment):
    body = message.body
    assert "Ewa Doradczyni" in body and "12 345 67 89" in body
    assert message.to == [appointment.client.contact_email]
    assert polish_time(appointment.starts_at) in body
    assert " r., " in body  # "12 czerwca 2026 r., 10:00"


@pytest.mark.parametrize("event", BOOKING_EVENTS)
def test_each_booking_message_renders_in_polish(sent, event):
    appointment = booking()

    (message,) = sent(notifications.booking_notify, appointment, event)

    assert message.subject.strip() and "{" not in message.body
    assert_names_leader_time_and_page(message, appointment)
    assert "Dzień dobry" in message.body
    assert "tel. 12 000 00 00" in message.body  # the location's phone


def test_booked_carries_a_calendar_request_and_the_change_link(sent):
    appointment = booking()

    (message,) = sent(notifications.booking_notify, appointment, "booked")

    calendar, mimetype = calendar_of(message)
    assert mimetype == "text/calendar; method=REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    assert f"/{appointment.token}/" in message.body
    assert "do końca dnia" in message.body
    assert "CPZ Kraków" in message.body


def test_a_remote_booking_states_the_rules_the_recording_ban_and_the_link(sent):
    appointment = booking(remote=True)
    meeting_link(appointment)

    (message,) = sent(notifications.booking_notify, appointment, "booked")

    assert "Spotkanie zdalne" in message.body
    assert "zabronione" in message.body
    assert "https://spotkania.example.org/abc" in message.body


def test_a_remote_booking_without_a_link_yet_says_it_will_come(sent):
    (message,) = sent(notifications.booking_notify, booking(remote=True), "booked")

    assert "w osobnej wiadomości e-mail" in message.body


def test_moved_shows_the_previous_time(sent):
    appointment = booking()
    previous = SlotFactory(
        counsellor=appointment.slot.counsellor,
        starts_at=appointment.slot.starts_at - timedelta(days=1, hours=2),
        ends_at=appointment.slot.starts_at - timedelta(days=1, hours=1),
    )
    appointment.sequence = 1

    (message,) = sent(
        notifications.booking_notify, appointment, "moved", previous_slot=previous
    )

    assert "Poprzedni termin: " in message.body
    assert polish_time(previous.starts_at) in message.body
    calendar, _ = calendar_of(message)
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == 1


@pytest.mark.parametrize("event", ["cancelled", "cancelled_by_centre"])
def test_a_cancellation_carries_a_calendar_cancel(sent, event):
    (message,) = sent(notifications.booking_notify, booking(), event)

    calendar, mimetype = calendar_of(message)
    assert mimetype == "text/calendar; method=CANCEL"
    assert calendar["METHOD"] == "CANCEL"


def test_the_centre_cancelling_gives_the_reason_and_new_times_to_book(sent):
    appointment = booking()
    appointment.cancel_reason = "Nagła choroba osoby prowadzącej."
    other = SlotFactory(
        counsellor=appointment.slot.counsellor,
        starts_at=appointment.slot.starts_at + timedelta(days=2),
        ends_at=appointment.slot.ends_at + timedelta(days=2),
    )

    (message,) = sent(
        notifications.booking_notify,
        appointment,
        "cancelled_by_centre",
        new_times=[other],
    )

    assert "Nagła choroba osoby prowadzącej." in message.body
    assert f"/termin/{other.pk}/" in message.body


def test_link_sent_says_the_link_is_reused(sent):
    appointment = booking(remote=True)
    meeting_link(appointment, url="https://spotkania.example.org/staly")

    (message,) = sent(notifications.booking_notify, appointment, "link_sent")

    assert "https://spotkania.example.org/staly" in message.body
    assert "ten sam na każde kolejne spotkanie" in message.body
    assert not message.attachments


def test_a_person_without_an_e_mail_address_gets_nothing_and_no_error(sent):
    appointment = booking(client=client_without_email())
    place = signup(client=client_without_email())

    assert sent(notifications.booking_notify, appointment, "booked") == []
    assert sent(notifications.signup_notify, place, "participant") == []


@pytest.mark.parametrize("event", SIGNUP_EVENTS)
def test_each_signup_message_renders_in_polish(sent, event):
    place = signup()
    place.offer_expires_at = timezone.now() + timedelta(hours=24)

    (message,) = sent(notifications.signup_notify, place, event)

    assert message.subject.strip() and "{" not in message.body
    assert_names_leader_time_and_page(message, place)
    assert "sala 12" in message.body


def test_a_reserve_message_gives_the_position(sent):
    first = signup(status=Signup.Status.RESERVE)
    second = SignupFactory(
        workshop=first.workshop,
        status=Signup.Status.RESERVE,
        requested_at=first.requested_at + timedelta(minutes=1),
    )

    (message,) = sent(notifications.signup_notify, second, "reserve")
    (given,) = sent(notifications.signup_notify, first, "reserve", position=7)

    assert "na pozycji 2" in message.body
    assert "na pozycji 7" in given.body
    calendar, mimetype = calendar_of(message)
    assert mimetype == "text/calendar; method=REQUEST"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "TENTATIVE"


def test_an_offer_gives_the_deadline_and_the_page_to_confirm(sent):
    place = signup(status=Signup.Status.OFFERED)
    place.offer_expires_at = place.workshop.starts_at - timedelta(days=3)

    (message,) = sent(notifications.signup_notify, place, "offered")

    assert f"godz. {polish_time(place.offer_expires_at)}" in message.body
    assert f"/{place.token}/" in message.body
    calendar, mimetype = calendar_of(message)
    assert mimetype == "text/calendar; method=REQUEST"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "TENTATIVE"


def test_confirmed_adds_and_leaving_removes_the_calendar_event(sent):
    place = signup()

    (confirmed,) = sent(notifications.signup_notify, place, "confirmed")
    (left,) = sent(notifications.signup_notify, place, "left")
    (left_reserve,) = sent(notifications.signup_notify, place, "left", had_place=False)

    assert calendar_of(confirmed)[1] == "text/calendar; method=REQUEST"
    assert calendar_of(left)[1] == "text/calendar; method=CANCEL"
    assert not left_reserve.attachments


def test_the_centre_cancelling_a_workshop_gives_the_allowed_reason(sent):
    place = signup()
    place.workshop.cancel_reason = Workshop.CancelReason.TOO_FEW

    (message,) = sent(notifications.signup_notify, place, "cancelled_by_centre")

    assert str(Workshop.CancelReason.TOO_FEW.label) in message.body
    assert calendar_of(message)[1] == "text/calendar; method=CANCEL"


def test_a_moved_workshop_updates_the_calendar_tentative_for_the_reserve(sent):
    place = signup()
    waiting = SignupFactory(workshop=place.workshop, status=Signup.Status.RESERVE)
    previous = place.workshop.starts_at - timedelta(days=2)

    (moved,) = sent(
        notifications.signup_notify,
        place,
        "workshop_moved",
        previous_starts_at=previous,
    )
    (told,) = sent(notifications.signup_notify, waiting, "workshop_moved")

    assert "Poprzedni termin" in moved.body
    assert calendar_of(moved)[1] == "text/calendar; method=REQUEST"
    assert calendar_of(moved)[0].walk("VEVENT")[0]["STATUS"] == "CONFIRMED"
    assert calendar_of(told)[0].walk("VEVENT")[0]["STATUS"] == "TENTATIVE"


def test_the_centres_own_changes_reach_a_person_whose_processing_is_restricted(
    sent,
):
    place = signup()
    place.client.user.processing_restricted = True
    place.client.user.save()

    assert sent(notifications.signup_notify, place, "reminder") == []
    assert len(sent(notifications.signup_notify, place, "cancelled_by_centre")) == 1


def test_the_phone_list_goes_to_every_manager_in_order(sent):
    managers = [manager_user(), manager_user()]
    manager_user(is_active=False)
    first = signup(status=Signup.Status.RESERVE)
    first.client.phone = "600 100 200"
    second = SignupFactory(
        workshop=first.workshop,
        status=Signup.Status.RESERVE,
        client=ClientFactory(
            user=None, first_name="Ola", last_name="Rezerwa", phone="600 300 400"
        ),
    )

    messages = sent(notifications.phone_list_notify, first.workshop, [first, second])

    assert sorted(m.to[0] for m in messages) == sorted(m.email for m in managers)
    body = messages[0].body
    assert body.index("1. ") < body.index("600 100 200") < body.index("2. Ola")
    assert "600 300 400" in body


def test_a_change_request_goes_to_managers_and_the_decision_to_the_client(sent):
    manager = manager_user()
    client = ClientFactory(counsellor=leader())
    request = ChangeRequest.objects.create(
        client=client, current=client.counsellor, reason="Inne godziny pracy."
    )

    (filed,) = sent(notifications.change_request_notify, request, "filed")
    request.status = ChangeRequest.Status.APPROVED
    request.new_counsellor = leader()
    (decided,) = sent(notifications.change_request_notify, request, "decided")

    assert filed.to == [manager.email] and "Inne godziny pracy." in filed.body
    assert decided.to == [client.contact_email]
    assert "została przyjęta" in decided.body and "12 345 67 89" in decided.body


def complaint(**kwargs):
    place = signup()
    today = timezone.localdate()
    return Complaint.objects.create(
        client=place.client,
        signup=place,
        full_name="Anna Klientka",
        address="ul. Długa 1, Kraków",
        service_name="Rozmowa kwalifikacyjna",
        service_date=today - timedelta(days=2),
        service_place="CPZ Tarnów",
        justification="Warsztat skrócono o godzinę.",
        received_on=today,
        due_on=today + timedelta(days=14),
        **kwargs,
    )


def test_a_complaint_gets_a_receipt_and_the_managers_are_told(sent):
    manager = manager_user()
    filed = complaint(is_late=True)

    messages = sent(notifications.complaint_notify, filed, "filed")

    to_client, to_manager = messages
    assert to_client.to == [filed.client.contact_email]
    assert "„Rozmowa kwalifikacyjna”" in to_client.body
    assert "bez rozpatrzenia" in to_client.body
    assert to_manager.to == [manager.email]


def test_an_extension_and_a_decision_reach_the_client(sent):
    filed = complaint(email="inny@example.org")
    filed.extension_reason = "Potrzebne wyjaśnienia osoby prowadzącej."
    filed.due_on += timedelta(days=14)

    (extended,) = sent(notifications.complaint_notify, filed, "extended")
    filed.status = Complaint.Status.UPHELD
    filed.decision = "Zastrzeżenie jest zasadne."
    filed.corrective_action = "Dodatkowe spotkanie indywidualne."
    (decided,) = sent(notifications.complaint_notify, filed, "decided")

    assert extended.to == ["inny@example.org"]
    assert "Potrzebne wyjaśnienia osoby prowadzącej." in extended.body
    assert "Dodatkowe spotkanie indywidualne." in decided.body
