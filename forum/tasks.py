from celery import shared_task
from django.conf import settings
from django.core import signing
from django.db.models import F, Q
from django.urls import reverse

from portal.core.mail import email_send
from portal.core.outbox import OutboxTask

from .models import Post, Subscription
from .selectors import display_name_for, post_url


@shared_task(base=OutboxTask, autoretry_for=(OSError,), retry_backoff=30, max_retries=8)
def post_notify_task(post_id):
    """Tell the subscribers of a topic or forum about a new post (not its author)."""

    post = Post.objects.select_related(
        "topic__forum__course", "author__forum_profile"
    ).get(pk=post_id)
    if post.is_hidden:
        return 0
    subscriptions = (
        Subscription.objects.filter(Q(topic=post.topic) | Q(forum=post.topic.forum))
        .exclude(user=post.author)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("user_id", F("topic_id").asc(nulls_first=True))
    )
    base_url = settings.PORTAL_BASE_URL.rstrip("/")
    post_path = post_url(post)
    author = display_name_for(post.author)
    sent = set()
    for subscription in subscriptions:
        if subscription.user_id in sent:
            continue
        sent.add(subscription.user_id)
        token = signing.dumps(subscription.pk, salt="forum-unsubscribe")
        unsubscribe = reverse("forum:unsubscribe", args=[token])
        email_send(
            template="forum/email/new_post",
            to=subscription.user.email,
            context={
                "post": post,
                "author": author,
                "post_path": post_path,
                "unsubscribe_path": unsubscribe,
                "whole_forum": subscription.forum_id is not None,
            },
            headers={
                "List-Unsubscribe": f"<{base_url}{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return len(sent)
