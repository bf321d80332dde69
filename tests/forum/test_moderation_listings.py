"""The moderators' listings: the queue of reported posts and the moderation log."""

import pytest
from django.urls import reverse

from forum import services
from forum.models import ModerationAction
from portal.accounts.roles import MODERATOR
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    user = StaffFactory(role=MODERATOR)
    login_with_second_factor(client, user)
    return user


def reported_post(topic, *reasons):
    post = services.post_create(topic=topic, author=UserFactory(), body="Reklama")
    for reason in reasons:
        services.post_report(post=post, reporter=UserFactory(), reason=reason)
    return post


def test_the_queue_counts_the_open_reports_and_gives_their_reasons(
    client, moderator, topic
):
    post = reported_post(topic, "spam", "off_topic")

    response = client.get(reverse("forum_moderation:queue"))

    [listed] = response.context["object_list"]
    assert (listed, listed.open_reports) == (post, 2)
    html = response.content.decode()
    assert "reklama lub spam" in html and "nie na temat" in html
    assert reverse("forum_moderation:post_action", args=[post.pk, "hide"]) in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_log_is_newest_first_and_filtered_by_kind(client, moderator, topic):
    post = reported_post(topic, "spam")
    services.post_hide(post=post, by=moderator, reason="Spam")
    services.topic_set_locked(topic=topic, by=moderator, locked=True, reason="Dość")
    hidden, locked = ModerationAction.objects.order_by("created_at", "pk")
    url = reverse("forum_moderation:log")

    assert list(client.get(url).context["object_list"]) == [locked, hidden]
    response = client.get(url, {"kind": "hide_post"})
    assert list(response.context["object_list"]) == [hidden]


def test_the_queue_and_the_log_run_no_query_per_row(
    client, moderator, topic, django_assert_max_num_queries
):
    urls = [reverse("forum_moderation:queue"), reverse("forum_moderation:log")]

    def add_rows(number):
        for _ in range(number):
            post = reported_post(topic, "spam", "other")
            services.user_mute(user=post.author, by=moderator, days=1, reason="x")

    add_rows(1)
    for url in urls:
        client.get(url)  # warm the caches
        with django_assert_max_num_queries(40) as first:
            client.get(url)
        add_rows(10)
        with django_assert_max_num_queries(len(first.captured_queries)):
            client.get(url)
