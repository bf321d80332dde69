"""Forums: posts and topics, subscriptions, reports, mutes, the moderation log."""

from django.db.models import Q
from django.utils.translation import gettext as _

from privacy.registry import DataProvider, register

from .models import (
    ForumProfile,
    ModerationAction,
    Mute,
    Post,
    Report,
    Subscription,
    Topic,
    TopicRead,
)


def export(user) -> dict:
    profile = ForumProfile.objects.filter(user=user).first()
    return {
        "display_name": profile.display_name if profile else "",
        "topics": [
            {"title": t.title, "created_at": t.created_at.isoformat()}
            for t in Topic.objects.filter(author=user)
        ],
        "posts": [
            {
                "topic": post.topic.title,
                "text": post.body,
                "created_at": post.created_at.isoformat(),
                "hidden_by_moderator": post.is_hidden,
            }
            for post in Post.objects.filter(author=user).select_related("topic")
        ],
        "subscriptions": Subscription.objects.filter(user=user).count(),
        "reports_sent": [
            {"reason": r.get_reason_display(), "created_at": r.created_at.isoformat()}
            for r in Report.objects.filter(reporter=user)
        ],
        "mutes": [
            {"until": m.until.isoformat(), "reason": m.reason}
            for m in Mute.objects.filter(user=user)
        ],
    }


def erase(user) -> list[str]:
    """Posts stay in their threads as "Użytkownik usunięty", without their text."""
    Post.objects.filter(author=user).update(author=None, body="", body_html="")
    Topic.objects.filter(author=user).update(author=None)
    Subscription.objects.filter(user=user).delete()
    TopicRead.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).update(reporter=None)
    Report.objects.filter(handled_by=user).update(handled_by=None)
    Mute.objects.filter(user=user).delete()
    Mute.objects.filter(created_by=user).update(created_by=None)
    ModerationAction.objects.filter(Q(target_user=user)).update(target_user=None)
    ModerationAction.objects.filter(moderator=user).update(moderator=None)
    ForumProfile.objects.filter(user=user).delete()
    return [
        _(
            "Titles of topics you opened stay, so that other people's replies keep "
            "their place; your name is removed from them."
        ),
        _("The moderation log keeps what was done, without naming you."),
    ]


register(
    DataProvider(
        key="forum",
        label="Forum",
        models=(
            ForumProfile,
            Topic,
            Post,
            Subscription,
            TopicRead,
            Report,
            Mute,
            ModerationAction,
        ),
        export=export,
        erase=erase,
    )
)
