"""The review's fixes to the staff admin: a workshop with sign-ups keeps its place,
leader and held places; the centre moves a session; requests are dated sensibly;
listings of clients are audited; the centre's reason is stored in Polish."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from counselling.admin_forms import OnBehalfForm
from counselling.models import Booking, Event, Signup, Slot, Workshop
from portal.core.models import AuditEntry
from tests.admin_helpers import login_with_second_factor
from tests.factories.counselling import (
    BookingFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    in_days,
    manager_user,
)

pytestmark = pytest.mark.django_db


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def edit_data(workshop, **changes):
    data = {
        "service": workshop.service_id,
        "location": workshop.location_id,
        "room": workshop.room,
        "leader": workshop.leader_id,
        "starts_at": local(workshop.starts_at),
        "ends_at": local(workshop.ends_at),
        "capacity": workshop.capacity,
        "min_participants": workshop.min_participants,
    }
    return {**data, **changes}


@pytest.fixture
def manager(client):
    user = manager_user()
    login_with_second_factor(client, user)
    return user


def test_a_workshop_with_sign_ups_keeps_its_place_room_and_leader(client, manager):
    workshop = WorkshopFactory(room="12")
    SignupFactory(workshop=workshop)
    url = reverse("counselling_workshops:edit", args=[workshop.pk])

    form = client.get(url).context["form"]
    assert all(form.fields[name].disabled for name in ("location", "room", "leader"))
    response = client.post(
        url,
        edit_data(
            workshop,
            location=LocationFactory().pk,
            room="99",
            leader=CounsellorFactory().pk,
        ),
    )

    assert response.status_code == 302
    moved = Workshop.objects.get(pk=workshop.pk)
    assert (moved.location_id, moved.room, moved.leader_id) == (
        workshop.location_id,
        "12",
        workshop.leader_id,
    )


def test_a_workshop_without_sign_ups_can_change_its_place(client, manager):
    workshop = WorkshopFactory()
    other = LocationFactory()

    client.post(
        reverse("counselling_workshops:edit", args=[workshop.pk]),
        edit_data(workshop, location=other.pk),
    )

    assert Workshop.objects.get(pk=workshop.pk).location == other


def test_places_cannot_drop_below_those_taken_or_offered(client, manager):
    workshop = WorkshopFactory(capacity=3)
    SignupFactory(workshop=workshop)
    SignupFactory(workshop=workshop, status=Signup.Status.OFFERED)

    response = client.post(
        reverse("counselling_workshops:edit", args=[workshop.pk]),
        edit_data(workshop, capacity=1),
    )

    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    assert Workshop.objects.get(pk=workshop.pk).capacity == 3


def test_added_places_are_offered_to_the_reserve_list_in_order(client, manager):
    workshop = WorkshopFactory(capacity=1)
    SignupFactory(workshop=workshop)
    now = timezone.now()
    first, second, third = (
        SignupFactory(
            workshop=workshop,
            status=Signup.Status.RESERVE,
            requested_at=now - timedelta(hours=hours),
        )
        for hours in (3, 2, 1)
    )

    response = client.post(
        reverse("counselling_workshops:edit", args=[workshop.pk]),
        edit_data(workshop, capacity=3),
    )

    assert response.status_code == 302
    statuses = [
        Signup.objects.get(pk=signup.pk).status for signup in (first, second, third)
    ]
    assert statuses == [Signup.Status.OFFERED] * 2 + [Signup.Status.RESERVE]
    assert Event.objects.filter(action=Event.Action.OFFERED).count() == 2


def test_the_manager_moves_a_session_to_another_counsellors_time(client, manager):
    booking = BookingFactory(slot=SlotFactory(starts_at=in_days(5)))
    other_time = SlotFactory(starts_at=in_days(6))
    detail = reverse("counselling_sessions:detail", args=[booking.pk])
    url = reverse("counselling_sessions:move", args=[booking.pk])

    assert client.get(url).status_code == 405
    page = client.get(detail)
    assert other_time in page.context["move_form"].fields["slot"].queryset
    response = client.post(
        url,
        {"move-slot": other_time.pk, "move-reason": Workshop.CancelReason.LEADER_ILL},
    )

    assert response.status_code == 302 and response.url == detail
    booking.refresh_from_db()
    assert booking.slot == other_time and booking.status == Booking.Status.BOOKED
    assert Event.objects.filter(booking=booking, action=Event.Action.MOVED).exists()
    assert AuditEntry.objects.filter(
        actor=manager, action="change", object_id=str(booking.pk)
    ).exists()


def test_a_session_is_not_moved_on_its_day_and_the_reason_is_shown(client, manager):
    tonight = in_days(0, hour=23) + timedelta(minutes=59)
    booking = BookingFactory(slot=SlotFactory(starts_at=tonight))
    other_time = SlotFactory(starts_at=in_days(6))

    response = client.post(
        reverse("counselling_sessions:move", args=[booking.pk]),
        {"move-slot": other_time.pk, "move-reason": "leader_ill"},
        follow=True,
    )

    booking.refresh_from_db()
    assert booking.slot != other_time
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1  # the service's refusal, shown as it is


def test_a_counsellor_cannot_move_a_session_by_the_centres_screen(client):
    counsellor = CounsellorFactory()
    booking = BookingFactory(slot=SlotFactory(counsellor=counsellor))
    other_time = SlotFactory(counsellor=counsellor)
    login_with_second_factor(client, counsellor.user)

    client.post(
        reverse("counselling_sessions:move", args=[booking.pk]),
        {"move-slot": other_time.pk, "move-reason": "leader_ill"},
    )

    assert Booking.objects.get(pk=booking.pk).slot_id != other_time.pk


@pytest.mark.parametrize(
    ("offset", "valid"),
    [
        (timedelta(hours=-1), True),
        (timedelta(days=-29), True),
        (timedelta(hours=1), False),
        (timedelta(days=-31), False),
    ],
)
def test_a_request_entered_on_behalf_is_dated_within_the_last_30_days(offset, valid):
    slot = SlotFactory()
    form = OnBehalfForm(
        {
            "person": "new",
            "first_name": "Jan",
            "last_name": "Nowak",
            "phone": "600 100 200",
            "channel": "phone",
            "requested_at": local(timezone.now() + offset),
            "slot": slot.pk,
        },
        workshops=Workshop.objects.none(),
        slots=Slot.objects.all(),
    )

    assert form.is_valid() == valid, form.errors
    assert ("requested_at" in form.errors) != valid


def test_listings_of_clients_are_audited_once_per_page_view(client):
    counsellor = CounsellorFactory()
    BookingFactory(slot=SlotFactory(counsellor=counsellor))
    login_with_second_factor(client, counsellor.user)

    client.get(reverse("counselling_my_sessions:index"))

    entry = AuditEntry.objects.get(actor=counsellor.user)
    assert entry.action == "view"
    assert entry.description == reverse("counselling_my_sessions:index")
    client.logout()
    manager = manager_user()
    login_with_second_factor(client, manager)
    url = reverse("counselling_sessions:index") + "?status=booked"

    client.get(url)

    assert list(
        AuditEntry.objects.filter(actor=manager).values_list("action", "description")
    ) == [("view", url)]


def test_the_centres_reason_is_stored_in_polish_whatever_the_admin_language(
    client, manager
):
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    booking = BookingFactory()

    client.post(
        reverse("counselling_sessions:cancel", args=[booking.pk]),
        {"reason": Workshop.CancelReason.LEADER_ILL},
    )

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_CENTRE
    with translation.override("pl"):
        polish = str(Workshop.CancelReason.LEADER_ILL.label)
    assert booking.cancel_reason == polish != Workshop.CancelReason.LEADER_ILL.value
    assert "unwell" not in booking.cancel_reason
