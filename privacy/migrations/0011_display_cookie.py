"""The display-preference cookie is declared like every other."""

from django.db import migrations


def declare(apps, schema_editor):
    apps.get_model("privacy", "CookieDeclaration").objects.get_or_create(
        name="kdp_display",
        provider="Kompetencje dla pracy",
        defaults={
            "purpose": "Zapamiętuje wybrany rozmiar tekstu i tryb wysokiego kontrastu.",
            "duration": "12 miesięcy",
            "category": "necessary",
            "first_party": True,
            "sort_order": 4,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0010_officer_edits_retention")]

    operations = [migrations.RunPython(declare, migrations.RunPython.noop)]
