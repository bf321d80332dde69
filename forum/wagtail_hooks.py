from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.core.listings import ListingPolicy

from . import permissions
from .admin_home import ModerationPanel
from .models import ModerationAction, Post
from .viewsets import ForumModerationViewSetGroup

register_permission_policy(Post, ListingPolicy(Post, permissions.can_moderate))
register_permission_policy(
    ModerationAction, ListingPolicy(ModerationAction, permissions.can_moderate)
)


@hooks.register("register_admin_viewset")
def register_moderation_viewsets():
    return ForumModerationViewSetGroup()


hooks.register("construct_homepage_panels", ModerationPanel.add_to_home)
