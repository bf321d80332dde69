from django import template

from portal.accounts import two_factor

register = template.Library()


@register.simple_tag(takes_context=True)
def two_factor_setup_next(context) -> str:
    """Where the person was going before setting up the authenticator app."""
    request = context.get("request")
    return two_factor.setup_next(request) if request is not None else ""
