import csv
import io

import pytest
from django.urls import reverse

from courses import services
from portal.accounts.roles import COORDINATOR, EDITOR, MODERATOR
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import pass_course

pytestmark = pytest.mark.django_db
URL = reverse("programme_statistics:index")


@pytest.fixture
def programme(course, offices):
    """Three learners: one passed, one enrolled only, one from another office."""
    tuchow = offices.get(code="pup-tarnow-tuchow")
    zakopane = offices.get(code="pup-zakopane")
    pass_course(UserFactory(pup_office=tuchow, status="job_seeker"), course)
    services.enrollment_create(user=UserFactory(pup_office=tuchow), course=course)
    services.enrollment_create(user=UserFactory(pup_office=zakopane), course=course)
    return course


def test_counts_by_course(programme):
    from courses.selectors import programme_statistics

    (row,) = programme_statistics(dimension="course")
    assert row["label"] == programme.title
    assert (
        row["enrolments"],
        row["completions"],
        row["passes"],
        row["certificates"],
    ) == (
        3,
        1,
        1,
        1,
    )
    assert row["pass_rate"] == 100


def test_counts_by_office(programme):
    from courses.selectors import programme_statistics

    rows = {r["label"]: r for r in programme_statistics(dimension="office")}
    assert (
        rows["Powiatowy Urząd Pracy w Tarnowie – Filia w Tuchowie"]["enrolments"] == 2
    )
    assert rows["Powiatowy Urząd Pracy w Zakopanem"]["passes"] == 0


def test_the_coordinator_sees_the_statistics_and_exports_csv(client, programme):
    login_with_second_factor(client, StaffFactory(role=COORDINATOR))

    page = client.get(URL, {"dimension": "status"})
    export = client.get(URL, {"dimension": "course", "format": "csv"})

    assert page.status_code == 200
    assert "osoba poszukująca pracy" in page.content.decode()
    rows = list(
        csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[1][0] == programme.title
    assert rows[1][1:] == ["3", "1", "1", "100", "1"]
    body = export.content.decode("utf-8-sig")
    for user in programme.enrollments.values_list("user__email", "user__last_name"):
        assert user[0] not in body and user[1] not in body


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_other_roles_do_not_get_the_statistics(client, role, programme):
    login_with_second_factor(client, StaffFactory(role=role))
    response = client.get(URL)
    # Wagtail answers a refused admin view by sending the person back to the dashboard.
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_learner_does_not_get_the_statistics(client, learner):
    client.force_login(learner)
    assert client.get(URL).status_code == 403
