"""The catalogue in Wagtail: "Poradnictwo zawodowe" and one page per service."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.pages.blocks import RICH_TEXT_FEATURES
from portal.pages.models.base import AsciiSlugMixin

from .shared import ServiceKind


class CounsellingIndexPage(AsciiSlugMixin, Page):
    """The centre's section: what it offers, where, and how to sign up."""

    intro = models.TextField(_("introduction"), max_length=800)
    body = RichTextField(_("content"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["counselling.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = _("counselling section")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_context  # deferred: selectors import models

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request.user))
        return context


class ServicePage(AsciiSlugMixin, Page):
    """One service: individual or remote counselling, or one workshop topic.

    A workshop page lists its dates (`counselling.Workshop`), which the centre's
    manager schedules in the admin; an individual service page leads to the free
    times of the counsellors.
    """

    kind = models.CharField(
        _("kind of service"), max_length=12, choices=ServiceKind.choices
    )
    summary = models.CharField(_("summary"), max_length=250)
    body = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    duration_minutes = models.PositiveSmallIntegerField(
        _("usual length (minutes)"), default=60
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("duration_minutes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["counselling.CounsellingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("counselling service")

    @property
    def is_workshop(self) -> bool:
        return self.kind == ServiceKind.WORKSHOP

    def get_context(self, request, *args, **kwargs):
        from ..selectors import service_context  # deferred: selectors import models

        context = super().get_context(request, *args, **kwargs)
        context.update(service_context(self, request.user))
        return context
