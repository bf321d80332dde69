"""The portal sets no analytics cookies: the category goes, with what it declared.

Consent records keep the categories as they were decided (they are the proof of
consent); `privacy.consent.read` ignores a category the portal no longer asks
about. The session cookie's lifetime was declared as 8 hours; it ends with the
browser and after an hour without activity (SESSION_COOKIE_AGE), and the table
now reads it from the settings, so the stored text is corrected too.
"""

from django.db import migrations, models


def forward(apps, schema_editor):
    CookieDeclaration = apps.get_model("privacy", "CookieDeclaration")
    CookieDeclaration.objects.filter(category="analytics").delete()
    CookieDeclaration.objects.filter(
        name="sessionid", first_party=True, duration="8 godzin"
    ).update(duration="do zamknięcia przeglądarki, najwyżej 1 godz. bez aktywności")


class Migration(migrations.Migration):
    dependencies = [("privacy", "0015_portability_and_consent_owner")]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="cookiedeclaration",
            name="category",
            field=models.CharField(
                choices=[("necessary", "necessary"), ("multimedia", "multimedia")],
                max_length=20,
                verbose_name="category",
            ),
        ),
    ]
