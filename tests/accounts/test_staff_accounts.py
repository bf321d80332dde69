import re
from io import StringIO

import pytest
from django.core.management import call_command

from portal.accounts.models import User
from portal.accounts.roles import STAFF_ROLES

pytestmark = pytest.mark.django_db


def run_command():
    out = StringIO()
    call_command("create_staff_accounts", stdout=out)
    rows = re.findall(
        r"^([^\t]+)\t[^\t]+\t(\S+@\S+)\t(\S+)$", out.getvalue(), re.MULTILINE
    )
    # Roles with two accounts (Redaktor, Doradca zawodowy) keep their first one here.
    return {role: (email, password) for role, email, password in reversed(rows)}


def test_command_creates_one_account_per_role_with_a_printed_password(client):
    accounts = run_command()

    assert set(accounts) == set(STAFF_ROLES)
    for role, (email, password) in accounts.items():
        user = User.objects.get(email=email)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.check_password(password)
        assert len(password) >= 16


def test_running_it_again_generates_new_passwords_and_no_duplicates():
    first = run_command()
    second = run_command()

    assert User.objects.count() == len(STAFF_ROLES) + 2  # two editors, two counsellors
    for role in STAFF_ROLES:
        assert first[role][0] == second[role][0]
        assert first[role][1] != second[role][1]


def test_an_administrator_account_is_created_on_request():
    out = StringIO()
    call_command("create_staff_accounts", "--with-administrator", stdout=out)

    email, password = re.search(
        r"^Administrator\t[^\t]+\t(\S+)\t(\S+)$", out.getvalue(), re.MULTILINE
    ).groups()
    admin = User.objects.get(email=email)
    assert admin.is_superuser and not admin.groups.exists()
    assert admin.check_password(password)
