"""Workshop places in the order of requests, the reserve list and freed places."""

from datetime import timedelta

import pytest
from wagtail.models import Site

from counselling.models import CounsellingSettings, Event, Signup, Workshop
from counselling.services.bookings import BookingError
from counselling.services.workshops import (
    offer_confirm,
    offer_decline,
    offers_expire,
    place_freed,
    reserve_position,
    signup_create,
    signup_leave,
    workshop_cancel,
    workshop_counts,
    workshop_move,
)
from tests.counselling.a_support import notified_fixture  # noqa: F401
from tests.factories.counselling import (
    ClientFactory,
    SignupFactory,
    WorkshopFactory,
    at,
    manager_user,
)

pytestmark = pytest.mark.django_db

NOW = at(2026, 6, 1, 9)
START = at(2026, 6, 17, 10)
Status = Signup.Status


@pytest.fixture
def workshop():
    return WorkshopFactory(starts_at=START, capacity=2)


def sign(workshop, minutes=0, **kwargs):
    kwargs.setdefault("now", NOW + timedelta(minutes=minutes))
    return signup_create(workshop=workshop, client=ClientFactory(), **kwargs)


def fresh(signup):
    signup.refresh_from_db()
    return signup


@pytest.fixture
def full(workshop):
    """Two participants, then two on the reserve list."""
    return [sign(workshop, minutes) for minutes in range(4)]


def test_places_go_in_order_then_the_reserve_list_with_positions(
    notified, workshop, full
):
    first, second, third, fourth = full
    assert [s.status for s in full] == [Status.PARTICIPANT] * 2 + [Status.RESERVE] * 2
    assert [reserve_position(s) for s in full] == [None, None, 1, 2]
    assert notified.events("signup_notify") == [
        "participant",
        "participant",
        "reserve",
        "reserve",
    ]
    assert Event.objects.get(signup=fourth).detail["position"] == 2
    assert workshop_counts(workshop) == {
        "participants": 2,
        "offered": 0,
        "reserve": 2,
        "free": 0,
    }


def test_a_request_by_phone_keeps_its_place_in_the_reserve_queue(workshop, full):
    manager = manager_user()
    phoned = sign(
        workshop,
        actor=manager,
        channel="phone",
        requested_at=NOW - timedelta(hours=1),
        now=NOW + timedelta(hours=5),
    )
    assert phoned.status == Status.RESERVE
    assert phoned.entered_by == manager
    assert reserve_position(phoned) == 1
    assert reserve_position(fresh(full[2])) == 2


def test_a_free_place_goes_to_nobody_new_while_someone_earlier_waits(workshop):
    SignupFactory(workshop=workshop, requested_at=NOW)
    SignupFactory(workshop=workshop, requested_at=NOW, status=Status.RESERVE)
    later = sign(workshop, 10)
    assert later.status == Status.RESERVE
    earlier = sign(workshop, 20, requested_at=NOW - timedelta(days=1))
    assert earlier.status == Status.PARTICIPANT


def test_one_live_sign_up_per_person(workshop):
    signup = sign(workshop)
    with pytest.raises(BookingError):
        signup_create(workshop=workshop, client=signup.client, now=NOW)
    signup_leave(signup=signup, now=NOW)
    again = signup_create(workshop=workshop, client=signup.client, now=NOW)
    assert again.status == Status.PARTICIPANT


def test_no_sign_up_for_a_cancelled_or_started_workshop(workshop):
    with pytest.raises(BookingError):
        sign(workshop, now=START)
    workshop.status = Workshop.Status.CANCELLED
    workshop.save()
    with pytest.raises(BookingError):
        sign(workshop)


def test_a_freed_place_is_offered_to_the_first_on_the_reserve_list(full, notified):
    first, second, third, fourth = full
    left_at = NOW + timedelta(days=1)
    signup_leave(signup=first, now=left_at)
    assert fresh(first).status == Status.LEFT
    assert fresh(third).status == Status.OFFERED
    assert third.offer_expires_at == left_at + timedelta(hours=24)
    assert fresh(fourth).status == Status.RESERVE
    assert reserve_position(fourth) == 1
    assert notified.of(third)[-1] == "offered"
    assert list(
        Event.objects.filter(signup__in=[first, third])
        .order_by("pk")
        .values_list("action", flat=True)
    )[-2:] == [Event.Action.LEFT, Event.Action.OFFERED]


def test_the_manager_sets_the_time_to_confirm(full):
    settings = CounsellingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.offer_hours = 48
    settings.save()
    signup_leave(signup=full[0], now=NOW)
    assert fresh(full[2]).offer_expires_at == NOW + timedelta(hours=48)


def test_the_offer_is_confirmed_in_time(full, notified):
    signup_leave(signup=full[0], now=NOW)
    confirmed = offer_confirm(signup=full[2], now=NOW + timedelta(hours=23))
    assert confirmed.status == Status.PARTICIPANT
    assert notified.of(confirmed)[-1] == "confirmed"
    with pytest.raises(BookingError):
        offer_confirm(signup=full[2], now=NOW)


