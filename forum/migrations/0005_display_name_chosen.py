"""Learners choose how they appear in the forums.

Until now a profile was made from the first name and surname initial at the first
post, without asking. Profiles still holding that made-up name are deleted, so
those learners appear as an anonymous "Participant #<id>" until they choose;
profiles whose name the learner changed were chosen, and stay as pseudonyms.
"""

import re

from django.db import migrations, models

# The names the portal gave when no first or last name was known.
FALLBACKS = ("Learner", "Osoba ucząca się")


def _made_up(profile) -> bool:
    user = profile.user
    base = f"{user.first_name[:30]} {user.last_name[:1]}.".strip()
    name = profile.display_name
    for made in (base, *FALLBACKS):
        if name == made or re.fullmatch(re.escape(made) + r" \d+", name):
            return True
    return False


def unchosen_profiles_delete(apps, schema_editor):
    ForumProfile = apps.get_model("forum", "ForumProfile")
    made_up = [
        profile.pk
        for profile in ForumProfile.objects.select_related("user")
        if _made_up(profile)
    ]
    ForumProfile.objects.filter(pk__in=made_up).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0004_quotes_as_references"),
    ]

    operations = [
        migrations.AddField(
            model_name="forumprofile",
            name="shown_as",
            field=models.CharField(
                choices=[
                    ("name", "first name and surname initial"),
                    ("pseudonym", "pseudonym"),
                ],
                default="pseudonym",
                max_length=10,
                verbose_name="shown as",
            ),
        ),
        migrations.RunPython(unchosen_profiles_delete, migrations.RunPython.noop),
    ]
