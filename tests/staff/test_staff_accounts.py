"""The staff accounts command: every role, two editors, each a distinct person."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from portal.accounts.models import User
from portal.accounts.roles import EDITOR, STAFF_ROLES

pytestmark = pytest.mark.django_db


def run_command(*args):
    out = StringIO()
    call_command("create_staff_accounts", *args, stdout=out)
    return re.findall(r"^(.+)\t(.+)\t(\S+@\S+)\t(\S+)$", out.getvalue(), re.MULTILINE)


def test_two_editors_are_created_so_that_a_page_can_be_approved_by_a_second_one():
    rows = run_command()

    editors = User.objects.filter(groups__name=EDITOR)
    assert editors.count() == 2
    assert {role for role, *_ in rows} == set(STAFF_ROLES)
    names = [name for _role, name, _email, _password in rows]
    assert len(set(names)) == len(names) == 8
    assert not any("konto testowe" in name or name in STAFF_ROLES for name in names)
    for _role, name, email, password in rows:
        user = User.objects.get(email=email)
        assert user.get_full_name() == name
        assert user.check_password(password)


def test_running_it_again_renames_old_accounts_and_creates_no_duplicates():
    User.objects.create_user(
        email="redaktor@kompetencjedlapracy.pl",
        first_name="Redaktor",
        last_name="(konto testowe)",
    )
    first = run_command()
    second = run_command("--with-administrator")

    assert User.objects.count() == 9
    assert [row[2] for row in first] == [row[2] for row in second][:8]
    assert all(a[3] != b[3] for a, b in zip(first, second, strict=False))
    renamed = User.objects.get(email="redaktor@kompetencjedlapracy.pl")
    assert renamed.last_name != "(konto testowe)"
    assert User.objects.get(email__startswith="administrator@").is_superuser
