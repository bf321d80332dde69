"""The Koordynator reads programme statistics (aggregates only).

Test accommodations name a learner and often rest on health grounds, so no role
gets them by default: administrators grant extra time.
"""

from django.db import migrations

from portal.accounts.roles import COORDINATOR, ensure_permissions, grant_permissions


def grant(apps, schema_editor):
    ensure_permissions(apps)
    grant_permissions(
        apps,
        COORDINATOR,
        ["courses.view_programme_statistics"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
