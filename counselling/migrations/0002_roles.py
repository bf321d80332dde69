"""The counselling centre's two roles, with exact permissions.

- Doradca zawodowy: the admin, and `counselling.counsel` (own availability,
  sessions, clients, attendance and notes; the views narrow it to their own).
- Kierownik CPZ: `counselling.manage_centre` (every session, assignments, organiser
  cancellations, complaints, statistics), the locations, counsellors, workshop
  dates and the centre's settings.
- Redaktor: the locations too, which the catalogue pages show.
"""

from django.db import migrations

from portal.accounts.roles import (
    CENTRE_MANAGER,
    COUNSELLOR,
    EDITOR,
    ensure_permissions,
    grant_permissions,
)

LOCATIONS = [
    "counselling.view_location",
    "counselling.add_location",
    "counselling.change_location",
]


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    grant_permissions(
        apps, COUNSELLOR, ["wagtailadmin.access_admin", "counselling.counsel"]
    )
    grant_permissions(
        apps,
        CENTRE_MANAGER,
        [
            "wagtailadmin.access_admin",
            "counselling.manage_centre",
            *LOCATIONS,
            "counselling.view_counsellor",
            "counselling.add_counsellor",
            "counselling.change_counsellor",
            "counselling.view_workshop",
            "counselling.add_workshop",
            "counselling.change_workshop",
            "counselling.change_counsellingsettings",
        ],
    )
    grant_permissions(apps, EDITOR, LOCATIONS)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[COUNSELLOR, CENTRE_MANAGER]).delete()
    editor = Group.objects.filter(name=EDITOR).first()
    if editor:
        editor.permissions.remove(
            *editor.permissions.filter(content_type__app_label="counselling")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("counselling", "0001_initial"),
        ("accounts", "0003_processing_restricted"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
