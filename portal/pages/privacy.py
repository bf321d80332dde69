"""The pages: contact-form messages, and what staff wrote and did in the admin."""

from django.apps import apps
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.models import EditingSession
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)

from portal.core.dates import add_months
from privacy.footprint import person_traces
from privacy.registry import DataProvider, register

from .models import ContactMessage


def _extra_models():
    names = [("wagtailadmin", "FormState"), ("wagtailcore", "APIToken")]
    return tuple(apps.get_model(*name) for name in names)


def export(user) -> dict:
    """Contact messages are found by every address the person has had."""
    messages = (
        ContactMessage.objects.annotate(sender=Lower("email"))
        .filter(sender__in=person_traces(user).emails)
        .order_by("created_at")
    )
    return {
        "contact_messages": [
            {
                "name": message.name,
                "email": message.email,
                "message": message.message,
                "sent_at": message.created_at.isoformat(),
            }
            for message in messages
        ],
        "pages_owned": list(
            Page.objects.filter(owner=user).values_list("title", flat=True)
        ),
        "revisions": Revision.objects.filter(user=user).count(),
        "admin_actions": PageLogEntry.objects.filter(user=user).count()
        + ModelLogEntry.objects.filter(user=user).count(),
        "comments": list(
            Comment.objects.filter(user=user).values_list("text", flat=True)
        ),
        "images_uploaded": Image.objects.filter(uploaded_by_user=user).count(),
        "documents_uploaded": Document.objects.filter(uploaded_by_user=user).count(),
    }


LABELS = {
    "contact_messages": gettext_lazy("Messages sent through the contact form"),
    "name": gettext_lazy("Name given"),
    "email": gettext_lazy("E-mail address"),
    "message": gettext_lazy("Message"),
    "sent_at": gettext_lazy("Sent"),
    "pages_owned": gettext_lazy("Portal pages assigned to your account"),
    "revisions": gettext_lazy("Saved versions of pages (number)"),
    "admin_actions": gettext_lazy("Actions in the admin (number)"),
    "comments": gettext_lazy("Comments in the admin"),
    "images_uploaded": gettext_lazy("Images uploaded (number)"),
    "documents_uploaded": gettext_lazy("Documents uploaded (number)"),
}


def erase(user) -> list[str]:
    """Drop the working state of the admin and the person's contact messages.

    Contact messages carry no account: they are found by every address the person
    has had, which is why this runs before the accounts provider deletes them. The
    record of who published what stays.
    """
    ContactMessage.objects.annotate(sender=Lower("email")).filter(
        sender__in=person_traces(user).emails
    ).delete()
    EditingSession.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    UploadedFile.objects.filter(uploaded_by_user=user).delete()
    for model in _extra_models():
        model.objects.filter(user=user).delete()
    Page.objects.filter(locked_by=user).update(
        locked=False, locked_by=None, locked_at=None
    )
    edited = (
        Revision.objects.filter(user=user).exists()
        or PageLogEntry.objects.filter(user=user).exists()
        or ModelLogEntry.objects.filter(user=user).exists()
    )
    if not edited:
        return []
    return [
        _(
            "The history of the pages you edited keeps your (now anonymous) account, "
            "because the portal must show who published its content."
        )
    ]


def expire(now, periods) -> dict:
    """Messages sent through the contact form, after their months."""
    deleted = ContactMessage.objects.filter(
        created_at__lt=add_months(now, -periods.contact_message_months)
    ).delete()[0]
    return {"contact_messages": deleted}


register(
    DataProvider(
        key="cms",
        label="Formularz kontaktowy i panel administracyjny",
        models=(
            Page,
            Revision,
            PageLogEntry,
            ModelLogEntry,
            WorkflowState,
            TaskState,
            Comment,
            CommentReply,
            PageSubscription,
            UploadedFile,
            Image,
            Document,
            EditingSession,
        )
        + _extra_models(),
        export=export,
        erase=erase,
        expire=expire,
        labels=LABELS,
    )
)
