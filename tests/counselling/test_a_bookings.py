"""Individual and remote bookings, their changes, attendance, free times, clients."""

from datetime import date, time, timedelta

import pytest

from counselling.models import Booking, Event, Interpreter, Signup
from counselling.services import bookings as services
from counselling.services.bookings import BookingError, SlotTaken
from counselling.services.slots import slot_withdraw, slots_create
from tests.counselling.a_support import notified_fixture  # noqa: F401
from tests.factories.counselling import (
    ClientFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    at,
    manager_user,
)

pytestmark = pytest.mark.django_db

NOW = at(2026, 6, 1, 9)  # Monday


@pytest.fixture
def counsellor():
    return CounsellorFactory()


@pytest.fixture
def slot(counsellor):
    return SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 10, 10))


@pytest.fixture
def client_record():
    return ClientFactory()


def actions(**lookup):
    return list(Event.objects.filter(**lookup).values_list("action", flat=True))


def test_booking_a_free_time_assigns_the_counsellor_and_logs(
    client_record, slot, notified
):
    booking = services.booking_create(client=client_record, slot=slot, now=NOW)

    client_record.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED
    assert booking.requested_at == NOW
    assert booking.entered_by is None
    assert client_record.counsellor == slot.counsellor
    assert actions(booking=booking) == [Event.Action.BOOKED]
    assert notified.of(booking) == ["booked"]


def test_staff_entry_keeps_the_channel_and_the_time_of_the_request(client_record, slot):
    manager = manager_user()
    booking = services.booking_create(
        client=client_record,
        slot=slot,
        actor=manager,
        channel="phone",
        requested_at=NOW - timedelta(hours=3),
        now=NOW,
    )
    assert booking.channel == "phone"
    assert booking.entered_by == manager
    assert booking.requested_at == NOW - timedelta(hours=3)
    assert Event.objects.get(booking=booking).actor == manager


def test_a_booked_time_cannot_be_booked_again(client_record, slot):
    services.booking_create(client=client_record, slot=slot, now=NOW)
    with pytest.raises(SlotTaken):
        services.booking_create(client=ClientFactory(), slot=slot, now=NOW)


def test_the_unique_index_is_the_last_guard(client_record, slot, monkeypatch):
    services.booking_create(client=client_record, slot=slot, now=NOW)
    monkeypatch.setattr(services, "_slot_usable", lambda slot, now: None)
    with pytest.raises(SlotTaken):
        services.booking_create(client=ClientFactory(), slot=slot, now=NOW)
    assert Booking.objects.filter(slot=slot).count() == 1


def test_withdrawn_and_past_times_are_refused(client_record, counsellor):
    withdrawn = SlotFactory(counsellor=counsellor, withdrawn=True)
    past = SlotFactory(counsellor=counsellor, starts_at=NOW - timedelta(hours=1))
    for slot in (withdrawn, past):
        with pytest.raises(BookingError):
            services.booking_create(client=client_record, slot=slot, now=NOW)


def test_remote_time_needs_a_phone_and_the_accepted_rules(client_record, counsellor):
    remote = SlotFactory(counsellor=counsellor, location=None)
    with pytest.raises(BookingError):
        services.booking_create(
            client=client_record, slot=remote, phone="600100200", now=NOW
        )
    with pytest.raises(BookingError):
        services.booking_create(
            client=client_record, slot=remote, remote_rules_accepted=True, now=NOW
        )
    booking = services.booking_create(
        client=client_record,
        slot=remote,
        phone=" 600100200 ",
        remote_rules_accepted=True,
        now=NOW,
    )
    assert booking.phone == "600100200"
    assert booking.remote_rules_accepted_at == NOW


def test_a_client_works_with_one_counsellor(client_record, slot):
    services.booking_create(client=client_record, slot=slot, now=NOW)
    other = SlotFactory(starts_at=at(2026, 6, 11, 10))
    with pytest.raises(BookingError):
        services.booking_create(client=client_record, slot=other, now=NOW)


def test_a_client_of_a_counsellor_who_left_may_book_another(client_record, slot):
    client_record.counsellor = CounsellorFactory(is_active=False)
    client_record.save()
    services.booking_create(client=client_record, slot=slot, now=NOW)
    client_record.refresh_from_db()
    assert client_record.counsellor == slot.counsellor


def test_interpreter_is_refused_less_than_three_working_days_before(
    client_record, counsellor
):
    visit = SlotFactory(counsellor=counsellor, starts_at=at(2026, 12, 28, 10))
    with pytest.raises(BookingError) as refused:
        services.booking_create(
            client=client_record,
            slot=visit,
            interpreter=Interpreter.PJM,
            now=at(2026, 12, 21, 9),
        )
    assert "20" in refused.value.message and "2026" in refused.value.message
    booking = services.booking_create(
        client=client_record,
        slot=visit,
        interpreter=Interpreter.PJM,
        now=at(2026, 12, 20, 20),
    )
    assert booking.interpreter == Interpreter.PJM


def test_at_most_two_live_future_bookings(client_record, counsellor):
    times = [SlotFactory(counsellor=counsellor) for _ in range(3)]
    services.booking_create(client=client_record, slot=times[0], now=NOW)
    services.booking_create(client=client_record, slot=times[1], now=NOW)
    with pytest.raises(BookingError):
        services.booking_create(client=client_record, slot=times[2], now=NOW)


@pytest.fixture
def booking(client_record, slot):
    return services.booking_create(client=client_record, slot=slot, now=NOW)


