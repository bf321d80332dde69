from django import template

from portal.accounts import permissions

register = template.Library()


@register.filter
def can_access_admin(user) -> bool:
    """Let the header offer the admin to the people it lets in.

    Staff accounts are made staff (`services.staff_account_create`); a learner's
    account is neither staff nor superuser, so the header skips the permission
    queries for every learner (here and around the Wagtail userbar in base.html).
    The admin's own gate still asks the full question.
    """
    if not getattr(user, "is_authenticated", False) or user.is_learner:
        return False
    return permissions.can_access_admin(user)
