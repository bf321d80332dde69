"""Reads in the forums, each page in a fixed number of queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from portal.pages.selectors import search_terms

from .models import Post, Report, Subscription, Topic, TopicRead

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


def display_name_for(user) -> str:
    """The name shown with a person's posts: the one they chose.

    Until they choose, an anonymous "Participant #<id>" that keeps their posts
    apart from others' without naming them; an erased author (None) is shown as
    deleted.
    """
    if user is None:
        return _("Deleted user")
    profile = getattr(user, "forum_profile", None)
    if profile is not None:
        return profile.display_name
    return _("Participant #%(number)s") % {"number": user.pk}


def has_display_name(user) -> bool:
    """Whether the person has chosen how they appear (asked before a first post)."""
    return getattr(user, "forum_profile", None) is not None


def topic_page(*, forum, user, page_number, query=""):
    topics = Topic.objects.filter(forum=forum).select_related("author__forum_profile")
    if terms := search_terms(query):
        visible = Post.objects.filter(
            topic__in=Topic.objects.filter(forum=forum), is_hidden=False
        )
        matching = get_search_backend().search(terms, visible)
        topic_ids = {post.topic_id for post in matching[:500]}
        topics = topics.filter(Q(pk__in=topic_ids) | Q(title__icontains=terms))
    if user.is_authenticated:
        topics = topics.annotate(
            read_at=Subquery(
                TopicRead.objects.filter(user=user, topic=OuterRef("pk")).values(
                    "read_at"
                )[:1]
            )
        )
    ordered = topics.order_by("-is_pinned", "-last_activity_at")
    page = Paginator(ordered, TOPICS_PER_PAGE).get_page(page_number)
    for topic in page:
        read_at = getattr(topic, "read_at", None)
        topic.is_unread = user.is_authenticated and (
            read_at is None or read_at < topic.last_activity_at
        )
    return page


def post_page(*, topic, page_number):
    """A page of posts, each with the post it quotes and where that post is.

    A quote is shown from the quoted post itself (`quoted`, its author's current
    name, `quoted_url`), so hiding or erasing that post reaches every quote of it.
    """
    posts_before_quoted = (
        Post.objects.filter(topic=OuterRef("topic"))
        .filter(
            Q(created_at__lt=OuterRef("quoted__created_at"))
            | Q(created_at=OuterRef("quoted__created_at"), pk__lt=OuterRef("quoted"))
        )
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    )
    posts = (
        topic.posts.select_related(
            "author__forum_profile", "quoted__author__forum_profile"
        )
        .annotate(quoted_earlier=Coalesce(Subquery(posts_before_quoted), 0))
        .order_by("created_at", "pk")
    )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(page_number)
    for post in page:
        if post.quoted_id:
            post.quoted_url = _url_at(
                topic.pk, post.quoted_earlier // POSTS_PER_PAGE + 1, post.quoted_id
            )
    return page


def post_position_page(post) -> int:
    earlier = post.topic.posts.filter(
        Q(created_at__lt=post.created_at)
        | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    return earlier // POSTS_PER_PAGE + 1


def post_url(post) -> str:
    return _url_at(post.topic_id, post_position_page(post), post.pk)


def _url_at(topic_id, page, post_id) -> str:
    url = reverse("forum:topic", args=[topic_id])
    return (
        f"{url}?strona={page}#wpis-{post_id}" if page > 1 else f"{url}#wpis-{post_id}"
    )


def subscribed(*, user, forum=None, topic=None) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, forum=forum, topic=topic).exists()


def reports_waiting(*, limit: int) -> dict:
    """What the moderators' home shows: open reports and the longest-waiting posts.

    Two queries, however many reports wait.
    """
    open_reports = Q(reports__status=Report.Status.OPEN)
    totals = Report.objects.filter(status=Report.Status.OPEN).aggregate(
        reports=Count("pk"), posts=Count("post", distinct=True)
    )
    oldest = (
        Post.objects.filter(open_reports)
        .annotate(
            open_reports=Count("reports", filter=open_reports),
            first_report=Min("reports__created_at", filter=open_reports),
        )
        .select_related("topic__forum__course")
        .order_by("first_report", "pk")[:limit]
    )
    return {**totals, "oldest": list(oldest)}
