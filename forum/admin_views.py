"""The moderators' screens, inside the admin (so behind two-factor sign-in).

The queue of reported posts and the moderation log are listings of `viewsets.py`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.http import safe_next

from . import permissions, services
from .forms import ModerationReasonForm, MoveForm, MuteForm
from .models import Post, Report, Topic


def _moderator(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied


def _back(request):
    return safe_next(request, reverse("forum_moderation:queue"))


def _reason(request, form_class=ModerationReasonForm):
    form = form_class(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return None
    return form.cleaned_data


@require_POST
def post_action(request, post_id, action):
    _moderator(request)
    post = get_object_or_404(Post.objects.select_related("topic"), pk=post_id)
    data = _reason(request)
    if data is not None:
        if action == "hide":
            services.post_hide(post=post, by=request.user, reason=data["reason"])
            messages.success(request, _("The post is hidden."))
        elif action == "restore":
            services.post_restore(post=post, by=request.user, reason=data["reason"])
            messages.success(request, _("The post is visible again."))
        elif action == "dismiss":
            report = post.reports.filter(status=Report.Status.OPEN).first()
            if report:
                services.report_dismiss(
                    report=report, by=request.user, reason=data["reason"]
                )
            messages.success(request, _("The reports were dismissed."))
        else:
            raise PermissionDenied
    return redirect(_back(request))


@require_POST
def topic_action(request, topic_id, action):
    _moderator(request)
    topic = get_object_or_404(Topic, pk=topic_id)
    form_class = MoveForm if action == "move" else ModerationReasonForm
    data = _reason(request, form_class)
    if data is not None:
        reason = data["reason"]
        if action in ("lock", "unlock"):
            services.topic_set_locked(
                topic=topic, by=request.user, locked=action == "lock", reason=reason
            )
        elif action in ("pin", "unpin"):
            services.topic_set_pinned(
                topic=topic, by=request.user, pinned=action == "pin", reason=reason
            )
        elif action == "move":
            services.topic_move(
                topic=topic, by=request.user, forum=data["forum"], reason=reason
            )
        else:
            raise PermissionDenied
        messages.success(request, _("Done. The action is in the moderation log."))
    return redirect(_back(request))


@require_POST
def user_action(request, post_id, action):
    """Mute or unmute the author of a post (moderators never see who it is)."""
    _moderator(request)
    post = get_object_or_404(Post, pk=post_id)
    author = post.author
    if author is None or not author.is_learner:
        raise PermissionDenied
    if action == "mute":
        data = _reason(request, MuteForm)
        if data is not None:
            services.user_mute(
                user=author, by=request.user, days=data["days"], reason=data["reason"]
            )
            messages.success(request, _("The author is muted."))
    elif action == "unmute":
        data = _reason(request)
        if data is not None:
            services.user_unmute(user=author, by=request.user, reason=data["reason"])
            messages.success(request, _("The mute is lifted."))
    else:
        raise PermissionDenied
    return redirect(_back(request))


def post_tools(request, post_id):
    """Hide or restore one post, or mute its author."""
    _moderator(request)
    post = get_object_or_404(
        Post.objects.select_related("topic__forum__course", "author__forum_profile"),
        pk=post_id,
    )
    return TemplateResponse(request, "forum/admin/post.html", {"post": post})


def topic_tools(request, topic_id):
    """Lock, pin or move one topic."""
    _moderator(request)
    topic = get_object_or_404(
        Topic.objects.select_related("forum__course"), pk=topic_id
    )
    return TemplateResponse(
        request,
        "forum/admin/topic.html",
        {
            "topic": topic,
            "move_form": MoveForm(initial={"forum": topic.forum_id}),
        },
    )
