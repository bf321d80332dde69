"""Render again the posts that contain code, which showed "&lt;" for "<" before."""

from django.db import migrations


def rerender(apps, schema_editor):
    from forum.markup import render

    Post = apps.get_model("forum", "Post")
    posts = Post.objects.filter(body_html__contains="<code>").only("pk", "body")
    for post in posts.iterator():
        Post.objects.filter(pk=post.pk).update(body_html=render(post.body))


class Migration(migrations.Migration):
    dependencies = [("forum", "0002_moderator_role_and_forums")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
