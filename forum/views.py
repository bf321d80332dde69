"""The learners' side of the forums. Rules live in services and permissions."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.permissions import SecondFactorRequired, can_use_staff_privileges
from portal.core.http import safe_next

from . import permissions, selectors, services
from .forms import DisplayNameForm, PostBodyForm, ReportForm, TopicForm
from .models import Forum, Post, Subscription, Topic


def _readable(request, forum):
    """Moderators without a second factor in the session are asked for it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    second_factor = can_use_staff_privileges(request)
    if not permissions.can_read(request.user, forum, second_factor=second_factor):
        if permissions.can_moderate(request.user):
            raise SecondFactorRequired
        raise PermissionDenied
    return None


def _post_id(raw) -> int:
    """The post a link or hidden field names, or 0 when it names none."""
    raw = (raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else 0


def _mute_context(user):
    return {"mute": permissions.active_mute(user)}


def _quotable(topic, raw):
    """The post of this topic a reply may quote (named by `raw`), or None."""
    if not (post_id := _post_id(raw)):
        return None
    post = (
        Post.objects.filter(pk=post_id, topic=topic)
        .select_related("author__forum_profile")
        .first()
    )
    return post if post and post.quote_available else None


def forum_index(request, forum_id):
    forum = get_object_or_404(Forum.objects.select_related("course"), pk=forum_id)
    if response := _readable(request, forum):
        return response
    query = request.GET.get("q", "").strip()[:100]
    page = selectors.topic_page(
        forum=forum,
        user=request.user,
        page_number=request.GET.get("strona"),
        query=query,
    )
    return TemplateResponse(
        request,
        "forum/forum.html",
        {
            "forum": forum,
            "topics": page,
            "query": query,
            "can_post": permissions.can_post(request.user),
            "has_display_name": selectors.has_display_name(request.user),
            "subscribed": selectors.subscribed(user=request.user, forum=forum),
            **_mute_context(request.user),
        },
    )


def topic_new(request, forum_id):
    forum = get_object_or_404(Forum.objects.select_related("course"), pk=forum_id)
    if response := _readable(request, forum):
        return response
    if not permissions.can_post(request.user):
        raise PermissionDenied
    has_name = selectors.has_display_name(request.user)
    form = TopicForm(request.POST or None)
    if request.method == "POST" and not has_name:
        # An empty POST leaves the form unbound: nothing to keep, the notice says why.
        if form.is_bound:
            form.add_error(None, _("Choose how you appear in the forums first."))
    elif request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(
                forum=forum,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                confirm_personal_data=form.cleaned_data["confirm_personal_data"],
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
        else:
            return redirect("forum:topic", topic.pk)
    return TemplateResponse(
        request,
        "forum/topic_new.html",
        {"forum": forum, "form": form, "has_display_name": has_name},
    )


def topic_detail(request, topic_id):
    topic = get_object_or_404(
        Topic.objects.select_related("forum__course"), pk=topic_id
    )
    if response := _readable(request, topic.forum):
        return response
    user = request.user
    form = PostBodyForm(request.POST or None)
    # The reply refers to the quoted post; the form shows it, never copies it.
    quote_of = _quotable(
        topic,
        request.POST.get("quoted")
        if request.method == "POST"
        else request.GET.get("cytuj"),
    )
    if request.method == "POST":
        if not permissions.can_reply(user, topic):
            raise PermissionDenied
        if not selectors.has_display_name(user):
            if form.is_bound:  # an empty POST has nothing to keep
                form.add_error(None, _("Choose how you appear in the forums first."))
        elif form.is_valid():
            try:
                post = services.post_create(
                    topic=topic,
                    author=user,
                    body=form.cleaned_data["body"],
                    quoted=quote_of,
                    confirm_personal_data=form.cleaned_data["confirm_personal_data"],
                )
            except services.RateLimited as error:
                form.add_error(None, str(error))
            else:
                return redirect(selectors.post_url(post))
    posts = selectors.post_page(topic=topic, page_number=request.GET.get("strona"))
    services.topic_mark_read(user=user, topic=topic)
    return TemplateResponse(
        request,
        "forum/topic.html",
        {
            "forum": topic.forum,
            "topic": topic,
            "posts": posts,
            "form": form,
            "quote_of": quote_of,
            "quote_url": selectors.post_url(quote_of) if quote_of else "",
            "can_reply": permissions.can_reply(user, topic),
            "has_display_name": selectors.has_display_name(user),
            # Reporting asks what posting asks (permissions.can_report).
            "can_report": permissions.can_post(user),
            "can_moderate": permissions.can_moderate_here(
                user, second_factor=can_use_staff_privileges(request)
            ),
            "editable": permissions.editable_posts(user, posts, topic),
            "subscribed": selectors.subscribed(user=user, topic=topic),
            **_mute_context(user),
        },
    )


def post_edit(request, post_id):
    post = get_object_or_404(
        Post.objects.select_related("topic__forum__course"), pk=post_id
    )
    if not permissions.can_edit(request.user, post):
        raise Http404
    form = PostBodyForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post,
                body=form.cleaned_data["body"],
                confirm_personal_data=form.cleaned_data["confirm_personal_data"],
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your post has been changed."))
            return redirect(selectors.post_url(post))
    return TemplateResponse(
        request, "forum/post_edit.html", {"post": post, "form": form}
    )


def post_report(request, post_id):
    post = get_object_or_404(
        Post.objects.select_related("topic__forum__course"), pk=post_id
    )
    if not request.user.is_authenticated or not permissions.can_report(
        request.user, post
    ):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(post=post, reporter=request.user, **form.cleaned_data)
        except services.RateLimited as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Thank you. A moderator will look at the post.")
            )
            return redirect(selectors.post_url(post))
    return TemplateResponse(
        request, "forum/post_report.html", {"post": post, "form": form}
    )


@require_POST
def subscription_toggle(request, kind, object_id):
    if not request.user.is_authenticated or kind not in ("forum", "topic"):
        raise Http404
    target = get_object_or_404(Forum if kind == "forum" else Topic, pk=object_id)
    forum = target if kind == "forum" else target.forum
    if not permissions.can_read(
        request.user, forum, second_factor=can_use_staff_privileges(request)
    ):
        raise PermissionDenied
    on = services.subscription_toggle(user=request.user, **{kind: target})
    messages.success(
        request,
        _("You will get an e-mail about new posts.")
        if on
        else _("Notifications are off."),
    )
    url = (
        reverse("forum:index", args=[target.pk])
        if kind == "forum"
        else reverse("forum:topic", args=[target.pk])
    )
    return redirect(url)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """From the e-mail, without signing in: the signed link is enough.

    Opening the link asks for a click (mail scanners open links by themselves);
    the POST is that click, or a mail program's one-click request (RFC 8058),
    which carries no CSRF token.
    """
    try:
        subscription_id = signing.loads(token, salt="forum-unsubscribe")
    except signing.BadSignature as error:
        raise Http404 from error
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return TemplateResponse(request, "forum/unsubscribed.html", {"done": True})
    return TemplateResponse(
        request,
        "forum/unsubscribed.html",
        {"done": subscription is None, "subscription": subscription},
    )


def display_name(request):
    """The person chooses how they appear; a first post waits for this choice."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    profile = getattr(user, "forum_profile", None)
    initial = {}
    if profile is not None:
        initial["shown_as"] = profile.shown_as
        if profile.shown_as == profile.ShownAs.PSEUDONYM:
            initial["display_name"] = profile.display_name
    form = DisplayNameForm(
        request.POST or None,
        user=user,
        name_preview=services.name_with_initial_preview(user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_profile_choose(
                user=user,
                shown_as=form.cleaned_data["shown_as"],
                pseudonym=form.cleaned_data["display_name"],
            )
        except services.NameTaken:
            form.add_error("display_name", _("This name is taken. Choose another one."))
        else:
            messages.success(request, _("Your forum name has been saved."))
            return redirect(safe_next(request) or reverse("forum:display_name"))
    return TemplateResponse(
        request,
        "forum/display_name.html",
        {
            "form": form,
            "profile": profile,
            "shown_now": selectors.display_name_for(user),
            "next": safe_next(request),
        },
    )
