from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

USER = settings.AUTH_USER_MODEL


class ForumProfile(models.Model):
    """How a learner chose to appear in the forums: a pseudonym, or first name and
    surname initial; never the e-mail.

    A learner without a profile has not chosen yet: their posts are signed with an
    anonymous "Participant #<id>" (`selectors.display_name_for`) and they choose
    before their first post.
    """

    class ShownAs(models.TextChoices):
        NAME = "name", _("first name and surname initial")
        PSEUDONYM = "pseudonym", _("pseudonym")

    user = models.OneToOneField(
        USER, on_delete=models.CASCADE, related_name="forum_profile"
    )
    display_name = models.CharField(_("display name"), max_length=40)
    shown_as = models.CharField(
        _("shown as"),
        max_length=10,
        choices=ShownAs.choices,
        default=ShownAs.PSEUDONYM,
    )

    class Meta:
        verbose_name = _("forum profile")
        verbose_name_plural = _("forum profiles")
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"), name="forumprofile_name_unique"
            )
        ]

    def __str__(self):
        return self.display_name


class Forum(models.Model):
    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="forum"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course forum")
        verbose_name_plural = _("course forums")
        permissions = [("moderate_forum", _("Can moderate the course forums"))]

    def __str__(self):
        return self.course.title


class Topic(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("title"), max_length=150)
    author = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="forum_topics"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-is_pinned", "-last_activity_at"]
        indexes = [
            models.Index(
                fields=["forum", "-is_pinned", "-last_activity_at"],
                name="topic_listing",
            )
        ]

    def __str__(self):
        return self.title


class Post(index.Indexed, models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="forum_posts"
    )
    body = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    quoted = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)

    search_fields = [
        index.SearchField("body"),
        index.FilterField("topic"),
        index.FilterField("is_hidden"),
    ]

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"], name="post_in_topic")]

    def __str__(self):
        return f"{self.topic} #{self.pk}"

    @classmethod
    def get_indexed_objects(cls):
        """Only what learners may find: a hidden or erased post is not indexed."""
        return super().get_indexed_objects().filter(is_hidden=False).exclude(body="")

    @property
    def quote_available(self) -> bool:
        """Whether a reply quoting this post may show its text."""
        return not self.is_hidden and self.author_id is not None and bool(self.body)


class Subscription(models.Model):
    """E-mail notifications of new posts in a topic or in a whole course forum."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, null=True, blank=True)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(forum__isnull=True, topic__isnull=False)
                | Q(forum__isnull=False, topic__isnull=True),
                name="subscription_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"],
                condition=Q(forum__isnull=False),
                name="subscription_forum_once",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="subscription_topic_once",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.topic_id or self.forum_id}"


class TopicRead(models.Model):
    """When a learner last read a topic: the source of the unread markers."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="forum_reads")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="topicread_once")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.topic_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("offensive or hateful")
        PERSONAL_DATA = "personal_data", _("personal data of someone")
        SPAM = "spam", _("advertising or spam")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        OPEN = "open", _("waiting")
        RESOLVED = "resolved", _("dealt with")
        DISMISSED = "dismissed", _("dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="forum_reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status="open"),
                name="report_one_open_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.post_id})"


class Mute(models.Model):
    """A learner who may read the forums but not post until `until`."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="forum_mutes")
    until = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")
        ordering = ["-until"]

    def __str__(self):
        return f"{self.user_id} until {self.until:%Y-%m-%d %H:%M}"


class ModerationAction(models.Model):
    """The moderation log: who did what to which post or topic, and why."""

    class Kind(models.TextChoices):
        HIDE_POST = "hide_post", _("post hidden")
        RESTORE_POST = "restore_post", _("post restored")
        LOCK_TOPIC = "lock_topic", _("topic locked")
        UNLOCK_TOPIC = "unlock_topic", _("topic unlocked")
        PIN_TOPIC = "pin_topic", _("topic pinned")
        UNPIN_TOPIC = "unpin_topic", _("topic unpinned")
        MOVE_TOPIC = "move_topic", _("topic moved")
        MUTE_USER = "mute_user", _("learner muted")
        UNMUTE_USER = "unmute_user", _("mute lifted")
        DISMISS_REPORT = "dismiss_report", _("report dismissed")

    moderator = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=300)
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    target_user = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.reason}"
