from django import template
from django.utils.translation import gettext as _

from portal.pages.models import NavigationSettings

register = template.Library()


def _navigation(context):
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_portal_navigation", None)
    if cached is None:
        cached = NavigationSettings.for_request(request)
        request._portal_navigation = cached
    return cached


@register.inclusion_tag("components/menu.html", takes_context=True)
def main_menu(context):
    navigation = _navigation(context)
    return {
        "request": context.get("request"),
        "links": navigation.main_menu if navigation else [],
        "label": _("Main menu"),
        "css_class": "main-nav",
    }


@register.inclusion_tag("components/menu.html", takes_context=True)
def footer_menu(context):
    navigation = _navigation(context)
    return {
        "request": context.get("request"),
        "links": navigation.footer_menu if navigation else [],
        "label": _("Footer"),
        "css_class": "footer-nav",
    }


@register.simple_tag(takes_context=True)
def page_query(context, number, param="strona"):
    """The current query string with another page number: filters and searches
    carry over to every page of a list."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()
