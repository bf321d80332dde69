"""Forums: posts and topics, subscriptions, reports, mutes, the moderation log."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.search import index

from privacy.footprint import person_traces
from privacy.registry import DataProvider, register

from . import markup
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
    reports = Report.objects.filter(reporter=user).select_related("post__topic")
    return {
        "display_name": profile.display_name if profile else "",
        "shown_as": profile.get_shown_as_display() if profile else "",
        "topics": [
            {
                "forum": str(t.forum),
                "title": t.title,
                "created_at": t.created_at.isoformat(),
            }
            for t in Topic.objects.filter(author=user).select_related("forum__course")
        ],
        "posts": [
            {
                "topic": post.topic.title,
                "text": post.body,
                "created_at": post.created_at.isoformat(),
                "hidden_by_moderator": post.is_hidden,
            }
            for post in Post.objects.filter(author=user)
            .select_related("topic")
            .order_by("created_at")
        ],
        "subscriptions": [
            {
                "subscribed_to": str(s.topic or s.forum),
                "created_at": s.created_at.isoformat(),
            }
            for s in Subscription.objects.filter(user=user).select_related(
                "topic", "forum__course"
            )
        ],
        "reports_sent": [
            {
                "topic": r.post.topic.title,
                "reason": r.get_reason_display(),
                "comment": r.comment,
                "created_at": r.created_at.isoformat(),
                "outcome": r.get_status_display(),
                "handled_at": r.handled_at.isoformat() if r.handled_at else None,
            }
            for r in reports
        ],
        "mutes": [
            {"until": m.until.isoformat(), "reason": m.reason}
            for m in Mute.objects.filter(user=user)
        ],
    }


LABELS = {
    "display_name": gettext_lazy("Display name on the forum"),
    "shown_as": gettext_lazy("How you are shown"),
    "topics": gettext_lazy("Topics you opened"),
    "forum": gettext_lazy("Course forum"),
    "title": gettext_lazy("Title"),
    "created_at": gettext_lazy("Date and time"),
    "posts": gettext_lazy("Your posts"),
    "topic": gettext_lazy("Topic"),
    "text": gettext_lazy("Text"),
    "hidden_by_moderator": gettext_lazy("Hidden by a moderator"),
    "subscriptions": gettext_lazy("Notification subscriptions"),
    "subscribed_to": gettext_lazy("Forum or topic"),
    "reports_sent": gettext_lazy("Posts you reported"),
    "reason": gettext_lazy("Reason"),
    "comment": gettext_lazy("Comment"),
    "outcome": gettext_lazy("Outcome"),
    "handled_at": gettext_lazy("Dealt with"),
    "mutes": gettext_lazy("Times you could not post"),
    "until": gettext_lazy("Until"),
}


def erase(user) -> list[str]:
    """Posts stay in their threads as "Użytkownik usunięty", without their text.

    What others wrote about the person (report comments, moderators' reasons)
    loses their name and contact data; a topic they opened whose title names them
    gets a neutral title; the search index forgets their posts.
    """
    traces = person_traces(user)
    post_ids = list(Post.objects.filter(author=user).values_list("pk", flat=True))
    topics = list(Topic.objects.filter(author=user))
    about_them = ModerationAction.objects.filter(
        Q(target_user=user) | Q(post__in=post_ids) | Q(topic__in=topics)
    )
    _redact(about_them, "reason", traces)
    _redact(Report.objects.filter(post__in=post_ids), "comment", traces)
    reports_sent = Report.objects.filter(reporter=user).update(
        reporter=None, comment=""
    )
    titles_kept = _retitle(topics, traces)
    Post.objects.filter(pk__in=post_ids).update(
        author=None, body="", body_html="", quoted=None
    )
    for post in Post.objects.filter(pk__in=post_ids):
        index.remove_object(post)
    Topic.objects.filter(author=user).update(author=None)
    Subscription.objects.filter(user=user).delete()
    TopicRead.objects.filter(user=user).delete()
    Report.objects.filter(handled_by=user).update(handled_by=None)
    Mute.objects.filter(user=user).delete()
    Mute.objects.filter(created_by=user).update(created_by=None)
    logged = about_them.count()
    ModerationAction.objects.filter(target_user=user).update(target_user=None)
    ModerationAction.objects.filter(moderator=user).update(moderator=None)
    ForumProfile.objects.filter(user=user).delete()
    return _kept_notes(
        posts=bool(post_ids), titles=titles_kept, logged=logged, reports=reports_sent
    )


def _redact(queryset, field, traces):
    """Take the person's names, addresses and contact data out of others' text."""
    removed = _("[removed]")
    for pk, text in queryset.exclude(**{field: ""}).values_list("pk", field):
        cleaned = markup.personal_data_redact(traces.redact(text, removed), removed)
        if cleaned != text:
            queryset.model.objects.filter(pk=pk).update(**{field: cleaned})


def _retitle(topics, traces) -> int:
    """A neutral title where the title names the person; return how many stay."""
    kept = 0
    for topic in topics:
        if traces.found_in(topic.title) or markup.personal_data_found(topic.title):
            Topic.objects.filter(pk=topic.pk).update(title=_("Topic (title removed)"))
        else:
            kept += 1
    return kept


def _kept_notes(*, posts, titles, logged, reports) -> list[str]:
    notes = []
    if posts:
        notes.append(
            _(
                'Your posts stay in their topics, signed "Deleted user" and '
                "without their text, so that other people's replies keep their place."
            )
        )
    if titles:
        notes.append(
            _(
                "The titles of topics you opened stay, because other people's "
                "replies are in them; none of them names you."
            )
        )
    if logged:
        notes.append(_("The moderation log keeps what was done, without naming you."))
    if reports:
        notes.append(
            _(
                "Reports you sent stay in the moderators' records, without your name "
                "and without your comment."
            )
        )
    return notes


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
        labels=LABELS,
        portable=("display_name", "shown_as", "topics", "posts"),
    )
)
