import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.accounts.roles import (
    CENTRE_MANAGER,
    COORDINATOR,
    COUNSELLOR,
    DATA_PROTECTION_OFFICER,
    EDITOR,
    MODERATOR,
)
from tests.admin_helpers import admin_menu_names, login_with_second_factor
from tests.factories.accounts import StaffFactory

pytestmark = pytest.mark.django_db


def permissions_of(role):
    return sorted(
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_roles_are_exactly_the_six_staff_groups():
    assert set(Group.objects.values_list("name", flat=True)) == {
        EDITOR,
        DATA_PROTECTION_OFFICER,
        MODERATOR,
        COORDINATOR,
        COUNSELLOR,
        CENTRE_MANAGER,
    }


def test_each_role_holds_exactly_its_permissions():
    assert permissions_of(EDITOR) == [
        "counselling.add_location",
        "counselling.change_location",
        "counselling.view_location",
        "pages.change_navigationsettings",
        "privacy.change_legalsettings",
        "wagtailadmin.access_admin",
    ]
    assert permissions_of(COORDINATOR) == [
        "accounts.add_pupoffice",
        "accounts.change_pupoffice",
        "accounts.view_pupoffice",
        "courses.view_programme_statistics",
        "wagtailadmin.access_admin",
    ]
    assert permissions_of(MODERATOR) == [
        "forum.moderate_forum",
        "wagtailadmin.access_admin",
    ]
    assert permissions_of(DATA_PROTECTION_OFFICER) == [
        "core.view_auditentry",
        "privacy.add_cookiedeclaration",
        "privacy.change_cookiedeclaration",
        "privacy.change_datarequest",
        "privacy.change_retentionsettings",
        "privacy.delete_cookiedeclaration",
        "privacy.view_cookiedeclaration",
        "privacy.view_datarequest",
        "wagtailadmin.access_admin",
    ]
    assert permissions_of(COUNSELLOR) == [
        "counselling.counsel",
        "wagtailadmin.access_admin",
    ]
    assert permissions_of(CENTRE_MANAGER) == [
        "counselling.add_counsellor",
        "counselling.add_location",
        "counselling.add_workshop",
        "counselling.change_counsellingsettings",
        "counselling.change_counsellor",
        "counselling.change_location",
        "counselling.change_workshop",
        "counselling.manage_centre",
        "counselling.view_counsellor",
        "counselling.view_location",
        "counselling.view_workshop",
        "wagtailadmin.access_admin",
    ]
    editors = Group.objects.get(name=EDITOR)
    assert sorted(
        editors.page_permissions.values_list("permission__codename", flat=True)
    ) == [
        "add_page",
        "change_page",
        "lock_page",
    ]


@pytest.mark.parametrize(
    "role, visible, hidden",
    [
        (
            EDITOR,
            {"explorer", "images", "documents", "settings"},
            {"program", "help", "forum"},
        ),
        (
            COORDINATOR,
            {"program"},
            {"explorer", "images", "documents", "settings", "help"},
        ),
        (MODERATOR, {"forum"}, {"explorer", "program", "settings", "help", "images"}),
        (
            DATA_PROTECTION_OFFICER,
            # Their retention periods sit under Settings, alone there.
            {"ochrona-danych", "settings", "okresy-przechowywania"},
            {"explorer", "program", "help", "forum", "menu-i-stopka"},
        ),
    ],
)
def test_each_role_sees_only_its_part_of_the_admin_menu(client, role, visible, hidden):
    user = StaffFactory(role=role)
    login_with_second_factor(client, user)

    names = admin_menu_names(client)

    assert visible <= names
    assert not (hidden & names)


def test_a_learner_never_reaches_the_admin(client, learner):
    client.force_login(learner)

    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/pages/").status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_sign_in_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_admin_sign_in_form_is_replaced_by_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/admin/"


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    user = StaffFactory(role=EDITOR)
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_staff_with_an_authenticator_must_use_it_to_sign_in(client, password):
    user = StaffFactory(role=COORDINATOR)
    login_with_second_factor(client, user)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": password}
    )

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


def test_wagtails_own_sign_in_form_is_not_reachable(client, learner, password):
    response = client.post(
        "/_util/login/", {"username": learner.email, "password": password}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_staff_cannot_switch_off_their_second_factor(client):
    from allauth.mfa.models import Authenticator

    user = StaffFactory(role=EDITOR)
    login_with_second_factor(client, user)

    client.post(reverse("mfa_deactivate_totp"))

    assert Authenticator.objects.filter(user=user, type="totp").exists()


def test_a_session_whose_authenticator_was_removed_loses_the_admin(client):
    from allauth.mfa.models import Authenticator

    user = StaffFactory(role=EDITOR)
    login_with_second_factor(client, user)
    Authenticator.objects.filter(user=user).delete()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_changing_an_existing_authenticator_asks_for_the_password_again(client):
    user = StaffFactory(role=EDITOR)
    login_with_second_factor(client, user)

    response = client.get(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_the_recovery_codes_follow_a_first_totp_without_the_password_again(password):
    from django.test import Client

    from tests.admin_helpers import totp_code

    client = Client()  # the notification mail is sent on commit, not in this test
    user = StaffFactory(role=EDITOR)
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret

    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert activated.url == reverse("mfa_view_recovery_codes")
    assert client.get(activated.url).status_code == 200
