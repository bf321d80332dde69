"""Give the Redaktor role its editorial permissions and a two-person workflow.

Wagtail's stock "Editors"/"Moderators" groups and their workflow are removed: the
portal's roles are its own four groups.
"""

from django.db import migrations

from portal.accounts.roles import EDITOR, ensure_permissions, grant_permissions

WORKFLOW_NAME = "akceptacji drugiego redaktora"
TASK_NAME = "Akceptacja drugiego redaktora"
PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def set_up(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    PeerReviewTask = apps.get_model("pages", "PeerReviewTask")

    # Wagtail's defaults give way to the portal's roles.
    Workflow.objects.filter(name="Moderators approval").delete()
    Task.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()

    editors = grant_permissions(
        apps,
        EDITOR,
        ["pages.change_navigationsettings", "pages.change_legalsettings"],
    )
    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root_collection,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="pages", model="peerreviewtask"
    )
    task = PeerReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = PeerReviewTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.set([editors])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page=root_page, defaults={"workflow": workflow}
    )


def tear_down(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=WORKFLOW_NAME
    ).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("accounts", "0002_staff_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(set_up, tear_down)]
