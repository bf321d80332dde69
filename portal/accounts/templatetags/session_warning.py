from django import template
from django.conf import settings

from portal.accounts import permissions, sessions

register = template.Library()


@register.inclusion_tag("components/session_warning.html", takes_context=True)
def session_warning(context):
    """The dialog that warns before an idle session ends, for signed-in people."""
    request = context.get("request")
    if request is None or not permissions.can_extend_session(request.user):
        return {"show": False}
    return {
        "show": True,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "seconds_left": sessions.seconds_left(request.session),
        "warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
