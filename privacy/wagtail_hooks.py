from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, permissions
from .viewsets import DataProtectionViewSetGroup

request_urls = [
    path("", admin_views.request_list, name="list"),
    path("<int:pk>/", admin_views.request_detail, name="detail"),
    path("<int:pk>/<str:action>/", admin_views.request_action, name="action"),
]


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_handle_requests(request.user)


@hooks.register("register_admin_viewset")
def register_data_protection_viewsets():
    return DataProtectionViewSetGroup()


@hooks.register("register_admin_urls")
def register_request_urls():
    return [
        path("wnioski-rodo/", include((request_urls, "data_requests"))),
        path("dziennik-audytu/", admin_views.audit_log, name="audit_log"),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_read_audit_log(request.user)


@hooks.register("register_data_protection_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Audit log"), reverse("audit_log"), icon_name="history", order=1
    )


@hooks.register("before_edit_user")
def record_user_edit(request, user):
    from . import services

    action = "change" if request.method == "POST" else "view"
    services.audit_record(request=request, action=action, obj=user)


@hooks.register("before_delete_user")
def record_user_delete(request, user):
    from . import services

    if request.method == "POST":
        services.audit_record(request=request, action="delete", obj=user)


@hooks.register("register_data_protection_menu_item")
def register_requests_menu_item():
    return RequestsMenuItem(
        _("Data-subject requests"),
        reverse("data_requests:list"),
        icon_name="mail",
        order=0,
    )
