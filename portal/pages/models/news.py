"""Announcements: a list under the home page and one page per announcement."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock
from .base import AsciiSlugMixin

HOME_NEWS_COUNT = 3
NEWS_PER_PAGE = 10


class NewsIndexPage(AsciiSlugMixin, Page):
    """The list of announcements, newest first, a page of them at a time."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.published().child_of(self)
        context["news"] = Paginator(news, NEWS_PER_PAGE).get_page(
            request.GET.get("strona")
        )
        return context


class NewsPage(AsciiSlugMixin, Page):
    """An announcement: a date, a lead that the lists show, the text and a picture."""

    date = models.DateField(_("date"), default=datetime.date.today)
    lead = models.TextField(
        _("lead"),
        max_length=400,
        help_text=_("One or two sentences shown in the lists of news."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Its description in the image library is read aloud."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    @classmethod
    def published(cls):
        """Live, public announcements, newest first."""
        return (
            cls.objects.live()
            .public()
            .select_related("image")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def save(self, *args, **kwargs):
        if not self.search_description:
            self.search_description = self.lead[:300]
        super().save(*args, **kwargs)
