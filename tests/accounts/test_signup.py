import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from portal.accounts.models import LegalAcceptance, PupOffice, User
from privacy.models import LegalSettings

pytestmark = pytest.mark.django_db

SIGNUP_URL = reverse("account_signup")


@pytest.fixture
def signup_data(offices, site_content):
    return {
        "first_name": "Zofia",
        "last_name": "Wójcik",
        "email": "zofia.wojcik@example.org",
        "password1": "Lipa-Sad-Ogrod-2026",
        "password2": "Lipa-Sad-Ogrod-2026",
        "status": User.Status.JOB_SEEKER,
        "pup_office": PupOffice.objects.get(code="pup-tarnow-tuchow").pk,
        "accept_terms": "on",
        "accept_privacy": "on",
    }


def verification_link(message):
    return re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)


def test_signup_creates_an_account_with_status_office_and_accepted_versions(
    client, signup_data
):
    legal = LegalSettings.objects.get()
    legal.terms_version = "2.1"
    legal.save()

    response = client.post(SIGNUP_URL, signup_data)

    assert response.status_code == 302
    user = User.objects.get(email="zofia.wojcik@example.org")
    assert (user.first_name, user.last_name) == ("Zofia", "Wójcik")
    assert user.status == User.Status.JOB_SEEKER
    assert user.pup_office.code == "pup-tarnow-tuchow"
    assert user.pup_office.parent.code == "pup-tarnow"
    versions = dict(
        LegalAcceptance.objects.filter(user=user).values_list("document", "version")
    )
    assert versions == {"terms": "2.1", "privacy": "1.0"}


def test_signup_sends_a_verification_mail_and_the_link_verifies_the_address(
    client, signup_data
):
    client.post(SIGNUP_URL, signup_data)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["zofia.wojcik@example.org"]
    assert "Potwierdź swój adres e-mail" in mail.outbox[0].subject
    assert mail.outbox[0].body.startswith("Dzień dobry,")
    link = verification_link(mail.outbox[0])
    assert not EmailAddress.objects.get(email="zofia.wojcik@example.org").verified
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="zofia.wojcik@example.org").verified


def test_login_is_refused_until_the_address_is_verified(client, signup_data):
    client.post(SIGNUP_URL, signup_data)
    client.logout()

    response = client.post(
        reverse("account_login"),
        {"login": signup_data["email"], "password": signup_data["password1"]},
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "missing, message",
    [
        ("pup_office", "Wybierz urząd pracy"),
        ("status", "Wybierz, czy masz status"),
        ("first_name", "Podaj swoje imię"),
        ("last_name", "Podaj swoje nazwisko"),
        ("email", "Podaj swój adres e-mail"),
        ("accept_terms", "regulamin"),
        ("accept_privacy", "zasady przetwarzania"),
    ],
)
def test_missing_data_shows_a_message_on_the_field_and_keeps_the_rest(
    client, signup_data, missing, message
):
    del signup_data[missing]

    response = client.post(SIGNUP_URL, signup_data)

    assert response.status_code == 200
    assert not User.objects.exists()
    form = response.context["form"]
    assert list(form.errors) == [missing]
    html = response.content.decode()
    assert message in form.errors[missing][0]
    assert f'id="id_{missing}_error"' in html
    kept = {"email": "zofia.wojcik@example.org", "last_name": "Wójcik"}
    for field, value in kept.items():
        if field != missing:
            assert f'value="{value}"' in html
    # Passwords are kept too, since they were not the problem.
    assert html.count('value="Lipa-Sad-Ogrod-2026"') == 2


def test_a_password_that_fails_validation_is_not_echoed_back(client, signup_data):
    signup_data["password1"] = signup_data["password2"] = "12345678"

    response = client.post(SIGNUP_URL, signup_data)

    assert "password1" in response.context["form"].errors
    assert 'value="12345678"' not in response.content.decode()


def test_an_address_already_registered_creates_no_account_and_reveals_nothing(
    client, signup_data, learner
):
    signup_data["email"] = learner.email.upper()

    response = client.post(SIGNUP_URL, signup_data)

    # The same answer as for a new address; the owner is told by e-mail.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=learner.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email.upper()] or mail.outbox[0].to == [
        learner.email
    ]
    assert "password" in mail.outbox[0].body or "hasł" in mail.outbox[0].body


def test_an_inactive_office_is_not_offered_at_signup(client, signup_data):
    PupOffice.objects.filter(code="pup-tarnow-tuchow").update(is_active=False)

    page = client.get(SIGNUP_URL).content.decode()
    response = client.post(SIGNUP_URL, signup_data)

    assert "Filia w Tuchowie" not in page
    assert "Filia w Żabnie" in page
    assert "pup_office" in response.context["form"].errors


def test_signup_page_query_count_is_bounded(
    client, offices, site_content, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(SIGNUP_URL)
    assert response.status_code == 200
