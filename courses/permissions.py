"""Who may do what in courses; views and templates ask here."""

from portal.accounts.permissions import is_verified_learner


def can_enroll(user, course) -> bool:
    return is_verified_learner(user)


def can_study(user, enrollment) -> bool:
    return enrollment is not None and enrollment.user_id == user.pk and user.is_active


def can_view_attempt(user, attempt) -> bool:
    return attempt.enrollment.user_id == user.pk


def can_read_certificates(user) -> bool:
    """Staff who may open anyone's certificate (with a second factor, see below)."""
    return user.is_authenticated and user.has_perm("courses.view_certificate")


def can_download_certificate(user, certificate, *, second_factor=False) -> bool:
    """The owner; or staff who may read certificates, in a session that passed the
    second factor (`portal.accounts.permissions.can_use_staff_privileges`)."""
    if not user.is_authenticated:
        return False
    if certificate.enrollment.user_id == user.pk:
        return True
    return second_factor and can_read_certificates(user)


def can_view_statistics(user) -> bool:
    return user.is_authenticated and user.has_perm("courses.view_programme_statistics")
