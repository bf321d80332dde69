import pytest

from portal.accounts.services import pup_offices_load
from portal.pages.services import demo_content_load

PASSWORD = "Haslo-testowe-123"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
