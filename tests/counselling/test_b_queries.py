"""The learner's counselling pages make a bounded number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse

from counselling.models import Booking, ServiceKind, Signup, Slot
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def _url(name, *args):
    return reverse(f"counselling:{name}", args=args)


# --- bounded queries ----------------------------------------------------------------


def _add_bookings(client_record, n, counsellor, location, offset=0):
    start = in_days(-400) + timedelta(hours=offset)
    slots = Slot.objects.bulk_create(
        SlotFactory.build(
            counsellor=counsellor,
            location=location,
            starts_at=start + timedelta(hours=i),
            ends_at=start + timedelta(hours=i, minutes=50),
        )
        for i in range(n)
    )
    Booking.objects.bulk_create(
        BookingFactory.build(client=client_record, slot=slot) for slot in slots
    )


def _add_signups(workshops, clients, status=Signup.Status.RESERVE):
    Signup.objects.bulk_create(
        SignupFactory.build(workshop=workshop, client=person, status=status)
        for workshop in workshops
        for person in clients
    )


def _queries(django_assert_max_num_queries, get, limit=30):
    get()  # the first request also loads the site, its settings and the menu
    with django_assert_max_num_queries(limit) as captured:
        response = get()
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_my_appointments_queries_do_not_grow_with_data(
    signed_in, learner, django_assert_max_num_queries
):
    me = ClientFactory(user=learner)
    counsellor, location = CounsellorFactory(), LocationFactory()
    others = ClientFactory.create_batch(3)
    workshops = WorkshopFactory.create_batch(2, capacity=1)
    _add_bookings(me, 10, counsellor, location)
    _add_signups(workshops[:1], [me])
    _add_signups(workshops[:1], others)

    def get():
        return signed_in.get(_url("my_appointments"))

    few = _queries(django_assert_max_num_queries, get)
    _add_bookings(me, 990, counsellor, location, offset=10)
    _add_signups(workshops[1:], [me, *others])
    many = _queries(django_assert_max_num_queries, get)
    assert many == few


def test_service_page_queries_do_not_grow_with_data(
    client, django_assert_max_num_queries
):
    first = WorkshopFactory(capacity=5)
    service = first.service
    people = ClientFactory.create_batch(10)
    _add_signups([first], people)

    def get():
        return client.get(service.url)

    few = _queries(django_assert_max_num_queries, get)
    more = WorkshopFactory.create_batch(10, service=service, capacity=5)
    _add_signups(more, people + ClientFactory.create_batch(90))
    many = _queries(django_assert_max_num_queries, get)
    assert many == few


def test_catalogue_page_queries_do_not_grow_with_data(
    client, django_assert_max_num_queries
):
    first = WorkshopFactory(capacity=5)
    index = first.service.get_parent()

    def get():
        return client.get(index.url)

    few = _queries(django_assert_max_num_queries, get)
    WorkshopFactory.create_batch(5)
    LocationFactory.create_batch(5)
    _add_signups([first], ClientFactory.create_batch(50))
    many = _queries(django_assert_max_num_queries, get)
    assert many == few


def test_free_times_queries_do_not_grow_with_data(
    client, django_assert_max_num_queries
):
    counsellor, location = CounsellorFactory(), LocationFactory()

    def add(n, offset):
        start = in_days(1, hour=0) + timedelta(minutes=30 * offset)
        Slot.objects.bulk_create(
            SlotFactory.build(
                counsellor=counsellor,
                location=location,
                starts_at=start + timedelta(minutes=30 * i),
                ends_at=start + timedelta(minutes=30 * i + 25),
            )
            for i in range(n)
        )

    def get():
        return client.get(_url("free_times", ServiceKind.INDIVIDUAL))

    add(10, 0)
    few = _queries(django_assert_max_num_queries, get)
    add(990, 10)
    many = _queries(django_assert_max_num_queries, get)
    assert many == few
