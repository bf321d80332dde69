"""The CMS: what staff wrote and did in the admin (learners have none of it)."""

from django.apps import apps
from django.utils.translation import gettext as _
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
from privacy.registry import DataProvider, register

from .models import ContactMessage


def _extra_models():
    names = [("wagtailadmin", "FormState"), ("wagtailcore", "APIToken")]
    return tuple(apps.get_model(*name) for name in names)


def export(user) -> dict:
    return {
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


def erase(user) -> list[str]:
    """Drop the working state of the admin; the record of who published what stays."""
    EditingSession.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    UploadedFile.objects.filter(uploaded_by_user=user).delete()
    for model in _extra_models():
        model.objects.filter(user=user).delete()
    Page.objects.filter(locked_by=user).update(
        locked=False, locked_by=None, locked_at=None
    )
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
        label="Treści (panel administracyjny)",
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
    )
)
