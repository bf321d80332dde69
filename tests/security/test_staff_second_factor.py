"""Staff privileges outside the admin hold only in a session that passed TOTP.

The admin's gate asks for the second factor at its door; the pages outside it that
show staff what a learner would not see (someone else's certificate, a hidden forum
post, the forum of an unpublished course) ask for it too. A staff member whose
session has only the password is sent to set up TOTP, or to sign in again with the
code, and comes back; until then they see what anyone else sees.
"""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from courses import services as course_services
from forum import services as forum_services
from portal.accounts.roles import EDITOR, MODERATOR
from tests.admin_helpers import activate_totp, login_with_second_factor
from tests.conftest import PASSWORD
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db

HIDDEN_TEXT = "Treść ukryta przez moderację."


def password_only(user) -> Client:
    """A session signed in through the form with the password and nothing else."""
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response
    assert client.session["_auth_user_id"] == str(user.pk)
    return client


def with_second_factor(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


@pytest.fixture
def certificate(ready_for_test):
    return course_services.certificate_issue(enrollment=ready_for_test)


@pytest.fixture
def hidden_post(topic):
    moderator = StaffFactory(role=MODERATOR)
    post = forum_services.post_create(
        topic=topic, author=topic.author, body=HIDDEN_TEXT
    )
    return forum_services.post_hide(post=post, by=moderator, reason="Spam")


def certificate_urls(certificate):
    return [
        reverse("courses:certificate", args=[certificate.number]),
        reverse("courses:certificate_pdf", args=[certificate.number]),
    ]


# Someone else's certificate ----------------------------------------------------------


def test_staff_with_only_a_password_are_sent_to_set_up_totp_not_shown_a_certificate(
    certificate,
):
    from portal.core.models import AuditEntry

    client = password_only(StaffFactory(is_superuser=True))

    for url in certificate_urls(certificate):
        response = client.get(url)

        assert response.status_code == 302, url
        assert path_of(response) == reverse("mfa_activate_totp")
        assert f"next={url}" in response["Location"].replace("%2F", "/")
    assert not AuditEntry.objects.exists()


def test_staff_whose_session_skipped_the_code_sign_in_again_for_a_certificate(
    certificate,
):
    staff = StaffFactory(is_superuser=True)
    activate_totp(staff)
    client = Client()
    client.force_login(staff)

    response = client.get(certificate_urls(certificate)[0])

    assert path_of(response) == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_staff_with_the_second_factor_read_a_certificate_and_are_audited(certificate):
    from portal.core.models import AuditEntry

    client = with_second_factor(StaffFactory(is_superuser=True))

    response = client.get(certificate_urls(certificate)[0])

    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["view"]


def test_staff_without_the_permission_get_not_found_either_way(certificate):
    editor = StaffFactory(role=EDITOR)

    for client in (password_only(editor), with_second_factor(editor)):
        for url in certificate_urls(certificate):
            assert client.get(url).status_code == 404, url


def test_the_owner_needs_no_second_factor_for_their_own_certificate(
    client, certificate
):
    client.force_login(certificate.enrollment.user)

    assert client.get(certificate_urls(certificate)[0]).status_code == 200


# Hidden forum posts ------------------------------------------------------------------


def test_a_moderator_with_only_a_password_does_not_see_a_hidden_post(hidden_post):
    client = password_only(StaffFactory(role=MODERATOR))

    response = client.get(reverse("forum:topic", args=[hidden_post.topic_id]))

    assert path_of(response) == reverse("mfa_activate_totp")
    assert HIDDEN_TEXT not in response.content.decode()


def test_a_moderator_with_the_second_factor_sees_a_hidden_post(hidden_post):
    client = with_second_factor(StaffFactory(role=MODERATOR))

    response = client.get(reverse("forum:topic", args=[hidden_post.topic_id]))

    assert response.status_code == 200
    assert HIDDEN_TEXT in response.content.decode()


def test_learners_never_see_a_hidden_post(client, hidden_post, learner):
    client.force_login(learner)

    response = client.get(reverse("forum:topic", args=[hidden_post.topic_id]))

    assert response.status_code == 200
    assert HIDDEN_TEXT not in response.content.decode()


def test_a_moderator_reads_an_unpublished_courses_forum_only_with_the_second_factor(
    forum,
):
    forum.course.unpublish()
    moderator = StaffFactory(role=MODERATOR)
    url = reverse("forum:index", args=[forum.pk])

    assert path_of(password_only(moderator).get(url)) == reverse("mfa_activate_totp")
    assert with_second_factor(moderator).get(url).status_code == 200


def test_a_moderator_without_the_second_factor_cannot_subscribe_to_a_forum(forum):
    moderator = StaffFactory(role=MODERATOR)
    client = password_only(moderator)

    response = client.post(
        reverse("forum:subscription_toggle", args=["forum", forum.pk])
    )

    assert response.status_code == 403
    assert not moderator.forum_subscriptions.exists()
