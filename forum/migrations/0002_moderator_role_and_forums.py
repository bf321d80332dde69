"""The Moderator role moderates the forums; every existing course gets its forum."""

from django.db import migrations

from portal.accounts.roles import MODERATOR, ensure_permissions, grant_permissions


def set_up(apps, schema_editor):
    ensure_permissions(apps)
    grant_permissions(apps, MODERATOR, ["forum.moderate_forum"])
    Forum = apps.get_model("forum", "Forum")
    CoursePage = apps.get_model("courses", "CoursePage")
    for course in CoursePage.objects.all():
        Forum.objects.get_or_create(course=course)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_initial"),
        ("accounts", "0002_staff_roles"),
        ("courses", "0003_certificate_render_claim"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
