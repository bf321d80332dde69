"""Pages of courses cost a fixed number of queries, however many learners there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from tests.factories.accounts import UserFactory
from tests.factories.courses import make_course, pass_course

pytestmark = pytest.mark.django_db


def finished_learner(course):
    user = UserFactory()
    pass_course(user, course)
    return user


def query_count(client, url):
    client.get(url)  # warm caches (site root, settings, session)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@pytest.fixture
def catalogue(site_content):
    courses = [make_course(slug=f"kurs-{n}") for n in range(3)]
    viewer = finished_learner(courses[0])
    services.enrollment_create(user=viewer, course=courses[1])
    return courses, viewer


def urls(courses):
    course = courses[0]
    return {
        "catalogue": "/kursy/",
        "course": course.url,
        "lesson": course.lessons().first().url,
        "dashboard": reverse("courses:dashboard"),
        "test overview": course.route_url("test"),
    }


@pytest.mark.parametrize(
    "page", ["catalogue", "course", "lesson", "dashboard", "test overview"]
)
def test_query_count_stays_the_same_with_1_and_50_learners(client, catalogue, page):
    courses, viewer = catalogue
    client.force_login(viewer)
    url = urls(courses)[page]

    with_one = query_count(client, url)
    for _ in range(49):
        finished_learner(courses[0])
    with_fifty = query_count(client, url)

    assert with_one == with_fifty
    # Wagtail resolves a page one tree level per query; the rest is fixed work.
    assert with_fifty <= 24
