"""Take the copies of quoted posts out of replies: quotes are shown from the post.

A reply made with "Cytuj" started with a copy of the quoted post; it now refers to
it (`Post.quoted`) and shows its current text, so a hidden or erased post is no
longer readable inside other people's replies.
"""

from django.db import migrations


def strip_copied_quotes(apps, schema_editor):
    from forum.markup import quote_strip, render  # deferred: app code in a migration

    Post = apps.get_model("forum", "Post")
    replies = Post.objects.filter(quoted__isnull=False, body__startswith=">")
    changed = []
    # Newest first: a quoted post is older than its reply, so it is still as the
    # reply copied it when the reply is read.
    for reply in replies.select_related("quoted").order_by("-pk").iterator():
        body = quote_strip(reply.body, reply.quoted.body)
        if body != reply.body:
            Post.objects.filter(pk=reply.pk).update(body=body, body_html=render(body))
            changed.append(reply.pk)
    if changed:
        _reindex(changed)


def _reindex(post_ids):
    """The search index still holds the copies: index the replies as they are now."""
    from django.apps import apps as current_apps  # deferred: the live model, indexed
    from wagtail.search import index  # deferred: as above

    Post = current_apps.get_model("forum", "Post")
    fields = ("pk", "topic_id", "body", "is_hidden", "author_id")
    for post in Post.objects.filter(pk__in=post_ids).only(*fields):
        index.remove_object(post)
        index.insert_or_update_object(post)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0003_rerender_code"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(strip_copied_quotes, migrations.RunPython.noop)]
