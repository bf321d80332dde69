"""The data-protection officer's panel on the admin's home page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.admin_home import RolePanel, due_label

from . import permissions, selectors

NEAREST_SHOWN = 8


class DataRequestsPanel(RolePanel):
    name = "data_requests"
    heading = _("Data-subject requests to answer")
    icon = "mail"
    template_name = "wagtailadmin/home/data_requests.html"

    @classmethod
    def is_allowed(cls, user) -> bool:
        return permissions.can_handle_requests(user)

    def get_work(self) -> dict:
        work = selectors.requests_to_answer(limit=NEAREST_SHOWN)
        now = timezone.now()
        for data_request in work["nearest"]:
            due = data_request.due_at
            data_request.overdue = due is not None and due < now
            data_request.due_text = due_label(due, now) if due else ""
        return work
