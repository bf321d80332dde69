"""The editorial workflow in the admin: the reviewer is told what "Akceptuj" did."""

from datetime import timedelta

from django.contrib import messages as django_messages
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import TaskState, get_default_page_content_type


@hooks.register("after_edit_page")
def confirm_approval(request, page):
    """After "Akceptuj" in the editor, say what the approval did."""
    approving = (
        request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == "approve"
    )
    if approving and approved_just_now(page, request.user):
        approval_message(request, page)


def approved_just_now(page, user) -> bool:
    """Whether this person's approval of the page was the step just taken."""
    return TaskState.objects.filter(
        workflow_state__base_content_type=get_default_page_content_type(),
        workflow_state__object_id=str(page.pk),
        status=TaskState.STATUS_APPROVED,
        finished_by=user,
        finished_at__gte=timezone.now() - timedelta(minutes=1),
    ).exists()


def approval_message(request, page) -> None:
    """Say what the approval did: the page is live, or waits for the next step.

    Replaces Wagtail's "page updated", which is all it says after an approval.
    """
    page = page.specific_class.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    updated = _("Page '%(page_title)s' has been updated.") % {"page_title": title}
    kept = [
        m for m in django_messages.get_messages(request) if updated not in m.message
    ]
    for message in kept:
        django_messages.add_message(
            request, message.level, message.message, extra_tags=message.extra_tags
        )
    next_task = page.current_workflow_task
    if next_task is not None:
        text = _(
            "You approved the page „%(title)s”. It now waits for the next step: "
            "„%(task)s”."
        ) % {"title": title, "task": next_task.name}
        messages.success(request, text)
    elif page.live and not page.has_unpublished_changes:
        text = _("You approved the page „%(title)s”. It is now published.") % {
            "title": title
        }
        buttons = [messages.button(page.url, _("View live"), new_window=False)]
        messages.success(request, text, buttons=buttons)
    else:
        text = _(
            "You approved the page „%(title)s”. It will be published on the date "
            "set for it."
        ) % {"title": title}
        messages.success(request, text)
