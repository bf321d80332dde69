"""Create the four staff roles with the permissions the accounts app grants."""

from django.db import migrations

from portal.accounts.roles import (
    COORDINATOR,
    DATA_PROTECTION_OFFICER,
    EDITOR,
    MODERATOR,
    ensure_permissions,
    grant_permissions,
)


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    for role in (EDITOR, DATA_PROTECTION_OFFICER, MODERATOR, COORDINATOR):
        grant_permissions(apps, role, ["wagtailadmin.access_admin"])
    grant_permissions(
        apps,
        COORDINATOR,
        [
            "accounts.view_pupoffice",
            "accounts.add_pupoffice",
            "accounts.change_pupoffice",
        ],
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[EDITOR, DATA_PROTECTION_OFFICER, MODERATOR, COORDINATOR]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        # After Wagtail has handed out its own defaults, so that they skip our groups.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
