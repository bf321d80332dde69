"""The cookies the portal sets, and those of the film players it may embed.

The purposes are the policy's own Polish text, edited afterwards in the admin.
"""

from django.db import migrations

from portal.accounts.roles import (
    DATA_PROTECTION_OFFICER,
    ensure_permissions,
    grant_permissions,
)

COOKIES = [
    (
        "sessionid",
        "Kompetencje dla pracy",
        "Utrzymuje zalogowanie i krótkie komunikaty między stronami.",
        "8 godzin",
        "necessary",
        True,
    ),
    (
        "csrftoken",
        "Kompetencje dla pracy",
        "Chroni formularze przed wysłaniem z innych stron internetowych.",
        "1 rok",
        "necessary",
        True,
    ),
    (
        "messages",
        "Kompetencje dla pracy",
        "Przenosi jednorazowy komunikat (np. „zapisano”) na następną stronę.",
        "do zamknięcia przeglądarki",
        "necessary",
        True,
    ),
    (
        "kdp_consent",
        "Kompetencje dla pracy",
        "Zapamiętuje Twój wybór dotyczący cookies: losowy identyfikator, kategorie i datę.",
        "12 miesięcy",
        "necessary",
        True,
    ),
    (
        "YSC",
        "Google (YouTube)",
        "Odtwarzacz filmów: liczy wyświetlenia i utrzymuje działanie odtwarzacza.",
        "do zamknięcia przeglądarki",
        "multimedia",
        False,
    ),
    (
        "VISITOR_INFO1_LIVE",
        "Google (YouTube)",
        "Odtwarzacz filmów: szacuje szybkość łącza, by dobrać jakość obrazu.",
        "6 miesięcy",
        "multimedia",
        False,
    ),
    (
        "vuid",
        "Vimeo",
        "Odtwarzacz filmów: liczy wyświetlenia filmów w serwisie Vimeo.",
        "2 lata",
        "multimedia",
        False,
    ),
]


def load(apps, schema_editor):
    CookieDeclaration = apps.get_model("privacy", "CookieDeclaration")
    for order, (name, provider, purpose, duration, category, first_party) in enumerate(
        COOKIES
    ):
        CookieDeclaration.objects.get_or_create(
            name=name,
            provider=provider,
            defaults={
                "purpose": purpose,
                "duration": duration,
                "category": category,
                "first_party": first_party,
                "sort_order": order,
            },
        )
    ensure_permissions(apps)
    grant_permissions(
        apps,
        DATA_PROTECTION_OFFICER,
        [
            "privacy.view_cookiedeclaration",
            "privacy.add_cookiedeclaration",
            "privacy.change_cookiedeclaration",
            "privacy.delete_cookiedeclaration",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("accounts", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
