"""Reads in the forums, each page in a fixed number of queries."""

from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from portal.pages.selectors import search_terms

from .models import Post, Subscription, Topic, TopicRead

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


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
    posts = topic.posts.select_related("author__forum_profile").order_by(
        "created_at", "pk"
    )
    return Paginator(posts, POSTS_PER_PAGE).get_page(page_number)


def post_position_page(post) -> int:
    earlier = post.topic.posts.filter(
        Q(created_at__lt=post.created_at)
        | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    return earlier // POSTS_PER_PAGE + 1


def post_url(post) -> str:
    page = post_position_page(post)
    url = reverse("forum:topic", args=[post.topic_id])
    return (
        f"{url}?strona={page}#wpis-{post.pk}" if page > 1 else f"{url}#wpis-{post.pk}"
    )


def subscribed(*, user, forum=None, topic=None) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, forum=forum, topic=topic).exists()
