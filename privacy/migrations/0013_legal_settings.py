"""The legal documents (terms and privacy notice with their versions) move here
from the pages app: the privacy layer reads the notice's version for cookie consent.
The table keeps its name."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from portal.core.model_moves import content_type_mover

move_content_type, restore_content_type = content_type_mover(
    "legalsettings", from_app="pages", to_app="privacy"
)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("privacy", "0012_audit_log_moves_to_platform"),
        ("pages", "0004_contact_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_content_type, restore_content_type),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LegalSettings",
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
                            "terms_version",
                            models.CharField(
                                default="1.0",
                                help_text="Change it whenever the terms change in "
                                "substance.",
                                max_length=40,
                                verbose_name="terms of use version",
                            ),
                        ),
                        (
                            "privacy_version",
                            models.CharField(
                                default="1.0",
                                help_text="Change it whenever the privacy notice "
                                "changes in substance.",
                                max_length=40,
                                verbose_name="privacy notice version",
                            ),
                        ),
                        (
                            "footer_text",
                            models.TextField(
                                blank=True,
                                help_text="A line about the administrator and the "
                                "programme, shown in the footer.",
                                verbose_name="footer text",
                            ),
                        ),
                        (
                            "privacy_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="privacy and cookies policy page",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                        (
                            "terms_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="terms of use page",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "legal documents and footer",
                        "db_table": "pages_legalsettings",
                    },
                ),
            ],
        ),
    ]
