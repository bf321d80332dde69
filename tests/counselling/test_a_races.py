"""Two people at the same moment: one slot, and the last workshop place.

Each thread has its own database connection; a barrier lets both go at once.
Only PostgreSQL locks rows, so these run there.
"""

import threading

import pytest
from django.db import connection, connections

from counselling.models import Booking, Signup
from counselling.services.bookings import SlotTaken, booking_create
from counselling.services.workshops import signup_create
from tests.counselling.a_support import notified_fixture  # noqa: F401
from tests.factories.counselling import (
    ClientFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def at_once(work, arguments):
    """Run `work(argument)` in one thread per argument, released together."""
    barrier = threading.Barrier(len(arguments))
    results = [None] * len(arguments)

    def run(index, argument):
        try:
            barrier.wait(timeout=10)
            results[index] = work(argument)
        except Exception as error:  # noqa: BLE001 (the test inspects it)
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(index, argument))
        for index, argument in enumerate(arguments)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_one_slot_booked_from_two_connections_at_once(notified):
    slot = SlotFactory()
    clients = [ClientFactory(), ClientFactory()]

    results = at_once(lambda client: booking_create(client=client, slot=slot), clients)

    booked = [result for result in results if isinstance(result, Booking)]
    refused = [result for result in results if isinstance(result, SlotTaken)]
    assert len(booked) == 1 and len(refused) == 1, results
    assert Booking.objects.filter(slot=slot, status=Booking.Status.BOOKED).count() == 1


def test_the_last_workshop_place_goes_to_one_of_two(notified):
    workshop = WorkshopFactory(capacity=2)
    SignupFactory(workshop=workshop)
    clients = [ClientFactory(), ClientFactory()]

    results = at_once(
        lambda client: signup_create(workshop=workshop, client=client), clients
    )

    assert all(isinstance(result, Signup) for result in results), results
    assert sorted(result.status for result in results) == [
        Signup.Status.PARTICIPANT,
        Signup.Status.RESERVE,
    ]
    assert (
        Signup.objects.filter(
            workshop=workshop, status=Signup.Status.PARTICIPANT
        ).count()
        == 2
    )
