"""`{{ post.author|forum_name }}`: the name a person chose for the forums."""

from django import template

from forum.selectors import display_name_for

register = template.Library()


@register.filter
def forum_name(user) -> str:
    return display_name_for(user)
