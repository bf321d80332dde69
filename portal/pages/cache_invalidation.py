"""The page cache and the site's own pages: what may be kept, what it varies on,
and when everything kept is dropped (portal.core.pagecache).

Anything an anonymous visitor sees on a kept page comes from a published page, a
site setting or the cookie declaration, so a change to any of them bumps the
generation. The two cookies that change a page for a visitor without a session
(consent and display preferences) are part of the key, reduced to what they
change: the consent by its policy version and categories, never its random id.
"""

from dataclasses import replace

from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core import pagecache
from privacy import consent
from privacy.models import CookieDeclaration, LegalSettings, RetentionSettings

from . import display
from .models import (
    AccessibilityStatementPage,
    FaqPage,
    HomePage,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

CACHEABLE_PAGES = (
    HomePage,
    StandardPage,
    FaqPage,
    AccessibilityStatementPage,
    NewsIndexPage,
    NewsPage,
)
# Shown on anonymous pages: menus, the legal documents and their versions, the
# retention periods in the privacy policy, the cookie declaration.
SETTINGS_SHOWN = (
    NavigationSettings,
    LegalSettings,
    RetentionSettings,
    CookieDeclaration,
    PageViewRestriction,
)


def consent_variant(request) -> str:
    """The consent as the page shows it: undecided, or a version and categories.

    The cookie's own version counts, not the one in force: a new version is a
    change of LegalSettings, which bumps the generation anyway.
    """
    stored = consent.read(request, "")
    stored = replace(stored, current_version=stored.version)
    if not stored.decided:
        return "consent:none"
    return f"consent:{stored.version}:{','.join(sorted(stored.categories))}"


def display_variant(request) -> str:
    chosen = display.read(request)
    return f"display:{chosen['size']}:{chosen['contrast']}"


def mark_site_page(page, request, serve_args, serve_kwargs):
    if type(page) in CACHEABLE_PAGES:
        pagecache.mark_cacheable(request)


def content_changed(**kwargs) -> None:
    pagecache.generation_bump()


def page_deleted(sender, **kwargs) -> None:
    if issubclass(sender, Page):
        pagecache.generation_bump()


def connect() -> None:
    pagecache.register_variant(consent_variant)
    pagecache.register_variant(display_variant)
    hooks.register("before_serve_page", mark_site_page)
    uid = "pages.page_cache"
    page_published.connect(content_changed, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(content_changed, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(content_changed, dispatch_uid=f"{uid}.moved")
    post_delete.connect(page_deleted, dispatch_uid=f"{uid}.deleted")
    for model in SETTINGS_SHOWN:
        name = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}.{name}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"{uid}.{name}.del"
        )
