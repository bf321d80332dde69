"""The audit log now belongs to the platform (portal.core); the table is untouched."""

from django.db import migrations

from portal.core.model_moves import stale_content_type_remover

remove_old_content_type = stale_content_type_remover("auditentry", app="privacy")


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0011_display_cookie"),
        ("core", "0001_audit_log"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(remove_old_content_type, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
        ),
    ]
