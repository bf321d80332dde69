"""Read-only admin listings (Wagtail generic index views) that any app can declare."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils import dateformat, timezone
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy


class ListingPolicy(BasePermissionPolicy):
    """Show a listing to those `can_view` lets in; nobody adds, changes or deletes.

    Registered for the model in wagtail_hooks, so the index view and its menu item
    ask the app's permissions module, as the rest of the app does.
    """

    def __init__(self, model, can_view):
        super().__init__(model)
        self.can_view = can_view

    def user_has_permission(self, user, action):
        return action == "view" and self.can_view(user)


class ListingViewSet(ModelViewSet):
    """A model viewset with its listing only: records change on their own screens."""

    add_to_reference_index = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def register_admin_url_finder(self):
        """There is no generic edit screen for Wagtail to link to."""

    def get_permissions_to_register(self):
        """Roles get these permissions from migrations, not from the group editor."""
        return Permission.objects.none()


def local_time(value, format_string) -> str:
    """A time in the portal's time zone, formatted for a listing column."""
    return dateformat.format(timezone.localtime(value), format_string) if value else ""
