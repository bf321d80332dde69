"""The staff side in the admin: each counsellor sees only their own, the manager
everything, the Redaktor only the locations, everyone else nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import Booking, Event, Note, Signup, Slot, Workshop
from portal.accounts.roles import EDITOR
from portal.core.models import AuditEntry
from tests.admin_helpers import admin_menu_names, login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    LocationFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    in_days,
    manager_user,
)

pytestmark = pytest.mark.django_db


def an_hour_ago() -> str:
    """Requests entered on a client's behalf came in within the last 30 days."""
    moment = timezone.localtime(timezone.now() - timedelta(hours=1))
    return moment.strftime("%Y-%m-%dT%H:%M")


def refused(response) -> bool:
    """The admin turns PermissionDenied into a redirect to its home page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


@pytest.fixture
def two_counsellors():
    return CounsellorFactory(), CounsellorFactory(user__first_name="Adam")


def test_a_counsellor_sees_only_their_own(client, two_counsellors):
    mine, other = two_counsellors
    my_booking = BookingFactory(slot=SlotFactory(counsellor=mine))
    other_booking = BookingFactory(slot=SlotFactory(counsellor=other))
    SlotFactory(counsellor=other)
    Note.objects.create(client=other_booking.client, counsellor=other, text="tajne")
    other_workshop = WorkshopFactory(leader=other)
    login_with_second_factor(client, mine.user)

    response = client.get(reverse("counselling_my_sessions:index"))
    assert response.status_code == 200
    assert my_booking.client.name in response.content.decode()
    assert other_booking.client.name not in response.content.decode()

    slots = client.get(reverse("counselling_slots:index")).context["page"]
    assert {slot.counsellor_id for slot in slots} == {mine.pk}

    for url in (
        reverse("counselling_my_sessions:client", args=[other_booking.client.pk]),
        reverse("counselling_workshops:detail", args=[other_workshop.pk]),
    ):
        assert client.get(url).status_code == 404
    other_slot = Slot.objects.filter(counsellor=other).first()
    response = client.post(reverse("counselling_slots:withdraw", args=[other_slot.pk]))
    assert response.status_code == 404
    response = client.post(
        reverse("counselling_my_sessions:client_note", args=[other_booking.client.pk]),
        {"text": "x"},
    )
    assert response.status_code == 404
    for name in ("counselling_sessions:index", "counselling_onbehalf:index"):
        assert refused(client.get(reverse(name)))
    assert refused(client.get(reverse("counselling_workshops:index")))


def test_a_counsellor_reads_only_their_own_notes_and_the_visit_is_audited(
    client, two_counsellors
):
    mine, other = two_counsellors
    booking = BookingFactory(slot=SlotFactory(counsellor=mine))
    Note.objects.create(client=booking.client, counsellor=other, text="notatka B")
    login_with_second_factor(client, mine.user)
    url = reverse("counselling_my_sessions:client", args=[booking.client.pk])

    client.post(
        reverse("counselling_my_sessions:client_note", args=[booking.client.pk]),
        {"text": "notatka A"},
    )
    page = client.get(url).content.decode()

    assert "notatka A" in page and "notatka B" not in page
    assert AuditEntry.objects.filter(
        actor=mine.user, action="view", object_id=str(booking.client.pk)
    ).exists()


def test_the_manager_sees_everything(client, two_counsellors):
    mine, other = two_counsellors
    booking = BookingFactory(slot=SlotFactory(counsellor=other))
    Note.objects.create(client=booking.client, counsellor=other, text="notatka B")
    workshop = WorkshopFactory(leader=other)
    SignupFactory(workshop=workshop)
    login_with_second_factor(client, manager_user())

    for url in (
        reverse("counselling_sessions:index"),
        reverse("counselling_sessions:detail", args=[booking.pk]),
        reverse("counselling_changes:index"),
        reverse("counselling_onbehalf:index") + "?q=ab",
        reverse("counselling_workshops:index"),
        reverse("counselling_workshops:add"),
        reverse("counselling_workshops:detail", args=[workshop.pk]),
        reverse("counselling_locations:index"),
        reverse("counselling_counsellors:index"),
        "/admin/",
    ):
        assert client.get(url).status_code == 200, url
    page = client.get(
        reverse("counselling_my_sessions:client", args=[booking.client.pk])
    )
    assert "notatka B" in page.content.decode()
    # A manager has no counsellor profile: no "Moje terminy".
    assert refused(client.get(reverse("counselling_slots:index")))


def test_menus_by_role(client):
    counsellor = CounsellorFactory()
    login_with_second_factor(client, counsellor.user)
    names = admin_menu_names(client)
    assert {"counselling", "counselling_slots", "counselling_my_sessions"} <= names
    assert "counselling_sessions" not in names
    assert "counselling_workshops" not in names
    client.logout()

    login_with_second_factor(client, manager_user())
    names = admin_menu_names(client)
    assert {
        "counselling_workshops",
        "counselling_sessions",
        "counselling_onbehalf",
        "counselling_changes",
        "counselling_locations",
        "counselling_counsellors",
        "counselling_complaints_menu",
        "counselling_statistics_menu",
    } <= names
    assert "counselling_slots" not in names


def test_the_editor_sees_only_the_locations(client):
    editor = StaffFactory(role=EDITOR)
    login_with_second_factor(client, editor)

    assert client.get(reverse("counselling_locations:index")).status_code == 200
    names = admin_menu_names(client)
    assert "counselling_locations" in names
    assert not names & {
        "counselling_sessions",
        "counselling_slots",
        "counselling_workshops",
    }
    for name in ("counselling_sessions:index", "counselling_my_sessions:index"):
        assert refused(client.get(reverse(name)))


def test_a_learner_gets_nothing(client):
    learner = UserFactory()
    client.force_login(learner)
    response = client.get(reverse("counselling_my_sessions:index"))
    assert response.status_code in (302, 403)  # the admin's own gate
    assert response.status_code == 403 or "/admin/" not in response.url


def test_a_counsellor_publishes_and_withdraws_free_times(client):
    counsellor = CounsellorFactory(locations=[LocationFactory()])
    login_with_second_factor(client, counsellor.user)
    first = in_days(8).date()

    response = client.post(
        reverse("counselling_slots:index"),
        {
            "location": "",
            "first_day": first.isoformat(),
            "last_day": (first + timedelta(days=13)).isoformat(),
            "weekdays": ["0", "2"],
            "times": "9:00, 10:30",
            "minutes": "60",
        },
    )

    assert response.status_code == 302
    slots = Slot.objects.filter(counsellor=counsellor)
    assert slots.count() >= 4 and all(slot.is_remote for slot in slots)
    slot = slots.first()
    client.post(reverse("counselling_slots:withdraw", args=[slot.pk]))
    slot.refresh_from_db()
    assert slot.withdrawn


def test_the_counsellor_marks_attendance_once_the_session_began(client):
    counsellor = CounsellorFactory()
    start = in_days(-1)
    booking = BookingFactory(
        slot=SlotFactory(
            counsellor=counsellor, starts_at=start, ends_at=start + timedelta(hours=1)
        )
    )
    future = BookingFactory(slot=SlotFactory(counsellor=counsellor))
    login_with_second_factor(client, counsellor.user)

    for target in (booking, future):
        client.post(
            reverse("counselling_my_sessions:attendance", args=[target.pk]),
            {"value": "present"},
        )

    booking.refresh_from_db()
    future.refresh_from_db()
    assert booking.attendance == "present"
    assert future.attendance == ""
    assert Event.objects.filter(booking=booking, action="attendance").exists()


def test_the_manager_cancels_a_workshop_with_an_allowed_reason(client):
    workshop = WorkshopFactory(min_participants=2)
    SignupFactory(workshop=workshop)
    login_with_second_factor(client, manager_user())
    url = reverse("counselling_workshops:cancel", args=[workshop.pk])

    client.post(url, {"cancel-reason": "weather"})
    workshop.refresh_from_db()
    assert not workshop.is_cancelled

    client.post(url, {"cancel-reason": Workshop.CancelReason.TOO_FEW})
    workshop.refresh_from_db()
    assert workshop.is_cancelled
    assert not workshop.signups.filter(status__in=Signup.LIVE).exists()
    assert Event.objects.filter(
        workshop=workshop, action="cancelled_by_centre"
    ).exists()


def test_the_manager_signs_a_new_person_up_by_phone(client):
    workshop = WorkshopFactory(capacity=1)
    SignupFactory(workshop=workshop)
    manager = manager_user()
    login_with_second_factor(client, manager)

    response = client.post(
        reverse("counselling_onbehalf:index"),
        {
            "person": "new",
            "first_name": "Halina",
            "last_name": "Telefoniczna",
            "phone": "600 100 200",
            "channel": "phone",
            "requested_at": an_hour_ago(),
            "workshop": workshop.pk,
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    signup = Signup.objects.get(client__last_name="Telefoniczna")
    assert signup.channel == "phone" and signup.entered_by == manager
    # Requested earlier than the first person, but the place was already taken.
    assert signup.status in (Signup.Status.RESERVE, Signup.Status.PARTICIPANT)


def test_the_manager_books_a_free_time_for_a_known_client(client):
    slot = SlotFactory()
    known = ClientFactory()
    login_with_second_factor(client, manager_user())

    response = client.post(
        reverse("counselling_onbehalf:index"),
        {
            "person": f"c{known.pk}",
            "channel": "in_person",
            "requested_at": an_hour_ago(),
            "slot": slot.pk,
        },
    )

    assert response.status_code == 302
    assert Booking.objects.get(slot=slot).client == known


def test_the_manager_cancels_a_session_with_a_reason(client):
    booking = BookingFactory()
    login_with_second_factor(client, manager_user())

    client.post(
        reverse("counselling_sessions:cancel", args=[booking.pk]),
        {"reason": Workshop.CancelReason.LEADER_ILL},
    )

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED_BY_CENTRE
    assert booking.cancel_reason


def test_the_listings_have_bounded_queries(client, django_assert_max_num_queries):
    counsellor = CounsellorFactory()
    for _ in range(15):
        BookingFactory(slot=SlotFactory(counsellor=counsellor))
    workshop = WorkshopFactory(leader=counsellor, capacity=20)
    for _ in range(10):
        SignupFactory(workshop=workshop)
    login_with_second_factor(client, counsellor.user)

    with django_assert_max_num_queries(30):
        client.get(reverse("counselling_my_sessions:index"))
    with django_assert_max_num_queries(30):
        client.get(reverse("counselling_workshops:detail", args=[workshop.pk]))
    client.logout()
    login_with_second_factor(client, manager_user())
    with django_assert_max_num_queries(35):
        client.get(reverse("counselling_sessions:index"))
    with django_assert_max_num_queries(40):
        client.get(reverse("counselling_workshops:index"))
