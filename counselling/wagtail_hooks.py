"""The counselling centre in the admin: the "Poradnictwo" menu, its screens, the
home panels, and the complaints and statistics screens of their own modules."""

from wagtail import hooks

from . import admin_complaints, admin_statistics
from .admin_home import CentrePanel, CounsellorPanel
from .viewsets import CounsellingViewSetGroup


@hooks.register("register_admin_viewset")
def register_counselling_viewsets():
    return CounsellingViewSetGroup()


@hooks.register("register_admin_urls")
def register_counselling_admin_urls():
    return [*admin_complaints.admin_urls(), *admin_statistics.admin_urls()]


hooks.register("construct_homepage_panels", CounsellorPanel.add_to_home)
hooks.register("construct_homepage_panels", CentrePanel.add_to_home)
