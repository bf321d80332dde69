from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import ModerationAction, Mute, Report
from portal.accounts.roles import EDITOR, MODERATOR
from tests.admin_helpers import login_with_second_factor
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.courses import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(topic):
    reporter = UserFactory()
    post = topic.posts.first()
    services.post_report(post=post, reporter=reporter, reason="offensive")
    return post


@pytest.fixture
def moderator(client):
    user = StaffFactory(role=MODERATOR)
    login_with_second_factor(client, user)
    return user


def moderation_urls(post, topic):
    return [
        reverse("forum_moderation:queue"),
        reverse("forum_moderation:log"),
        reverse("forum_moderation:topic", args=[topic.pk]),
        reverse("forum_moderation:post_action", args=[post.pk, "hide"]),
        reverse("forum_moderation:post_action", args=[post.pk, "restore"]),
        reverse("forum_moderation:post_action", args=[post.pk, "dismiss"]),
        reverse("forum_moderation:topic_action", args=[topic.pk, "lock"]),
        reverse("forum_moderation:topic_action", args=[topic.pk, "pin"]),
        reverse("forum_moderation:topic_action", args=[topic.pk, "move"]),
        reverse("forum_moderation:user_action", args=[post.pk, "mute"]),
        reverse("forum_moderation:user_action", args=[post.pk, "unmute"]),
    ]


def test_a_learner_gets_no_moderation_action(client, reported):
    client.force_login(UserFactory())
    for url in moderation_urls(reported, reported.topic):
        response = client.post(url, {"reason": "x", "days": 1})
        assert response.status_code in (403, 404), url
    reported.refresh_from_db()
    assert not reported.is_hidden and not ModerationAction.objects.exists()


def test_other_staff_roles_get_no_moderation_action(client, reported):
    login_with_second_factor(client, StaffFactory(role=EDITOR))
    for url in moderation_urls(reported, reported.topic):
        response = client.post(url, {"reason": "x", "days": 1})
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or response.url == "/admin/"
    assert not ModerationAction.objects.exists()


def test_the_queue_shows_the_report_and_only_the_display_name(
    client, moderator, reported
):
    html = client.get(reverse("forum_moderation:queue")).content.decode()
    assert reported.topic.title in html
    assert reported.author.forum_profile.display_name in html
    assert reported.author.email not in html
    assert reported.author.last_name not in html


def test_hiding_needs_a_reason_and_is_logged(client, moderator, reported):
    url = reverse("forum_moderation:post_action", args=[reported.pk, "hide"])
    client.post(url, {"reason": ""})
    reported.refresh_from_db()
    assert not reported.is_hidden

    client.post(url, {"reason": "Obraźliwy język"})

    reported.refresh_from_db()
    assert reported.is_hidden
    assert not Report.objects.filter(post=reported, status="open").exists()
    action = ModerationAction.objects.get()
    assert (action.moderator, action.kind, action.reason) == (
        moderator,
        "hide_post",
        "Obraźliwy język",
    )


def test_a_hidden_post_shows_a_notice_instead_of_its_text(client, reported):
    services.post_hide(post=reported, by=StaffFactory(role=MODERATOR), reason="x")
    client.force_login(UserFactory())
    html = client.get(reverse("forum:topic", args=[reported.topic_id])).content.decode()
    assert reported.body_html not in html


def test_a_muted_learner_can_read_but_not_post_by_any_url(client, moderator, reported):
    author = reported.author
    client.post(
        reverse("forum_moderation:user_action", args=[reported.pk, "mute"]),
        {"reason": "Spam", "days": 1},
    )
    assert Mute.objects.filter(user=author).exists()

    client.force_login(author)
    topic_url = reverse("forum:topic", args=[reported.topic_id])
    page = client.get(topic_url)
    assert page.status_code == 200
    assert "Spam" in page.content.decode()
    assert client.post(topic_url, {"body": "Próbuję"}).status_code == 403
    assert (
        client.post(
            reverse("forum:topic_new", args=[reported.topic.forum_id]),
            {"title": "T", "body": "B"},
        ).status_code
        == 403
    )
    assert reported.topic.posts.count() == 1


def test_lock_pin_and_move_a_topic(client, moderator, topic):
    other_course = make_course(slug="inny-kurs")
    for action in ("lock", "pin"):
        client.post(
            reverse("forum_moderation:topic_action", args=[topic.pk, action]),
            {"reason": "porządek"},
        )
    client.post(
        reverse("forum_moderation:topic_action", args=[topic.pk, "move"]),
        {"reason": "nie ten kurs", "forum": other_course.forum.pk},
    )
    topic.refresh_from_db()
    assert topic.is_locked and topic.is_pinned
    assert topic.forum == other_course.forum
    assert ModerationAction.objects.count() == 3

    client.force_login(UserFactory())
    response = client.post(reverse("forum:topic", args=[topic.pk]), {"body": "Hej"})
    assert response.status_code == 403


def test_hidden_posts_cannot_be_read_through_the_report_form(client, reported):
    services.post_hide(post=reported, by=StaffFactory(role=MODERATOR), reason="x")
    client.force_login(UserFactory())
    response = client.get(reverse("forum:post_report", args=[reported.pk]))
    assert response.status_code == 404


def test_a_muted_learner_cannot_report_or_edit_either(client, topic, learner):
    post = topic.posts.first()
    services.user_mute(
        user=learner, by=StaffFactory(role=MODERATOR), days=1, reason="x"
    )
    client.force_login(learner)
    assert client.get(reverse("forum:post_edit", args=[post.pk])).status_code == 404
    other_post = services.post_create(topic=topic, author=UserFactory(), body="Inny")
    assert (
        client.get(reverse("forum:post_report", args=[other_post.pk])).status_code
        == 404
    )


def test_a_reported_post_cannot_be_rewritten_by_its_author(client, reported):
    client.force_login(reported.author)
    response = client.get(reverse("forum:post_edit", args=[reported.pk]))
    assert response.status_code == 404


def test_the_queue_shows_the_oldest_open_report_first(client, moderator, topic):
    old = topic.posts.first()
    newer = services.post_create(topic=topic, author=UserFactory(), body="Nowszy")
    services.post_report(post=old, reporter=UserFactory(), reason="spam")
    services.post_report(post=newer, reporter=UserFactory(), reason="spam")
    Report.objects.filter(post=old).update(
        created_at=timezone.now() - timedelta(days=5)
    )
    Report.objects.filter(post=newer).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    services.post_report(post=old, reporter=UserFactory(), reason="other")

    queue = client.get(reverse("forum_moderation:queue")).context["object_list"]

    assert [post.pk for post in queue] == [old.pk, newer.pk]


def test_the_forum_of_an_unpublished_course_is_closed_to_learners(
    client, course, learner
):
    course.unpublish()
    client.force_login(learner)
    assert client.get(reverse("forum:index", args=[course.forum.pk])).status_code == 403


def test_moderation_never_redirects_outside_the_portal(client, moderator, reported):
    response = client.post(
        reverse("forum_moderation:post_action", args=[reported.pk, "hide"]),
        {"reason": "x", "next": "https://evil.example/"},
    )
    assert response.url == reverse("forum_moderation:queue")
