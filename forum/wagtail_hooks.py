from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views, permissions


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate(request.user)


moderation_urls = [
    path("", admin_views.queue, name="queue"),
    path("dziennik/", admin_views.log, name="log"),
    path("temat/<int:topic_id>/", admin_views.topic_tools, name="topic"),
    path("wpis/<int:post_id>/", admin_views.post_tools, name="post"),
    path(
        "wpis/<int:post_id>/<str:action>/", admin_views.post_action, name="post_action"
    ),
    path(
        "temat/<int:topic_id>/<str:action>/",
        admin_views.topic_action,
        name="topic_action",
    ),
    path(
        "autor/<int:post_id>/<str:action>/", admin_views.user_action, name="user_action"
    ),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderacja/", include((moderation_urls, "forum_moderation")))]


@hooks.register("register_admin_menu_item")
def register_moderation_menu():
    return SubmenuMenuItem(
        _("Forums"),
        Menu(
            items=[
                ModeratorMenuItem(
                    _("Reported posts"),
                    reverse("forum_moderation:queue"),
                    icon_name="warning",
                    order=1,
                ),
                ModeratorMenuItem(
                    _("Moderation log"),
                    reverse("forum_moderation:log"),
                    icon_name="list-ul",
                    order=2,
                ),
            ]
        ),
        name="forum",
        icon_name="comment",
        order=400,
    )
