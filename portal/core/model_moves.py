"""Moving a model between apps in migrations, with its permissions."""


def content_type_mover(model: str, from_app: str, to_app: str):
    """RunPython functions that relabel a model's content type (and back).

    The permissions, and the groups holding them, follow the content type, so a
    role keeps its rights over a model that moved to another app.
    """

    def relabel(apps, source, target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=source, model=model).update(
            app_label=target
        )
        ContentType.objects.clear_cache()

    def forwards(apps, schema_editor):
        relabel(apps, from_app, to_app)

    def backwards(apps, schema_editor):
        relabel(apps, to_app, from_app)

    return forwards, backwards


def stale_content_type_remover(model: str, app: str):
    """A RunPython function that deletes a moved model's old content type.

    Migrations that run between the move and the state's deletion may create
    permissions for the old label again; they were never granted to anyone.
    """

    def remove(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=app, model=model).delete()
        ContentType.objects.clear_cache()

    return remove
