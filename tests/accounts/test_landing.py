"""Where people land: a new learner at the courses, staff back where they were going."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from portal.accounts.models import PupOffice, User
from portal.accounts.roles import EDITOR
from portal.accounts.two_factor import SETUP_NEXT_KEY
from tests.admin_helpers import totp_code
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("courses:dashboard")


@pytest.fixture
def signed_up(client, offices, site_content):
    """A learner who just signed up; returns the confirmation link."""
    client.post(
        reverse("account_signup"),
        {
            "first_name": "Zofia",
            "last_name": "Wójcik",
            "email": "zofia.wojcik@example.org",
            "password1": "Lipa-Sad-Ogrod-2026",
            "password2": "Lipa-Sad-Ogrod-2026",
            "status": User.Status.JOB_SEEKER,
            "pup_office": PupOffice.objects.get(code="pup-tarnow-tuchow").pk,
            "accept_terms": "on",
            "accept_privacy": "on",
        },
    )
    return re.search(r"https?://\S+(/konto/confirm-email/\S+/)", mail.outbox[-1].body)[
        1
    ]


def test_confirming_the_address_lands_the_learner_on_my_courses(client, signed_up):
    response = client.post(signed_up)

    assert response.status_code == 302
    assert response.url == DASHBOARD
    assert client.get(response.url).status_code == 200


def test_a_next_given_with_the_confirmation_wins(client, signed_up):
    response = client.post(signed_up, {"next": "/kursy/"})

    assert response.url == "/kursy/"


def test_a_next_leading_off_the_portal_is_ignored(client, signed_up):
    response = client.post(signed_up, {"next": "https://example.com/"})

    assert response.url == DASHBOARD


def test_confirming_in_another_browser_asks_to_sign_in_then_goes_to_my_courses(
    signed_up,
):
    response = Client().post(signed_up)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=%2Fmoje-kursy%2F"


def test_a_signed_in_learner_confirming_a_changed_address_goes_back_to_my_data(
    client,
):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    user = UserFactory()
    client.force_login(user)
    address = EmailAddress.objects.create(
        user=user, email="nowy@example.org", verified=False, primary=False
    )

    key = EmailConfirmationHMAC(address).key
    response = client.post(reverse("account_confirm_email", args=[key]))

    assert response.url == reverse("accounts:my_data")


@pytest.fixture(autouse=True)
def _totp_commits_inside_the_request(monkeypatch):
    """Outside a test's transaction, allauth's after-commit work (the signal that
    remembers `next`) runs before the response; let it do so here too."""
    from allauth.mfa.totp.internal import flows

    monkeypatch.setattr(flows.transaction, "on_commit", lambda func, **kw: func())


def set_up_totp(client, user, password, query=""):
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    setup = client.get(reverse("mfa_activate_totp") + query)
    secret = setup.context["form"].secret
    return setup, client.post(
        reverse("mfa_activate_totp") + query, {"code": totp_code(secret)}
    )


def go_on_link(response) -> str:
    html = response.content.decode()
    match = re.search(r'<a class="button" href="([^"]*)">Przejdź dalej</a>', html)
    return match and match[1]


def test_staff_sent_to_set_up_totp_go_on_to_the_page_they_wanted(client, password):
    user = StaffFactory(role=EDITOR)
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    gate = client.get("/admin/pages/")
    assert gate.url == reverse("mfa_activate_totp") + "?next=%2Fadmin%2Fpages%2F"

    setup = client.get(gate.url)
    assert f'action="{gate.url}"' in setup.content.decode()
    activated = client.post(gate.url, {"code": totp_code(setup.context["form"].secret)})
    codes = client.get(activated.url)

    assert activated.url == reverse("mfa_view_recovery_codes")
    assert go_on_link(codes) == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_without_a_next_the_button_leads_to_the_admin(client, password):
    _setup, activated = set_up_totp(client, StaffFactory(role=EDITOR), password)

    assert go_on_link(client.get(activated.url)) == "/admin/"


def test_a_next_leading_off_the_portal_is_not_offered(client, password):
    query = "?next=https%3A%2F%2Fexample.com%2F"
    _setup, activated = set_up_totp(client, StaffFactory(role=EDITOR), password, query)

    assert go_on_link(client.get(activated.url)) == "/admin/"


def test_a_later_session_offers_no_button(client, password):
    user = StaffFactory(role=EDITOR)
    set_up_totp(client, user, password, "?next=%2Fadmin%2Fpages%2F")
    assert client.session[SETUP_NEXT_KEY] == "/admin/pages/"

    client.logout()
    client.post(reverse("account_login"), {"login": user.email, "password": password})

    assert SETUP_NEXT_KEY not in client.session
