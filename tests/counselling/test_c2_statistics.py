"""The Kierownik CPZ's statistics: aggregates by dimension, CSV, bounded queries."""

import pytest
from django.urls import reverse

from counselling.models import Attendance, Booking, ServiceKind, Signup
from counselling.statistics import DIMENSIONS, counselling_statistics
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import UserFactory
from tests.factories.counselling import (
    BookingFactory,
    ClientFactory,
    CounsellorFactory,
    SignupFactory,
    SlotFactory,
    WorkshopFactory,
    manager_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    workshop = WorkshopFactory(capacity=2)
    SignupFactory(workshop=workshop, attendance=Attendance.PRESENT)
    SignupFactory(workshop=workshop, attendance=Attendance.ABSENT)
    SignupFactory(workshop=workshop, status=Signup.Status.RESERVE)
    SignupFactory(workshop=workshop, status=Signup.Status.LEFT)
    BookingFactory(attendance=Attendance.EXCUSED)
    BookingFactory(status=Booking.Status.CANCELLED_BY_CENTRE)
    BookingFactory(slot=SlotFactory(location=None), status=Booking.Status.CANCELLED)
    hidden = UserFactory(processing_restricted=True)
    BookingFactory(client=ClientFactory(user=hidden))
    return workshop


def test_counts_by_service_leave_out_restricted_clients(activity):
    rows = {row["label"]: row for row in counselling_statistics(dimension="service")}

    workshop = rows[activity.service.title]
    assert workshop["signups"] == 4
    assert workshop["present"] == 1 and workshop["absent"] == 1
    assert workshop["reserve"] == 1 and workshop["cancelled_by_client"] == 1
    individual = rows[str(ServiceKind.INDIVIDUAL.label)]
    assert individual["signups"] == 2  # the restricted client's is left out
    assert individual["excused"] == 1 and individual["absences"] == 1
    assert individual["cancelled_by_centre"] == 1
    assert rows[str(ServiceKind.REMOTE.label)]["cancelled_by_client"] == 1


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_every_dimension_counts_everyone_once(activity, dimension):
    rows = counselling_statistics(dimension=dimension)
    assert sum(row["signups"] for row in rows) == 7
    assert all(set(row) >= {"label", "signups", "reserve"} for row in rows)


def test_the_screen_and_csv_for_the_manager_only(
    client, activity, django_assert_max_num_queries
):
    url = reverse("counselling_statistics_index")
    login_with_second_factor(client, CounsellorFactory().user)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    login_with_second_factor(client, manager_user())

    with django_assert_max_num_queries(30):
        page = client.get(url, {"dimension": "location"})
    csv = client.get(url, {"dimension": "month", "format": "csv"})

    assert page.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert len(lines) >= 2 and lines[0].count(";") == 8
