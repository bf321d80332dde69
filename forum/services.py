"""Writes in the forums: topics, posts, subscriptions, reports and moderation."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.search import index

from portal.core import outbox
from portal.core.ratelimit import rate_limit_allow

from . import markup
from .models import (
    Forum,
    ForumProfile,
    ModerationAction,
    Mute,
    Post,
    Report,
    Subscription,
    Topic,
    TopicRead,
)
from .selectors import display_name_for  # noqa: F401 (callers ask the services)
from .tasks import post_notify_task

POST_LIMITS = ((5, 60), (40, 60 * 60))  # (how many, within seconds)
REPORT_LIMIT = (10, 60 * 60)


class RateLimited(Exception):
    pass


class PersonalDataFound(Exception):
    """Text that seems to hold personal data, sent without the author's confirmation.

    `kinds` names what was found, as `markup.personal_data_found` does ("pesel",
    "phone", "email"); the post form shows the same warning before it comes to this.
    """

    def __init__(self, kinds):
        self.kinds = tuple(kinds)
        super().__init__(f"Personal data not confirmed: {', '.join(self.kinds)}")


def forum_for_course(*, course) -> Forum:
    forum, _created = Forum.objects.get_or_create(course=course)
    return forum


def _name_with_initial(user) -> str:
    return f"{user.first_name.strip()[:30]} {user.last_name.strip()[:1]}.".strip()


def name_with_initial_preview(user) -> str:
    """The name "first name and surname initial" would give, before the number
    that sets it apart from a namesake."""
    return _name_with_initial(user) if user.first_name.strip() else ""


def _free_name(base: str, user) -> str:
    taken = ForumProfile.objects.exclude(user=user)
    name, number = base, 1
    while taken.filter(display_name__iexact=name).exists():
        number += 1
        name = f"{base} {number}"
    return name


class NameTaken(Exception):
    """Someone else took the pseudonym between the form's check and the save."""


def forum_profile_choose(*, user, shown_as: str, pseudonym: str = "") -> ForumProfile:
    """Record how the person appears in the forums, as they chose.

    A pseudonym is kept as typed (`NameTaken` when another person has it); a name
    with initial gets a number when a namesake has it already ("Anna K. 2").
    """
    if shown_as == ForumProfile.ShownAs.NAME:
        base = _name_with_initial(user)
        names = (_free_name(base, user), f"{base} {user.pk}")
    else:
        names = (pseudonym.strip(),)
    for name in names:
        try:
            with transaction.atomic():
                profile, _created = ForumProfile.objects.update_or_create(
                    user=user, defaults={"display_name": name, "shown_as": shown_as}
                )
                return profile
        except IntegrityError:  # a parallel request took the name
            continue
    raise NameTaken(names[-1])


def _check_post_rate(user):
    for limit, window in POST_LIMITS:
        if not rate_limit_allow(
            key=f"forum-post:{user.pk}:{window}", limit=limit, window=window
        ):
            if window <= 60:
                raise RateLimited(
                    _("You are posting very often. Wait a minute and try again.")
                )
            raise RateLimited(
                _("You have written a lot in the last hour. Try again in an hour.")
            )


def _check_personal_data(text: str, *, confirmed: bool) -> None:
    """Refuse text that seems to hold a PESEL, a phone number or an e-mail address,
    unless the author confirmed they want to publish it."""
    if confirmed:
        return
    if found := markup.personal_data_found(text):
        raise PersonalDataFound(found)


def _notify(post):
    outbox.enqueue(post_notify_task, post.pk)


@transaction.atomic
def topic_create(
    *, forum, author, title: str, body: str, confirm_personal_data: bool = False
) -> Topic:
    _check_personal_data(f"{title}\n{body}", confirmed=confirm_personal_data)
    _check_post_rate(author)
    now = timezone.now()
    topic = Topic.objects.create(
        forum=forum,
        author=author,
        title=title.strip(),
        created_at=now,
        last_activity_at=now,
    )
    post = Post.objects.create(
        topic=topic,
        author=author,
        body=body,
        body_html=markup.render(body),
        created_at=now,
    )
    Subscription.objects.get_or_create(user=author, topic=topic)
    TopicRead.objects.update_or_create(
        user=author, topic=topic, defaults={"read_at": now}
    )
    _notify(post)
    return topic


@transaction.atomic
def post_create(
    *, topic, author, body: str, quoted=None, confirm_personal_data: bool = False
) -> Post:
    _check_personal_data(body, confirmed=confirm_personal_data)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    if topic.is_locked:
        raise PermissionDenied
    _check_post_rate(author)
    now = timezone.now()
    post = Post.objects.create(
        topic=topic,
        author=author,
        body=body,
        body_html=markup.render(body),
        quoted=quoted if quoted and quoted.topic_id == topic.pk else None,
        created_at=now,
    )
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    Subscription.objects.get_or_create(user=author, topic=topic)
    TopicRead.objects.update_or_create(
        user=author, topic=topic, defaults={"read_at": now}
    )
    _notify(post)
    return post


