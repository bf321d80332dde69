"""Panels on the admin's home page: each role opens the admin on its own work.

An app's panel says who may see it (`is_allowed`, which asks the app's
`permissions.py`) and what to show (`get_work`); its `wagtail_hooks.py` registers
`Panel.add_to_home` for Wagtail's `construct_homepage_panels` hook.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.admin.ui.components import Component


class RolePanel(Component):
    """One role's work on the admin's home page, shown only to people allowed it."""

    name = ""
    heading = ""
    icon = "placeholder"
    # Before Wagtail's own panels (200 and up): the role's work comes first.
    order = 100

    def __init__(self, request):
        self.request = request

    @classmethod
    def is_allowed(cls, user) -> bool:
        raise NotImplementedError

    @classmethod
    def add_to_home(cls, request, panels):
        if cls.is_allowed(request.user):
            panels.append(cls(request))

    def get_work(self) -> dict:
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        return {
            "panel": self,
            "request": self.request,
            **self.get_work(),
        }


def week_start(now=None):
    """Monday 00:00 of the current week, in the portal's time zone."""
    local = timezone.localtime(now or timezone.now())
    monday = local - timedelta(days=local.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def days_until(moment, now=None) -> int:
    """Whole calendar days from today to `moment` (negative when it has passed)."""
    today = timezone.localdate(now or timezone.now())
    return (timezone.localdate(moment) - today).days


def due_label(moment, now=None) -> str:
    """A due date as a person says it: "termin za 3 dni", "po terminie od 2 dni"."""
    now = now or timezone.now()
    days = days_until(moment, now)
    if moment < now:
        if days == 0:
            return gettext("overdue since today")
        return ngettext(
            "overdue by %(days)d day", "overdue by %(days)d days", -days
        ) % {"days": -days}
    if days == 0:
        return gettext("due today")
    if days == 1:
        return gettext("due tomorrow")
    return ngettext("due in %(days)d day", "due in %(days)d days", days) % {
        "days": days
    }
