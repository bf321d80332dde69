"""Who may do what with accounts; views and templates ask here, never re-implement."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied


class SecondFactorRequired(PermissionDenied):
    """A staff privilege would open this page, but the session has no second factor.

    `portal.accounts.middleware.StaffAdminAccessMiddleware` answers it as the admin's
    gate does (set up TOTP, or sign in again with the code); anywhere else it is a 403.
    """


def can_access_admin(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
    )


def must_use_two_factor(user) -> bool:
    """Every account that can enter the admin signs in with a second factor."""
    return can_access_admin(user)


def session_has_second_factor(request) -> bool:
    """The session passed a TOTP check, and the account still has that TOTP."""
    records = get_authentication_records(request, request.user)
    if not any(record.get("method") == "mfa" for record in records):
        return False
    return Authenticator.objects.filter(
        user=request.user, type=Authenticator.Type.TOTP
    ).exists()


def can_use_staff_privileges(request) -> bool:
    """Whether permissions beyond a learner's count in this request.

    The admin's gate asks for the second factor at its door; pages outside it that
    show staff what a learner would not see (someone else's certificate, a hidden
    forum post, the forum of an unpublished course) ask here. Without it, staff see
    what anyone else sees, and are asked for it (`SecondFactorRequired`) where that
    is nothing.
    """
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(request, "_staff_privileges"):
        request._staff_privileges = session_has_second_factor(request)
    return request._staff_privileges


def is_verified_learner(user) -> bool:
    """An active learner whose e-mail address is confirmed: enrols and posts.

    The address lookup is remembered on the user object, which a request loads
    afresh (`request.user`), so one page asks the database once, never again in
    the next request.
    """
    from allauth.account.models import EmailAddress

    if not (user.is_authenticated and user.is_active and user.is_learner):
        return False
    if not hasattr(user, "_kdp_verified"):
        user._kdp_verified = EmailAddress.objects.filter(
            user=user, verified=True
        ).exists()
    return user._kdp_verified


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
