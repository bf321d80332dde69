from django.db import migrations

from portal.accounts.roles import (
    DATA_PROTECTION_OFFICER,
    ensure_permissions,
    grant_permissions,
)


def grant(apps, schema_editor):
    ensure_permissions(apps)
    grant_permissions(
        apps, DATA_PROTECTION_OFFICER, ["privacy.change_retentionsettings"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0009_retention_settings"),
        ("accounts", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