def test_an_expired_offer_passes_to_the_next_and_cannot_be_confirmed(full, notified):
    first, second, third, fourth = full
    signup_leave(signup=first, now=NOW)
    later = NOW + timedelta(hours=24)
    with pytest.raises(BookingError):
        offer_confirm(signup=third, now=later)
    assert offers_expire(now=later) == 1
    assert offers_expire(now=later) == 0
    assert fresh(third).status == Status.OFFER_EXPIRED
    assert fresh(fourth).status == Status.OFFERED
    assert fourth.offer_expires_at == later + timedelta(hours=24)
    assert notified.of(third)[-1] == "offer_expired"
    assert notified.of(fourth)[-1] == "offered"


def test_a_declined_offer_passes_to_the_next(full):
    first, second, third, fourth = full
    signup_leave(signup=first, now=NOW)
    offer_decline(signup=third, now=NOW)
    assert fresh(third).status == Status.LEFT
    assert fresh(fourth).status == Status.OFFERED
    assert Event.objects.filter(signup=third, action=Event.Action.DECLINED).exists()


def test_leaving_the_reserve_list_frees_no_place(full, notified):
    signup_leave(signup=full[2], now=NOW)
    assert fresh(full[3]).status == Status.RESERVE
    assert notified.events("signup_notify")[-1] == "left"


def test_leaving_ends_with_the_day_before(full):
    with pytest.raises(BookingError):
        signup_leave(signup=full[0], now=at(2026, 6, 17, 0, 0))
    signup_leave(signup=full[0], now=at(2026, 6, 16, 23, 59))


def test_too_close_for_offers_the_manager_gets_the_list_each_time(full, notified):
    first, second, third, fourth = full
    close = START - timedelta(hours=40)  # less than one day plus 24 hours
    signup_leave(signup=first, now=close)
    assert fresh(third).status == Status.RESERVE
    name, workshop, event, extra = notified[-1]
    assert name == "phone_list_notify"
    assert extra["signups"] == [third, fourth]
    workshop.refresh_from_db()
    assert workshop.phone_list_sent_at == close
    signup_leave(signup=second, now=close + timedelta(hours=1))
    assert notified.events("phone_list_notify") == ["phone_list"] * 2
    assert Event.objects.filter(action=Event.Action.PHONE_LIST).count() == 2
    workshop.refresh_from_db()
    assert workshop.phone_list_sent_at == close + timedelta(hours=1)


def test_nobody_is_promoted_after_the_start(notified, full):
    first, second, third, fourth = full
    signup_leave(signup=first, now=START - timedelta(days=3))
    assert fresh(third).status == Status.OFFERED
    third.offer_expires_at = START - timedelta(minutes=5)
    third.save()
    assert offers_expire(now=START + timedelta(minutes=1)) == 1
    assert fresh(fourth).status == Status.RESERVE
    place_freed(third.workshop, now=START + timedelta(minutes=2))
    assert fresh(fourth).status == Status.RESERVE
    assert notified.of(fourth) == ["reserve"]


def test_the_centre_cancels_only_for_an_allowed_reason_and_tells_everyone(
    workshop, full, notified
):
    manager = manager_user()
    with pytest.raises(BookingError):
        workshop_cancel(workshop=workshop, reason="other", actor=manager, now=NOW)
    with pytest.raises(BookingError):
        workshop_cancel(
            workshop=workshop, reason="too_few", actor=manager, now=at(2026, 6, 17, 7)
        )
    cancelled = workshop_cancel(
        workshop=workshop, reason="leader_ill", actor=manager, now=NOW
    )
    assert cancelled.status == Workshop.Status.CANCELLED
    assert cancelled.cancel_reason == "leader_ill"
    for signup in full:
        assert fresh(signup).status == Status.CANCELLED_BY_CENTRE
        assert signup.sequence == 1
        assert notified.of(signup)[-1] == "cancelled_by_centre"
    assert Event.objects.filter(
        workshop=workshop, signup=None, action=Event.Action.CANCELLED_BY_CENTRE
    ).exists()
    with pytest.raises(BookingError):
        workshop_cancel(workshop=workshop, reason="too_few", actor=manager, now=NOW)


def test_the_centre_moves_a_workshop_and_old_reminders_are_dropped(
    workshop, full, notified
):
    full[0].reminded_for = START
    full[0].save()
    new_start = START + timedelta(days=2)
    with pytest.raises(BookingError):
        workshop_move(
            workshop=workshop,
            starts_at=new_start,
            ends_at=new_start + timedelta(hours=3),
            reason="",
            actor=manager_user(),
            now=NOW,
        )
    moved = workshop_move(
        workshop=workshop,
        starts_at=new_start,
        ends_at=new_start + timedelta(hours=3),
        reason="leader_ill",
        actor=manager_user(),
        now=NOW,
    )
    assert moved.starts_at == new_start
    assert moved.sequence == 1
    assert fresh(full[0]).reminded_for is None
    assert full[0].sequence == 1
    assert notified.events("signup_notify")[-4:] == ["workshop_moved"] * 4
    event = Event.objects.get(workshop=workshop, action=Event.Action.WORKSHOP_MOVED)
    assert event.detail["previous_starts_at"] == START.isoformat()
