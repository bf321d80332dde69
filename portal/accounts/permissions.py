"""Who may do what with accounts; views and templates ask here, never re-implement."""


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
