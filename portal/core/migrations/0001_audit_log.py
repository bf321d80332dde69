"""The audit log moves from the privacy app to the platform; its table stays."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from portal.core.model_moves import content_type_mover


move_content_type, restore_content_type = content_type_mover(
    "auditentry", from_app="privacy", to_app="core"
)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("privacy", "0011_display_cookie"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(move_content_type, restore_content_type),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("view", "viewed"),
                                    ("change", "changed"),
                                    ("export", "exported"),
                                    ("delete", "erased"),
                                    ("download", "downloaded"),
                                ],
                                max_length=10,
                                verbose_name="action",
                            ),
                        ),
                        (
                            "object_type",
                            models.CharField(max_length=100, verbose_name="object"),
                        ),
                        (
                            "object_id",
                            models.CharField(max_length=64, verbose_name="object id"),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="description"
                            ),
                        ),
                        (
                            "ip_address",
                            models.GenericIPAddressField(
                                blank=True, null=True, verbose_name="IP address"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="time"
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="who",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "audit log entry",
                        "verbose_name_plural": "audit log",
                        "ordering": ["-created_at"],
                        "db_table": "privacy_auditentry",
                    },
                ),
            ],
        ),
    ]
