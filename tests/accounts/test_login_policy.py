"""Failed sign-ins stop guessing without letting a stranger lock anyone out.

The policy (portal.accounts.security, README "Signing in"): an account is locked
at one address after 5 failures there; an address may try a few hundred sign-ins a
minute; an account takes a bounded number of failures from addresses it never
signed in from, after which only the addresses it did sign in from may try it.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_helpers import activate_totp, totp_code
from tests.conftest import PASSWORD
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

STRANGER = "198.51.100.7"
OWNER_HOME = "203.0.113.5"
PUP_ROOM = "192.0.2.10"


def sign_in(email, password, address, client=None):
    client = client or Client()
    response = client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=address,
    )
    return client, response


def signed_in(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def test_a_stranger_failing_from_one_address_does_not_stop_the_owner_elsewhere(
    learner, settings
):
    # Low, so that counting the stranger's refused attempts would show.
    settings.LOGIN_UNKNOWN_ADDRESS_FAILURES = (10, 60 * 60)
    stranger = Client()
    for _ in range(20):
        sign_in(learner.email, "zgadywane-haslo", STRANGER, stranger)

    client, response = sign_in(learner.email, PASSWORD, OWNER_HOME)

    assert response.status_code == 302
    assert signed_in(client, learner)


def test_six_failures_lock_the_account_at_that_address_only(learner):
    neighbour = UserFactory()
    for _ in range(6):
        sign_in(learner.email, "zle-haslo", PUP_ROOM)

    client, response = sign_in(learner.email, PASSWORD, PUP_ROOM)
    assert response.status_code == 429
    assert not signed_in(client, learner)

    client, _response = sign_in(neighbour.email, PASSWORD, PUP_ROOM)
    assert signed_in(client, neighbour), "another account at the same address"
    client, _response = sign_in(learner.email, PASSWORD, OWNER_HOME)
    assert signed_in(client, learner), "the same account at another address"


def test_a_computer_room_behind_one_address_signs_in_forty_people_in_a_minute():
    people = UserFactory.create_batch(40)
    for person in people[:10]:
        sign_in(person.email, "literowka", PUP_ROOM)

    for person in people:
        client, response = sign_in(person.email, PASSWORD, PUP_ROOM)

        assert response.status_code == 302, person.email
        assert signed_in(client, person)


def test_guesses_spread_over_many_addresses_stop_at_the_account_wide_limit(
    learner, settings
):
    settings.LOGIN_UNKNOWN_ADDRESS_FAILURES = (10, 60 * 60)
    client, _response = sign_in(learner.email, PASSWORD, OWNER_HOME)
    client.post(reverse("account_logout"))
    for n in range(3):
        for _ in range(4):
            sign_in(learner.email, "zgadywane-haslo", f"198.51.100.{n + 20}")

    # A new address is refused even with the right password, and told why ...
    client, response = sign_in(learner.email, PASSWORD, "198.51.100.99")
    assert response.status_code == 200
    assert not signed_in(client, learner)
    assert "tylko z sieci" in response.content.decode()

    # ... while the owner, where they signed in before, gets in.
    client, response = sign_in(learner.email, PASSWORD, OWNER_HOME)
    assert response.status_code == 302
    assert signed_in(client, learner)


def test_the_account_wide_limit_does_not_tell_whether_an_account_exists(settings):
    settings.LOGIN_UNKNOWN_ADDRESS_FAILURES = (3, 60 * 60)
    for n in range(4):
        sign_in("nikt@example.org", "zgadywane-haslo", f"198.51.100.{n + 20}")

    _client, response = sign_in("nikt@example.org", "zgadywane-haslo", STRANGER)

    assert "tylko z sieci" in response.content.decode()


def test_second_factor_codes_stay_limited_per_account_across_addresses():
    staff = StaffFactory()
    secret = activate_totp(staff)
    for n in range(2):
        client, _response = sign_in(staff.email, PASSWORD, f"198.51.100.{n + 30}")
        for _ in range(5):
            client.post(
                reverse("mfa_authenticate"),
                {"code": "000000"},
                REMOTE_ADDR=f"198.51.100.{n + 30}",
            )

    client, _response = sign_in(staff.email, PASSWORD, OWNER_HOME)
    response = client.post(
        reverse("mfa_authenticate"), {"code": totp_code(secret)}, REMOTE_ADDR=OWNER_HOME
    )

    assert not signed_in(client, staff)
    assert response.status_code == 200
