"""The pages app's models: the site's own pages, announcements, menus, the workflow."""

from .base import AsciiSlugMixin
from .news import NewsIndexPage, NewsPage
from .pages import (
    AccessibilityStatementPage,
    ContactMessage,
    ContactPage,
    FaqPage,
    HomePage,
    NavigationSettings,
    PeerReviewTask,
    StandardPage,
)

__all__ = [
    "AccessibilityStatementPage",
    "AsciiSlugMixin",
    "ContactMessage",
    "ContactPage",
    "FaqPage",
    "HomePage",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
    "PeerReviewTask",
    "StandardPage",
]
