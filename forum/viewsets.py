"""The moderators' part of the admin: the queue of reported posts and the log."""

from django import forms
from django.db.models import Count, Min, Prefetch, Q
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup

from portal.core.listings import ListingViewSet, local_time

from . import admin_views
from .models import ModerationAction, Post, Report
from .selectors import display_name_for


def forum_name(user):
    """The name a learner uses in the forums: moderators never see who it is."""
    return display_name_for(user) if user else "–"


# The moderation log -----------------------------------------------------------------


class ModerationLogFilterSet(WagtailFilterSet):
    kind = ChoiceFilter(
        label=_("Action"),
        choices=ModerationAction.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ModerationAction
        fields = ["kind"]


def moderator_name(action):
    return (action.moderator and action.moderator.get_full_name()) or "–"


def logged_topic(action):
    topic = "–"
    if action.topic:
        topic = format_html(
            '<a href="{}">{}</a>',
            reverse("forum:topic", args=[action.topic_id]),
            action.topic.title,
        )
    if not action.post_id:
        return topic
    return format_html(
        '{}<br><a href="{}">{}</a>',
        topic,
        reverse("forum_moderation:post", args=[action.post_id]),
        _("Moderate this post"),
    )


class ModerationLogIndexView(IndexView):
    page_title = _("Moderation log")
    no_results_message = _("Nothing yet.")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("moderator", "topic", "target_user__forum_profile")
        )


class ModerationLogViewSet(ListingViewSet):
    model = ModerationAction
    name = "moderation_log"
    url_prefix = "moderacja/dziennik"
    icon = "list-ul"
    menu_label = _("Moderation log")
    index_view_class = ModerationLogIndexView
    filterset_class = ModerationLogFilterSet
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    list_display = [
        Column(
            "created_at",
            label=_("When"),
            accessor=lambda action: local_time(action.created_at, "Y-m-d H:i"),
        ),
        Column("moderator", label=_("Moderator"), accessor=moderator_name),
        Column("kind", label=_("Action"), accessor="get_kind_display"),
        Column("topic", label=_("Topic"), accessor=logged_topic),
        Column(
            "learner",
            label=_("Learner"),
            accessor=lambda action: forum_name(action.target_user),
        ),
        Column("reason", label=_("Reason")),
    ]


moderation_log = ModerationLogViewSet()


# The queue of reported posts --------------------------------------------------------

OPEN_REPORTS = Q(reports__status=Report.Status.OPEN)


def reported_topic(post):
    return format_html(
        '{} › <a href="{}#wpis-{}">{}</a>',
        post.topic.forum.course.title,
        reverse("forum:topic", args=[post.topic_id]),
        post.pk,
        post.topic.title,
    )


def reported_text(post):
    hidden = format_html("<strong>{}</strong>", _("hidden")) if post.is_hidden else ""
    # The HTML was cleaned with nh3 when the post was saved.
    return format_html(
        "<blockquote>{}</blockquote>{}", mark_safe(post.body_html), hidden
    )


def report_reasons(post):
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li>{}{}</li>",
            (
                (
                    report.get_reason_display(),
                    f": {report.comment}" if report.comment else "",
                )
                for report in post.open_report_list
            ),
        ),
    )


class ModerationFormsColumn(BaseColumn):
    """Hide the post, dismiss its reports or mute its author, each with a reason."""

    cell_template_name = "forum/admin/_queue_actions.html"

    def render_cell_html(self, instance, parent_context):
        # With the request, so that the forms get their CSRF token.
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=context["request"])


class QueueIndexView(IndexView):
    page_title = _("Reported posts")
    template_name = "forum/admin/queue.html"
    no_results_message = _("No reports are waiting. Well done!")
    is_searchable = False

    def get_base_queryset(self):
        return (
            Post.objects.filter(OPEN_REPORTS)
            .annotate(
                open_reports=Count("reports", filter=OPEN_REPORTS),
                first_report=Min("reports__created_at", filter=OPEN_REPORTS),
            )
            .select_related("topic__forum__course", "author__forum_profile")
            .prefetch_related(
                Prefetch(
                    "reports",
                    queryset=Report.objects.filter(status=Report.Status.OPEN),
                    to_attr="open_report_list",
                )
            )
        )


class ModerationQueueViewSet(ListingViewSet):
    model = Post
    name = "forum_moderation"
    url_prefix = "moderacja"
    icon = "warning"
    menu_label = _("Reported posts")
    index_view_class = QueueIndexView
    ordering = ["first_report", "pk"]
    list_per_page = 20
    list_display = [
        Column("topic", label=_("Topic"), accessor=reported_topic),
        Column(
            "author", label=_("Author"), accessor=lambda post: forum_name(post.author)
        ),
        Column("text", label=_("Post"), accessor=reported_text),
        Column("open_reports", label=_("Open reports")),
        Column("reasons", label=_("Reasons"), accessor=report_reasons),
        ModerationFormsColumn("moderation", label=_("Moderation")),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            # The names the two listings had before they were viewsets.
            path("", self.index_view, name="queue"),
            path("dziennik/", moderation_log.index_view, name="log"),
            # One topic's or post's tools, and the moderation actions.
            path("temat/<int:topic_id>/", admin_views.topic_tools, name="topic"),
            path("wpis/<int:post_id>/", admin_views.post_tools, name="post"),
            path(
                "wpis/<int:post_id>/<str:action>/",
                admin_views.post_action,
                name="post_action",
            ),
            path(
                "temat/<int:topic_id>/<str:action>/",
                admin_views.topic_action,
                name="topic_action",
            ),
            path(
                "autor/<int:post_id>/<str:action>/",
                admin_views.user_action,
                name="user_action",
            ),
        ]


class ForumModerationViewSetGroup(ViewSetGroup):
    """The moderators' part of the admin."""

    menu_label = _("Forums")
    menu_name = "forum"
    menu_icon = "comment"
    menu_order = 400
    items = (ModerationQueueViewSet(), moderation_log)
