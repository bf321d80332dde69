"""Reads the pages app's views and blocks make: no writes, no models of other apps."""

from django.utils.translation import gettext as _


def search_terms(query: str) -> str:
    """The words of a visitor's query, in a form every database and backend accepts.

    The SQLite backend wraps each word in double quotes without escaping the quotes
    typed inside it, and SQLite ends a string at a NUL byte (PostgreSQL refuses it
    outright), so either broke the query and the page answered 500. In a plain-text
    search neither means anything, so they go, with every other control character.
    """
    kept = (ch if ch.isprintable() and ch != '"' else " " for ch in query)
    return " ".join("".join(kept).split())


def duration_text(minutes: int) -> str:
    """A duration as the portal writes it: "45 min", "2 godz.", "1 godz. 30 min"."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)d min") % {"minutes": rest}
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}


def listing_facts(page) -> list[str]:
    """Short facts shown under a page's link in a list of subpages.

    A page type offers them with a `listing_facts()` method; a page with an
    `estimated_minutes` attribute (a course) gets its learning time. Neither is
    imported: the pages app knows no other app.
    """
    offered = getattr(page, "listing_facts", None)
    if callable(offered):
        return [str(fact) for fact in offered()]
    minutes = getattr(page, "estimated_minutes", None)
    if minutes:
        return [_("Learning time: about %(time)s") % {"time": duration_text(minutes)}]
    return []


def child_pages_listing(parent) -> list[dict]:
    """The published, public subpages of `parent` in the page tree's order."""
    if parent is None:
        return []
    children = parent.get_children().live().public().specific().order_by("path")
    return [
        {
            "page": child,
            "description": child.search_description,
            "facts": listing_facts(child),
        }
        for child in children
    ]