def test_client_moves_until_the_end_of_the_day_before(booking, counsellor, notified):
    old = booking.slot
    new = SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 12, 10))
    moved = services.booking_move(booking=booking, slot=new, now=at(2026, 6, 9, 23, 59))
    assert moved.slot == new
    assert moved.sequence == 1
    assert moved.reminded_for is None
    event = Event.objects.get(booking=booking, action=Event.Action.MOVED)
    assert event.detail["previous_starts_at"] == "2026-06-10T10:00:00+02:00"
    assert notified[-1][2] == "moved"
    assert notified[-1][3]["previous_slot"] == old


def test_too_late_to_move_says_how_to_reach_the_centre(booking, counsellor):
    new = SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 12, 10))
    with pytest.raises(BookingError) as refused:
        services.booking_move(booking=booking, slot=new, now=at(2026, 6, 10, 0, 1))
    assert counsellor.phone in refused.value.message


def test_moving_to_another_counsellor_only_by_the_manager(booking):
    elsewhere = SlotFactory(starts_at=at(2026, 6, 12, 10))
    with pytest.raises(BookingError):
        services.booking_move(booking=booking, slot=elsewhere, now=NOW)
    moved = services.booking_move(
        booking=booking, slot=elsewhere, actor=manager_user(), now=NOW
    )
    assert moved.slot == elsewhere


def test_moving_to_a_taken_time_is_refused(booking, counsellor):
    taken = SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 12, 10))
    services.booking_create(client=ClientFactory(), slot=taken, now=NOW)
    with pytest.raises(SlotTaken):
        services.booking_move(booking=booking, slot=taken, now=NOW)


def test_client_cancels_until_the_day_before_and_the_time_is_free_again(
    booking, notified
):
    with pytest.raises(BookingError):
        services.booking_cancel(booking=booking, now=at(2026, 6, 10, 8))
    cancelled = services.booking_cancel(booking=booking, now=at(2026, 6, 9, 22))
    assert cancelled.status == Booking.Status.CANCELLED
    assert cancelled.sequence == 1
    assert cancelled.cancelled_at == at(2026, 6, 9, 22)
    assert notified.of(cancelled)[-1] == "cancelled"
    with pytest.raises(BookingError):
        services.booking_cancel(booking=booking, now=NOW)
    again = services.booking_create(client=ClientFactory(), slot=booking.slot, now=NOW)
    assert again.is_live


def test_centre_cancels_with_a_reason_and_offers_new_times(
    booking, counsellor, notified
):
    manager = manager_user()
    same_kind = [
        SlotFactory(counsellor=counsellor, starts_at=at(2026, 6, 15 + day, 10))
        for day in range(6)
    ]
    SlotFactory(counsellor=counsellor, location=None)  # remote: another kind
    with pytest.raises(BookingError):
        services.booking_cancel_by_centre(
            booking=booking, reason=" ", actor=manager, now=NOW
        )
    cancelled = services.booking_cancel_by_centre(
        booking=booking, reason="Choroba doradcy", actor=manager, now=NOW
    )
    assert cancelled.status == Booking.Status.CANCELLED_BY_CENTRE
    assert cancelled.cancel_reason == "Choroba doradcy"
    name, obj, event, extra = notified[-1]
    assert event == "cancelled_by_centre"
    assert extra["new_times"] == same_kind[:5]


def test_centre_cannot_cancel_on_the_day(booking):
    with pytest.raises(BookingError):
        services.booking_cancel_by_centre(
            booking=booking, reason="x", actor=manager_user(), now=at(2026, 6, 10, 7)
        )


def test_attendance_only_once_the_service_has_started(booking, counsellor):
    with pytest.raises(BookingError):
        services.attendance_mark(
            appointment=booking, value="present", actor=counsellor.user, now=NOW
        )
    marked = services.attendance_mark(
        appointment=booking,
        value="absent",
        actor=counsellor.user,
        now=at(2026, 6, 10, 10, 5),
    )
    assert marked.attendance == "absent"
    assert actions(booking=booking)[-1] == Event.Action.ATTENDANCE


def test_attendance_of_a_workshop_participant():
    workshop = WorkshopFactory(starts_at=at(2026, 6, 10, 10))
    signup = SignupFactory(workshop=workshop, requested_at=NOW)
    reserve = SignupFactory(
        workshop=workshop, requested_at=NOW, status=Signup.Status.RESERVE
    )
    after = at(2026, 6, 10, 12)
    marked = services.attendance_mark(
        appointment=signup, value="excused", actor=workshop.leader.user, now=after
    )
    assert marked.attendance == "excused"
    assert Event.objects.get(signup=signup).action == Event.Action.ATTENDANCE
    with pytest.raises(BookingError):
        services.attendance_mark(
            appointment=reserve, value="present", actor=None, now=after
        )


def test_a_series_of_times_skips_holidays_and_existing_starts(counsellor):
    place = LocationFactory()
    kwargs = dict(
        counsellor=counsellor,
        location=place,
        first_day=date(2026, 12, 21),
        last_day=date(2026, 12, 31),
        weekdays=[0, 1, 2, 3, 4],
        times=[time(9), time(11)],
        minutes=60,
        now=at(2026, 12, 1),
    )
    # 21, 22, 23, 28, 29, 30, 31 December: 24 and 25 are holidays
    assert slots_create(**kwargs) == 14
    assert slots_create(**kwargs) == 0
    first = counsellor.slots.order_by("starts_at").first()
    assert first.starts_at == at(2026, 12, 21, 9)
    assert first.ends_at == at(2026, 12, 21, 10)


def test_a_booked_time_cannot_be_withdrawn(booking, counsellor):
    with pytest.raises(BookingError):
        slot_withdraw(slot=booking.slot, actor=counsellor.user)
    free = SlotFactory(counsellor=counsellor)
    assert slot_withdraw(slot=free, actor=counsellor.user).withdrawn
