import pytest
from django.urls import reverse

from portal.accounts.models import LegalAcceptance
from portal.accounts.roles import EDITOR
from portal.pages.models import LegalSettings
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db

MY_DATA_URL = reverse("accounts:my_data")
ACCEPT_URL = reverse("accounts:accept_documents")


@pytest.fixture
def new_terms(site_content):
    legal = LegalSettings.objects.get()
    legal.terms_version = "2.0"
    legal.save()
    return legal


def test_a_learner_is_asked_to_accept_changed_terms_before_going_on(
    client, learner, new_terms
):
    client.force_login(learner)

    response = client.get(MY_DATA_URL)

    assert response.status_code == 302
    assert response.url == f"{ACCEPT_URL}?next=%2Fkonto%2Fmoje-dane%2F"
    page = client.get(response.url).content.decode()
    assert "wersja 2.0" in page
    assert 'href="/regulamin/"' in page
    assert "id_privacy" not in page


def test_the_changed_document_itself_can_be_read_first(client, learner, new_terms):
    client.force_login(learner)
    assert client.get("/regulamin/").status_code == 200
    assert client.get("/faq/").status_code == 302


def test_accepting_records_the_version_and_returns_to_the_page(
    client, learner, new_terms
):
    client.force_login(learner)

    response = client.post(ACCEPT_URL, {"terms": "on", "next": MY_DATA_URL})

    assert response.url == MY_DATA_URL
    assert LegalAcceptance.objects.filter(user=learner, version="2.0").exists()
    assert client.get(MY_DATA_URL).status_code == 200


def test_not_ticking_the_box_shows_an_error_and_records_nothing(
    client, learner, new_terms
):
    client.force_login(learner)

    response = client.post(ACCEPT_URL, {"next": MY_DATA_URL})

    assert "terms" in response.context["form"].errors
    assert not LegalAcceptance.objects.filter(user=learner, version="2.0").exists()


def test_an_outside_next_address_is_ignored(client, learner, new_terms):
    client.force_login(learner)
    response = client.post(ACCEPT_URL, {"terms": "on", "next": "https://example.com/"})
    assert response.url == MY_DATA_URL


def test_staff_are_not_asked(client, new_terms):
    client.force_login(StaffFactory(role=EDITOR))
    assert client.get(MY_DATA_URL).status_code == 200