@transaction.atomic
def post_edit(*, post, body: str, confirm_personal_data: bool = False) -> Post:
    _check_personal_data(body, confirmed=confirm_personal_data)
    _check_post_rate(post.author)
    post.body = body
    post.body_html = markup.render(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    return post


def topic_mark_read(*, user, topic) -> None:
    """Mark the topic read; a marker already as new as the topic's last activity
    stays as it is, so reading a read topic again writes nothing."""
    if TopicRead.objects.filter(
        user=user, topic=topic, read_at__gte=topic.last_activity_at
    ).exists():
        return
    TopicRead.objects.update_or_create(
        user=user, topic=topic, defaults={"read_at": timezone.now()}
    )


def subscription_toggle(*, user, forum=None, topic=None) -> bool:
    """Subscribe, or unsubscribe when already subscribed; return the new state."""
    existing = Subscription.objects.filter(user=user, forum=forum, topic=topic)
    if existing.exists():
        existing.delete()
        return False
    Subscription.objects.create(user=user, forum=forum, topic=topic)
    return True


@transaction.atomic
def post_report(*, post, reporter, reason: str, comment: str = "") -> Report:
    limit, window = REPORT_LIMIT
    if not rate_limit_allow(
        key=f"forum-report:{reporter.pk}", limit=limit, window=window
    ):
        raise RateLimited(_("You have sent many reports. Try again later."))
    report, _created = Report.objects.get_or_create(
        post=post,
        reporter=reporter,
        status=Report.Status.OPEN,
        defaults={"reason": reason, "comment": comment},
    )
    return report


# Moderation ------------------------------------------------------------------------


def _log(*, by, kind, reason, topic=None, post=None, target_user=None, **details):
    return ModerationAction.objects.create(
        moderator=by,
        kind=kind,
        reason=reason,
        topic=topic,
        post=post,
        target_user=target_user,
        details=details,
    )


def _close_reports(post, by, status):
    post.reports.filter(status=Report.Status.OPEN).update(
        status=status, handled_by=by, handled_at=timezone.now()
    )


@transaction.atomic
def post_hide(*, post, by, reason: str) -> Post:
    post.is_hidden = True
    post.save(update_fields=["is_hidden"])
    index.remove_object(post)  # hidden text must not be found by searching
    _close_reports(post, by, Report.Status.RESOLVED)
    _log(
        by=by,
        kind=ModerationAction.Kind.HIDE_POST,
        reason=reason,
        post=post,
        topic=post.topic,
        target_user=post.author,
    )
    return post


@transaction.atomic
def post_restore(*, post, by, reason: str) -> Post:
    post.is_hidden = False
    post.save(update_fields=["is_hidden"])
    index.insert_or_update_object(post)
    _log(
        by=by,
        kind=ModerationAction.Kind.RESTORE_POST,
        reason=reason,
        post=post,
        topic=post.topic,
        target_user=post.author,
    )
    return post


@transaction.atomic
def report_dismiss(*, report, by, reason: str) -> Report:
    _close_reports(report.post, by, Report.Status.DISMISSED)
    _log(
        by=by,
        kind=ModerationAction.Kind.DISMISS_REPORT,
        reason=reason,
        post=report.post,
        topic=report.post.topic,
    )
    return report


@transaction.atomic
def topic_set_locked(*, topic, by, locked: bool, reason: str) -> Topic:
    topic.is_locked = locked
    topic.save(update_fields=["is_locked"])
    kind = (
        ModerationAction.Kind.LOCK_TOPIC
        if locked
        else ModerationAction.Kind.UNLOCK_TOPIC
    )
    _log(by=by, kind=kind, reason=reason, topic=topic)
    return topic


@transaction.atomic
def topic_set_pinned(*, topic, by, pinned: bool, reason: str) -> Topic:
    topic.is_pinned = pinned
    topic.save(update_fields=["is_pinned"])
    kind = (
        ModerationAction.Kind.PIN_TOPIC if pinned else ModerationAction.Kind.UNPIN_TOPIC
    )
    _log(by=by, kind=kind, reason=reason, topic=topic)
    return topic


@transaction.atomic
def topic_move(*, topic, by, forum, reason: str) -> Topic:
    previous = topic.forum
    topic.forum = forum
    topic.save(update_fields=["forum"])
    _log(
        by=by,
        kind=ModerationAction.Kind.MOVE_TOPIC,
        reason=reason,
        topic=topic,
        moved_from=previous.course.title,
        moved_to=forum.course.title,
    )
    return topic


@transaction.atomic
def user_mute(*, user, by, days: int, reason: str) -> Mute:
    user.__dict__.pop("_kdp_mute", None)  # forget what forum.permissions remembered
    mute = Mute.objects.create(
        user=user,
        until=timezone.now() + timedelta(days=days),
        reason=reason,
        created_by=by,
    )
    _log(
        by=by,
        kind=ModerationAction.Kind.MUTE_USER,
        reason=reason,
        target_user=user,
        until=mute.until.isoformat(),
    )
    return mute


@transaction.atomic
def user_unmute(*, user, by, reason: str) -> None:
    user.__dict__.pop("_kdp_mute", None)  # forget what forum.permissions remembered
    user.forum_mutes.filter(until__gt=timezone.now()).update(until=timezone.now())
    _log(by=by, kind=ModerationAction.Kind.UNMUTE_USER, reason=reason, target_user=user)
