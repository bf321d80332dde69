"""The moderators' panel on the admin's home page: reports waiting for a decision."""

from django.utils.translation import gettext_lazy as _

from portal.core.admin_home import RolePanel

from . import permissions, selectors

OLDEST_SHOWN = 5


class ModerationPanel(RolePanel):
    name = "forum_reports"
    heading = _("Reported posts")
    icon = "warning"
    template_name = "wagtailadmin/home/forum_reports.html"

    @classmethod
    def is_allowed(cls, user) -> bool:
        return permissions.can_moderate(user)

    def get_work(self) -> dict:
        return selectors.reports_waiting(limit=OLDEST_SHOWN)
