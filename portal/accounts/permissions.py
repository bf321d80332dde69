"""Who may do what with accounts; views and templates ask here, never re-implement."""

from .roles import STAFF_ROLES


def is_staff_member(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return user.groups.filter(name__in=STAFF_ROLES).exists()


def can_access_admin(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
    )


def must_use_two_factor(user) -> bool:
    """Every account that can enter the admin signs in with a second factor."""
    return can_access_admin(user)


def can_edit_own_data(user) -> bool:
    return user.is_authenticated and user.is_active
