from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Page, Revision
from wagtail.search import index

from ..blocks import (
    RICH_TEXT_FEATURES,
    ContentStreamBlock,
    FaqStreamBlock,
    LinkListBlock,
)
from .base import AsciiSlugMixin
from .news import HOME_NEWS_COUNT, NewsIndexPage, NewsPage


class HomePage(AsciiSlugMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600)
    call_to_action = models.CharField(
        _("sign-up button text"), max_length=80, default="Załóż bezpłatne konto"
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("call_to_action"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.FaqPage",
        "pages.AccessibilityStatementPage",
        "pages.NewsIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(NewsPage.published()[:HOME_NEWS_COUNT])
        context["news_index"] = NewsIndexPage.objects.live().public().first()
        return context


class StandardPage(AsciiSlugMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(AsciiSlugMixin, Page):
    """The contact details, with a form whose messages are kept and mailed to staff."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"))
    notice = RichTextField(
        _("information notice beside the form"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who processes the message, why, on what basis and for how long."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("notice"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        from ..views import contact_page  # deferred: the view's services import models

        return contact_page(request, self)


class ContactMessage(models.Model):
    """A message sent through the contact form."""

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.created_at:%Y-%m-%d})"


class FaqPage(AsciiSlugMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(FaqStreamBlock(), verbose_name=_("questions and answers"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")


class AccessibilityStatementPage(AsciiSlugMixin, Page):
    """The statement required by the Polish act on digital accessibility.

    Its template marks each part with the element ids the official template names,
    so that monitoring tools can read it.
    """

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    entity_name = models.CharField(_("public body"), max_length=200)
    site_url = models.URLField(_("address of the website"))
    published_on = models.DateField(_("date the website was published"))
    updated_on = models.DateField(_("date of the last major update"))
    compliance = models.CharField(
        _("compliance status"), max_length=10, choices=Compliance.choices
    )
    non_compliance = RichTextField(
        _("inaccessible content and exemptions"),
        features=RICH_TEXT_FEATURES,
        blank=True,
    )
    prepared_on = models.DateField(_("date the statement was prepared"))
    reviewed_on = models.DateField(
        _("date of the last review of the statement"),
        null=True,
        blank=True,
        help_text=_("Review the statement at least once a year, by 31 March."),
    )
    assessment_method = models.CharField(
        _("how the statement was prepared"),
        max_length=300,
        default="samooceny przeprowadzonej przez podmiot publiczny",
        help_text=_(
            "Completes the sentence “Deklarację sporządzono na podstawie …”, "
            "so it starts in the genitive, e.g. “samooceny przeprowadzonej przez "
            "podmiot publiczny”."
        ),
    )
    facilities = RichTextField(
        _("facilities, limitations and other information"),
        features=RICH_TEXT_FEATURES,
        blank=True,
    )
    keyboard_shortcuts = RichTextField(
        _("keyboard shortcuts"), features=RICH_TEXT_FEATURES, blank=True
    )
    contact_person = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    feedback_procedure = RichTextField(
        _("requests and complaints procedure"), features=RICH_TEXT_FEATURES
    )
    architecture = RichTextField(
        _("architectural accessibility"), features=RICH_TEXT_FEATURES
    )
    communication = RichTextField(
        _("communication accessibility"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_url"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("Introduction"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("compliance"),
                FieldPanel("non_compliance"),
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("assessment_method"),
                FieldPanel("facilities"),
                FieldPanel("keyboard_shortcuts"),
            ],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("feedback_procedure"),
            ],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("architecture"),
        FieldPanel("communication"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("non_compliance"),
        index.SearchField("feedback_procedure"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    main_menu = StreamField(LinkListBlock(), verbose_name=_("main menu"), blank=True)
    footer_menu = StreamField(
        LinkListBlock(), verbose_name=_("footer links"), blank=True
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("menus and footer")


class PeerReviewTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups other than the person who submitted.

    A Redaktor submits a page for moderation; a second editor (or an administrator)
    approves it, which publishes it. Nobody approves a text they wrote: neither the
    person who submitted it nor anyone who edited it while it waited for review.
    """

    @staticmethod
    def is_author(workflow_state, user) -> bool:
        if workflow_state.requested_by_id == user.pk:
            return True
        return Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            user=user,
            created_at__gte=workflow_state.created_at,
        ).exists()

    def get_actions(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and self.is_author(state, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if self.is_author(task_state.workflow_state, user):
            raise PermissionDenied("A text cannot be approved by one of its authors.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Another member of the chosen groups approves and publishes the page.")

    class Meta:
        verbose_name = _("review by a second editor")
        verbose_name_plural = _("reviews by a second editor")
