"""LegalSettings now belongs to the privacy app (privacy 0013); the table stays."""

from django.db import migrations

from portal.core.model_moves import stale_content_type_remover

remove_old_content_type = stale_content_type_remover("legalsettings", app="pages")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_contact_page"),
        ("privacy", "0013_legal_settings"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(remove_old_content_type, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="LegalSettings")],
        ),
    ]
