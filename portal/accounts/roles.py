"""Staff roles: Django groups with exact permissions, created and kept by migrations.

Each later app adds its own permissions to these groups in its own migration with
`grant_permissions`; nothing here reads the live models, so migrations stay replayable.
"""

EDITOR = "Redaktor"
DATA_PROTECTION_OFFICER = "Inspektor ochrony danych"
MODERATOR = "Moderator"
COORDINATOR = "Koordynator"
COUNSELLOR = "Doradca zawodowy"
CENTRE_MANAGER = "Kierownik CPZ"

ROLE_SLUGS = {
    EDITOR: "redaktor",
    DATA_PROTECTION_OFFICER: "iod",
    MODERATOR: "moderator",
    COORDINATOR: "koordynator",
    COUNSELLOR: "doradca",
    CENTRE_MANAGER: "kierownik-cpz",
}
STAFF_ROLES = tuple(ROLE_SLUGS)


def ensure_permissions(apps):
    """Create the permissions of every installed model, as post_migrate would."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_permissions(apps, group_name, codenames):
    """Give a group the permissions named `app_label.codename`, creating the group."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for dotted in codenames:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
