"""The editorial workflow's mail, sent as the portal's own."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from portal.core.mail import email_send

NOTIFICATIONS = "wagtailadmin/notifications/portal_"


def page_links(page, task=None) -> dict:
    """Addresses for mail about a page: the portal's and the admin's own, never
    the Site record's host (which Wagtail's `full_url` would use)."""
    admin = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    links = {
        "edit_url": admin + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preferences_url": admin + reverse("wagtailadmin_account"),
    }
    if task is not None:
        links["preview_url"] = admin + reverse(
            "wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]
        )
    parts = page.get_url_parts()
    if page.live and parts:
        links["page_url"] = settings.PORTAL_BASE_URL.rstrip("/") + parts[2]
    return links


class PortalMail:
    """Send one of Wagtail's workflow notifications as the portal's own mail.

    Wagtail picks the recipients (by role and their notification preferences);
    the portal renders the message with its addresses and subject prefix, and
    hands it to the outbox in the same transaction as the workflow's step, so a
    mail-server outage delays it and never loses it.
    """

    portal_template = ""

    def send_notifications(self, template_set, context, recipients, **kwargs):
        page = context.get("page")
        if not isinstance(page, Page):
            return super().send_notifications(
                template_set, context, recipients, **kwargs
            )
        context = {**context, **page_links(page, context.get("task"))}
        context.pop("settings", None)
        for recipient in recipients:
            email_send(
                template=NOTIFICATIONS + self.portal_template,
                to=recipient.email,
                context={**context, "user": recipient},
            )
        return True


class TaskSubmittedMail(PortalMail, GroupApprovalTaskStateSubmissionEmailNotifier):
    portal_template = "review_requested"

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


class WorkflowSubmittedMail(WorkflowStateSubmissionEmailNotifier):
    """Nothing: administrators hear of a submission from the task's own mail (they
    are among its reviewers), which this one would only repeat."""

    def get_valid_recipients(self, instance, **kwargs):
        return set()


class WorkflowApprovedMail(PortalMail, WorkflowStateApprovalEmailNotifier):
    portal_template = "approved"


class WorkflowRejectedMail(PortalMail, WorkflowStateRejectionEmailNotifier):
    portal_template = "rejected"


# Wagtail's dispatch_uids; the signals hold receivers weakly, so they live here.
NOTIFIERS = (
    (task_submitted, TaskState, TaskSubmittedMail(), "group_approval_task_submitted"),
    (
        workflow_submitted,
        WorkflowState,
        WorkflowSubmittedMail(),
        "workflow_state_submitted",
    ),
    (
        workflow_rejected,
        WorkflowState,
        WorkflowRejectedMail(),
        "workflow_state_rejected",
    ),
    (
        workflow_approved,
        WorkflowState,
        WorkflowApprovedMail(),
        "workflow_state_approved",
    ),
)


def connect_notifications():
    """Take the places of Wagtail's notifiers on the workflow's signals.

    Called from `PagesConfig.ready()`, which runs before `wagtail.admin`'s: a
    receiver with the same `dispatch_uid` is already there when Wagtail connects
    its own, so Django leaves Wagtail's out and each step sends one message.
    """
    for signal, sender, notifier, uid in NOTIFIERS:
        signal.connect(
            notifier, sender=sender, dispatch_uid=f"{uid}_email_notification"
        )
