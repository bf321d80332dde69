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


def is_verified_learner(user) -> bool:
    """An active learner whose e-mail address is confirmed: enrols and posts."""
    from allauth.account.models import EmailAddress

    return (
        user.is_authenticated
        and user.is_active
        and user.is_learner
        and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def can_extend_session(user) -> bool:
    return user.is_authenticated and user.is_active


def can_see_own_data(user) -> bool:
    return user.is_authenticated and user.is_active


def can_edit_own_data(user) -> bool:
    """Restricted processing (RODO art. 18) freezes the data until it is lifted."""
    return can_see_own_data(user) and not user.processing_restricted


def must_accept_documents(user) -> bool:
    """Learners keep to the terms in force; staff are bound by their employment."""
    return user.is_authenticated and user.is_learner


def can_manage_two_factor(user) -> bool:
    return user.is_authenticated and not user.is_learner
