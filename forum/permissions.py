"""Who may read, write and moderate in the forums; views and templates ask here."""

from django.utils import timezone

from portal.accounts.permissions import is_verified_learner

EDIT_WINDOW_MINUTES = 30


def can_moderate(user) -> bool:
    """The moderator's permission; in the admin its gate asks for the second factor."""
    return user.is_authenticated and user.has_perm("forum.moderate_forum")


def can_moderate_here(user, *, second_factor=False) -> bool:
    """Moderating on the forum's own pages (every forum, hidden posts), which lie
    outside the admin: only in a session that passed the second factor
    (`portal.accounts.permissions.can_use_staff_privileges`)."""
    return second_factor and can_moderate(user)


def can_read(user, forum=None, *, second_factor=False) -> bool:
    """Moderators read every forum; verified learners those of published courses."""
    if can_moderate_here(user, second_factor=second_factor):
        return True
    if forum is not None and not forum.course.live:
        return False
    return is_verified_learner(user)


def active_mute(user):
    """The mute in force, remembered on the user object for the rest of the request
    (`request.user` is loaded afresh by every request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_kdp_mute"):
        user._kdp_mute = (
            user.forum_mutes.filter(until__gt=timezone.now()).order_by("-until").first()
        )
    return user._kdp_mute


def can_post(user) -> bool:
    """Verified learners who are neither muted nor restricted (RODO art. 18)."""
    return (
        is_verified_learner(user)
        and not user.processing_restricted
        and active_mute(user) is None
    )


def can_reply(user, topic) -> bool:
    return can_post(user) and not topic.is_locked


def _editable(user, post, topic) -> bool:
    if post.author_id != user.pk or post.is_hidden or topic.is_locked:
        return False
    age = timezone.now() - post.created_at
    return age.total_seconds() <= EDIT_WINDOW_MINUTES * 60


def can_edit(user, post) -> bool:
    """Authors change their own visible posts for a short while after writing,
    unless the post was reported: then the moderator sees what was reported."""
    return (
        can_post(user)
        and _editable(user, post, post.topic)
        and not post.reports.filter(status="open").exists()
    )


def editable_posts(user, posts, topic) -> set:
    """The ids of the posts on a page that this person may still edit."""
    if not can_post(user):
        return set()
    return {post.pk for post in posts if _editable(user, post, topic)}


def can_report(user, post) -> bool:
    return (
        can_post(user)
        and post.author_id != user.pk
        and not post.is_hidden
        and can_read(user, post.topic.forum)
    )
