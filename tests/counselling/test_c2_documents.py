"""The confirmation of participation: a PDF for a participant marked present."""

from datetime import timedelta

import pytest
from django.urls import reverse

from counselling.documents import confirmation_context, hours_label
from counselling.models import Attendance
from tests.factories.counselling import SignupFactory, WorkshopFactory, in_days

pytestmark = pytest.mark.django_db


def test_hours_are_written_the_polish_way():
    start = in_days(1)
    assert hours_label(start, start + timedelta(hours=3)) == "3"
    assert hours_label(start, start + timedelta(minutes=150)) == "2,5"


def test_the_context_names_topic_place_and_leader():
    signup = SignupFactory(attendance=Attendance.PRESENT)
    context = confirmation_context(signup)
    assert context["topic"] == signup.workshop.service.title
    assert signup.workshop.location.name in context["place"]
    assert context["leader"] == str(signup.workshop.leader)
    assert context["full_name"] == signup.client.name


def test_the_owner_downloads_it_only_when_present(client):
    workshop = WorkshopFactory(starts_at=in_days(-3), ends_at=in_days(-3, hour=13))
    present = SignupFactory(workshop=workshop, attendance=Attendance.PRESENT)
    absent = SignupFactory(workshop=workshop, attendance=Attendance.ABSENT)

    client.force_login(present.client.user)
    response = client.get(reverse("counselling:confirmation_pdf", args=[present.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

    client.force_login(absent.client.user)
    url = reverse("counselling:confirmation_pdf", args=[absent.token])
    assert client.get(url).status_code == 404
    other = reverse("counselling:confirmation_pdf", args=[present.token])
    assert client.get(other).status_code == 404
