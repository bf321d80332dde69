from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.core.audit import audit_record
from portal.core.listings import ListingPolicy
from portal.core.models import AuditEntry

from . import permissions
from .admin_home import DataRequestsPanel
from .models import DataRequest
from .viewsets import DataProtectionViewSetGroup, audit_log

register_permission_policy(
    DataRequest, ListingPolicy(DataRequest, permissions.can_handle_requests)
)
register_permission_policy(
    AuditEntry, ListingPolicy(AuditEntry, permissions.can_read_audit_log)
)


@hooks.register("register_admin_viewset")
def register_data_protection_viewsets():
    return DataProtectionViewSetGroup()


hooks.register("construct_homepage_panels", DataRequestsPanel.add_to_home)


@hooks.register("register_admin_urls")
def register_audit_log_name():
    """The audit log's URL name from before it was a viewset."""
    return [path("dziennik-audytu/", audit_log.index_view, name="audit_log")]


@hooks.register("before_edit_user")
def record_user_edit(request, user):
    action = "change" if request.method == "POST" else "view"
    audit_record(request=request, action=action, obj=user)


@hooks.register("before_delete_user")
def record_user_delete(request, user):
    if request.method == "POST":
        audit_record(request=request, action="delete", obj=user)
