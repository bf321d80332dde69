import pytest
from django.urls import reverse

from portal.accounts.models import LegalAcceptance
from portal.accounts.roles import EDITOR
from privacy.models import LegalSettings
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db

MY_DATA_URL = reverse("accounts:my_data")
ACCEPT_URL = reverse("accounts:accept_documents")
SHOWN = "terms:2.0|privacy:1.0"


@pytest.fixture
def new_terms(site_content):
    legal = LegalSettings.objects.get()
    legal.terms_version = "2.0"
    legal.save()
    return legal


def test_studying_waits_until_changed_terms_are_accepted(
    client, learner, new_terms, course
):
    client.force_login(learner)

    response = client.get(course.route_url("test"))

    assert response.status_code == 302
    assert response.url.startswith(f"{ACCEPT_URL}?next=")
    page = client.get(response.url).content.decode()
    assert "wersja 2.0" in page
    assert 'href="/regulamin/"' in page
    assert "id_privacy" not in page


@pytest.mark.parametrize(
    "url",
    [MY_DATA_URL, "/regulamin/", "/polityka-prywatnosci/", "/kontakt/", "/faq/"],
)
def test_the_account_and_the_portals_pages_stay_open_meanwhile(
    client, learner, new_terms, url
):
    client.force_login(learner)
    assert client.get(url).status_code == 200


def test_accepting_records_the_version_and_returns_to_the_page(
    client, learner, new_terms
):
    client.force_login(learner)

    response = client.post(
        ACCEPT_URL, {"terms": "on", "shown_versions": SHOWN, "next": MY_DATA_URL}
    )

    assert response.url == MY_DATA_URL
    assert LegalAcceptance.objects.filter(user=learner, version="2.0").exists()


def test_a_version_changed_while_reading_is_not_recorded(client, learner, new_terms):
    client.force_login(learner)
    new_terms.terms_version = "3.0"
    new_terms.save()

    response = client.post(ACCEPT_URL, {"terms": "on", "shown_versions": SHOWN})

    assert response.status_code == 200
    assert not LegalAcceptance.objects.filter(
        user=learner, version__in=["2.0", "3.0"]
    ).exists()


def test_not_ticking_the_box_shows_an_error_and_records_nothing(
    client, learner, new_terms
):
    client.force_login(learner)

    response = client.post(ACCEPT_URL, {"shown_versions": SHOWN, "next": MY_DATA_URL})

    assert "terms" in response.context["form"].errors
    assert not LegalAcceptance.objects.filter(user=learner, version="2.0").exists()


def test_an_outside_next_address_is_ignored(client, learner, new_terms):
    client.force_login(learner)
    response = client.post(
        ACCEPT_URL,
        {"terms": "on", "shown_versions": SHOWN, "next": "https://example.com/"},
    )
    assert response.url == MY_DATA_URL


def test_staff_are_not_asked(client, new_terms):
    client.force_login(StaffFactory(role=EDITOR))
    response = client.get(ACCEPT_URL)
    assert response.url == MY_DATA_URL
