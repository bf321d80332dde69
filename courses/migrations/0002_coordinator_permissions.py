"""The Koordynator reads programme statistics and grants test accommodations."""

from django.db import migrations

from portal.accounts.roles import COORDINATOR, ensure_permissions, grant_permissions


def grant(apps, schema_editor):
    ensure_permissions(apps)
    grant_permissions(
        apps,
        COORDINATOR,
        [
            "courses.view_programme_statistics",
            "courses.view_learneraccommodation",
            "courses.add_learneraccommodation",
            "courses.change_learneraccommodation",
            "courses.delete_learneraccommodation",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
