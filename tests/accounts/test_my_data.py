import pytest
from django.core import mail
from django.urls import reverse

from portal.accounts.models import PupOffice, User
from tests.factories.accounts import PupOfficeFactory, UserFactory

pytestmark = pytest.mark.django_db

MY_DATA_URL = reverse("accounts:my_data")


def test_my_data_requires_login(client):
    response = client.get(MY_DATA_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_learner_sees_and_corrects_own_data(client, learner, offices):
    new_office = PupOffice.objects.get(code="pup-zakopane")
    client.force_login(learner)

    page = client.get(MY_DATA_URL).content.decode()
    assert learner.email in page
    assert learner.last_name in page

    response = client.post(
        MY_DATA_URL,
        {
            "first_name": "Maria",
            "last_name": "Kowalska-Nowak",
            "status": User.Status.JOB_SEEKER,
            "pup_office": new_office.pk,
        },
        follow=True,
    )

    learner.refresh_from_db()
    assert (learner.first_name, learner.last_name) == ("Maria", "Kowalska-Nowak")
    assert learner.status == User.Status.JOB_SEEKER
    assert learner.pup_office == new_office
    assert "Twoje dane zostały zapisane" in response.content.decode()


def test_invalid_correction_keeps_what_was_typed(client, learner):
    client.force_login(learner)

    response = client.post(
        MY_DATA_URL, {"first_name": "", "last_name": "Zmieniona", "status": "x"}
    )

    form = response.context["form"]
    assert set(form.errors) == {"first_name", "status", "pup_office"}
    assert 'value="Zmieniona"' in response.content.decode()
    learner.refresh_from_db()
    assert learner.last_name != "Zmieniona"


def test_an_inactive_office_stays_on_the_account_that_chose_it(client, learner):
    learner.pup_office.is_active = False
    learner.pup_office.save()
    client.force_login(learner)

    page = client.get(MY_DATA_URL).content.decode()

    assert f'value="{learner.pup_office.pk}" selected' in page
    response = client.post(
        MY_DATA_URL,
        {
            "first_name": learner.first_name,
            "last_name": learner.last_name,
            "status": learner.status,
            "pup_office": learner.pup_office.pk,
        },
    )
    assert response.status_code == 302


def test_a_learner_cannot_choose_another_inactive_office(client, learner):
    closed = PupOfficeFactory(is_active=False)
    client.force_login(learner)

    response = client.post(
        MY_DATA_URL,
        {
            "first_name": "A",
            "last_name": "B",
            "status": learner.status,
            "pup_office": closed.pk,
        },
    )

    assert "pup_office" in response.context["form"].errors


def test_a_learner_only_ever_sees_and_changes_their_own_data(client, learner):
    other = UserFactory(first_name="Inna", last_name="Osoba")
    client.force_login(learner)

    page = client.get(MY_DATA_URL, {"user": other.pk, "pk": other.pk}).content.decode()
    client.post(
        f"{MY_DATA_URL}?user={other.pk}",
        {
            "first_name": "Przejęta",
            "last_name": "Osoba",
            "status": other.status,
            "pup_office": other.pup_office_id,
            "user": other.pk,
        },
    )

    assert other.email not in page
    other.refresh_from_db()
    assert other.first_name == "Inna"


def test_changing_the_email_needs_verification_of_the_new_address(client, learner):
    client.force_login(learner)

    client.post(
        reverse("account_email"),
        {"action_add": "", "email": "nowy.adres@example.org"},
    )

    learner.refresh_from_db()
    assert learner.email != "nowy.adres@example.org"
    assert mail.outbox[-1].to == ["nowy.adres@example.org"]
    assert "/konto/confirm-email/" in mail.outbox[-1].body


def test_password_reset_sends_a_link(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email})

    assert mail.outbox[-1].to == [learner.email]
    assert "/konto/password/reset/key/" in mail.outbox[-1].body


def test_my_data_query_count_does_not_grow_with_the_number_of_offices(
    client, learner, site_content, django_assert_max_num_queries
):
    client.force_login(learner)
    client.get(MY_DATA_URL)
    with django_assert_max_num_queries(15) as baseline:
        client.get(MY_DATA_URL)
    PupOfficeFactory.create_batch(30)
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get(MY_DATA_URL)
    assert response.content.decode().count("<option") > 30
