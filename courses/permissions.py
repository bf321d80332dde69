"""Who may do what in courses; views and templates ask here."""

from portal.accounts.permissions import is_verified_learner


def can_enroll(user, course) -> bool:
    return is_verified_learner(user)


def can_study(user, enrollment) -> bool:
    return enrollment is not None and enrollment.user_id == user.pk and user.is_active


def can_view_attempt(user, attempt) -> bool:
    return attempt.enrollment.user_id == user.pk


def can_download_certificate(user, certificate) -> bool:
    if not user.is_authenticated:
        return False
    if certificate.enrollment.user_id == user.pk:
        return True
    return user.has_perm("courses.view_certificate")


def can_view_statistics(user) -> bool:
    return user.is_authenticated and user.has_perm("courses.view_programme_statistics")
