from django import template

from portal.accounts import permissions

register = template.Library()


@register.filter
def can_access_admin(user) -> bool:
    """Let the header offer the admin to the people it lets in."""
    return permissions.can_access_admin(user)
