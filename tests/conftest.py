import pytest

from portal.accounts.services import pup_offices_load
from portal.pages.demo import demo_content_load

PASSWORD = "Haslo-testowe-123"


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path):
    """Give each test its own media folder and an empty cache (rate limits)."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def offices(db):
    pup_offices_load()
    from portal.accounts.models import PupOffice

    return PupOffice.objects.all()


@pytest.fixture
def site_content(db):
    return demo_content_load()


@pytest.fixture
def learner(db):
    from tests.factories.accounts import UserFactory

    return UserFactory()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A test client whose requests run their on_commit callbacks, as after a commit.

    Tests run inside a transaction that never commits; without this, the mail a view
    hands to Celery on commit would never leave.
    """
    original = client.request

    def request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(**kwargs)

    client.request = request
    return client


@pytest.fixture
def course(site_content):
    from tests.factories.courses import make_course

    return make_course()


@pytest.fixture
def enrolled(learner, course):
    from courses.services import enrollment_create

    return enrollment_create(user=learner, course=course)


@pytest.fixture
def ready_for_test(enrolled):
    from courses.services import lesson_complete

    for lesson in enrolled.course.lessons():
        lesson_complete(enrollment=enrolled, lesson=lesson)
    enrolled.refresh_from_db()
    return enrolled


@pytest.fixture
def forum(course):
    return course.forum


@pytest.fixture
def topic(forum, learner):
    """A topic the learner opened, having chosen to appear as name and initial."""
    from forum.services import forum_profile_choose, topic_create

    forum_profile_choose(user=learner, shown_as="name")
    return topic_create(
        forum=forum, author=learner, title="Pierwszy temat", body="Cześć!"
    )
