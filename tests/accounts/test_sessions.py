import time

import pytest
from django.conf import settings
from django.urls import reverse

from portal.accounts.sessions import LAST_ACTIVITY_KEY
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db
STATUS = reverse("accounts:session")


def set_last_activity(client, seconds_ago):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()
    return session[LAST_ACTIVITY_KEY]


def last_activity(client):
    return client.session[LAST_ACTIVITY_KEY]


def test_a_page_view_refreshes_the_session_at_most_once_a_minute(client, learner):
    client.force_login(learner)
    recent = set_last_activity(client, 10)
    client.get("/kursy/")
    assert last_activity(client) == recent

    set_last_activity(client, 120)
    client.get("/kursy/")
    assert last_activity(client) >= int(time.time()) - 2


def test_an_idle_session_ends_and_says_why(client, learner):
    client.force_login(learner)
    set_last_activity(client, settings.SESSION_COOKIE_AGE + 5)

    response = client.get(reverse("accounts:my_data"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert "po okresie bezczynności" in response.content.decode()


def test_asking_for_the_time_left_does_not_extend_it(client, learner):
    client.force_login(learner)
    set_last_activity(client, settings.SESSION_COOKIE_AGE - 200)

    first = client.get(STATUS).json()["seconds_left"]
    second = client.get(STATUS).json()["seconds_left"]

    assert 190 <= second <= first <= 200


def test_extending_resets_the_time_left(client, learner):
    client.force_login(learner)
    set_last_activity(client, settings.SESSION_COOKIE_AGE - 100)

    response = client.post(STATUS, HTTP_ACCEPT="application/json")

    assert response.json()["seconds_left"] == settings.SESSION_COOKIE_AGE
    assert client.get(STATUS).json()["seconds_left"] >= settings.SESSION_COOKIE_AGE - 2


def test_without_javascript_the_extend_form_returns_to_the_page(client, learner):
    client.force_login(learner)
    set_last_activity(client, settings.SESSION_COOKIE_AGE - 100)

    back = client.post(STATUS, {"next": "/kursy/?strona=2"})
    outside = client.post(STATUS, {"next": "https://example.com/"})

    assert back.url == "/kursy/?strona=2"
    assert outside.url == "/"
    assert client.get(STATUS).json()["seconds_left"] >= settings.SESSION_COOKIE_AGE - 2


def test_a_signed_out_visitor_has_no_session_to_extend(client):
    assert client.get(STATUS).json() == {"seconds_left": 0}
    response = client.post(STATUS, {"next": "/kursy/"})
    assert response.url == f"{reverse('account_login')}?next=%2Fkursy%2F"


def test_the_warning_is_on_pages_only_for_signed_in_people(client, learner, course):
    assert 'id="session-warning"' not in client.get("/kursy/").content.decode()

    client.force_login(learner)
    page = client.get("/kursy/").content.decode()

    assert 'id="session-warning"' in page
    assert 'data-warning-seconds="300"' in page
    assert 'aria-labelledby="session-warning-title"' in page


def test_staff_get_the_warning_in_the_admin_too(client):
    login_with_second_factor(client, StaffFactory(is_superuser=True))

    page = client.get("/admin/").content.decode()

    assert page.count('id="session-warning"') == 1
    assert "js/session-warning.js" in page
    # After Wagtail's skip link, which must stay the first link on the page.
    assert page.index('class="skiplink') < page.index('id="session-warning"')
