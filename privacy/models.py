import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.core.storage import private_storage


class CookieCategory(models.TextChoices):
    NECESSARY = "necessary", _("necessary")
    MULTIMEDIA = "multimedia", _("multimedia")


# The portal sets no analytics cookies, so it asks no consent for them.
OPTIONAL_CATEGORIES = [CookieCategory.MULTIMEDIA]


class CookieDeclaration(models.Model):
    """One cookie the portal (or a service it embeds) may set, as the policy says."""

    name = models.CharField(_("name"), max_length=100)
    provider = models.CharField(_("provider"), max_length=150)
    purpose = models.CharField(_("purpose"), max_length=300)
    duration = models.CharField(_("duration"), max_length=100)
    category = models.CharField(
        _("category"), max_length=20, choices=CookieCategory.choices
    )
    first_party = models.BooleanField(
        _("set by the portal itself"),
        default=True,
        help_text=_("Untick for cookies set by an embedded outside service."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("provider"),
        FieldPanel("purpose"),
        FieldPanel("duration"),
        FieldPanel("category"),
        FieldPanel("first_party"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("cookie")
        verbose_name_plural = _("cookie declaration")
        ordering = ["category", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "provider"], name="cookie_name_provider"
            )
        ]

    def __str__(self):
        return self.name


class ConsentRecord(models.Model):
    """One consent decision, under a random id kept in the browser.

    A decision made while signed in also names the account, so that it reaches the
    person's copy of data; erasure takes the name off again.
    """

    consent_id = models.UUIDField(_("consent id"), default=uuid.uuid4, db_index=True)
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consent_records",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    categories = models.JSONField(_("categories allowed"), default=list)
    policy_version = models.CharField(_("policy version"), max_length=40)

    class Meta:
        verbose_name = _("consent decision")
        verbose_name_plural = _("consent decisions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.consent_id} {self.created_at:%Y-%m-%d}"


class DataRequest(models.Model):
    """A data-subject request under RODO art. 15–18 and 21."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information about processing (art. 15)")
        COPY = "copy", _("copy of my data (art. 15)")
        RECTIFICATION = "rectification", _("rectification (art. 16)")
        ERASURE = "erasure", _("erasure (art. 17)")
        RESTRICTION = "restriction", _("restriction of processing (art. 18)")
        OBJECTION = "objection", _("objection (art. 21)")
        PORTABILITY = "portability", _("data portability (art. 20)")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        AWAITING_CONFIRMATION = "unconfirmed", _("awaiting e-mail confirmation")
        RECEIVED = "received", _("received")
        EXTENDED = "extended", _("extended")
        COMPLETED = "completed", _("completed")
        REJECTED = "rejected", _("rejected")

    OPEN = (Status.RECEIVED, Status.EXTENDED)

    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_requests",
    )
    requester_name = models.CharField(_("name"), max_length=300)
    requester_email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("type of request"), max_length=20, choices=Kind.choices)
    details = models.TextField(_("details"), blank=True, max_length=5000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    extension_reason = models.TextField(_("reasons for the extension"), blank=True)
    outcome = models.TextField(_("answer or reasons for refusal"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["due_at"]

    def __str__(self):
        when = self.received_at or self.created_at
        return f"{self.get_kind_display()} – {when:%Y-%m-%d}"

    @property
    def is_open(self):
        return self.status in self.OPEN


class DataRequestEvent(models.Model):
    """The history of a request: every step, by whom and when."""

    class Action(models.TextChoices):
        FILED = "filed", _("filed")
        CONFIRMED = "confirmed", _("confirmed by the e-mail link")
        EXTENDED = "extended", _("time to answer extended")
        COMPLETED = "completed", _("answered")
        REJECTED = "rejected", _("refused")
        RESTRICTION_LIFTED = "restriction lifted", _("restriction lifted")

    request = models.ForeignKey(
        DataRequest, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.created_at:%Y-%m-%d %H:%M}"


class DataExport(models.Model):
    """A ZIP of a person's data that they download for the days the settings give.

    Either a copy of all their data (art. 15(3)) or the data they gave, to take
    to another service (art. 20).
    """

    class Kind(models.TextChoices):
        COPY = "copy", _("copy of data")
        PORTABILITY = "portability", _("data to take elsewhere")

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="data_exports"
    )
    request = models.ForeignKey(
        DataRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exports",
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.COPY
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    file = models.FileField(storage=private_storage, upload_to="exports/", blank=True)

    class Meta:
        verbose_name = _("copy of data")
        verbose_name_plural = _("copies of data")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"


@register_setting(icon="time")
class RetentionSettings(BaseSiteSetting):
    """How long the portal keeps what, edited by the data-protection officer."""

    unverified_account_days = models.PositiveSmallIntegerField(
        _("delete accounts never verified after (days)"), default=30
    )
    consent_record_months = models.PositiveSmallIntegerField(
        _("delete cookie consent records after (months)"), default=24
    )
    contact_message_months = models.PositiveSmallIntegerField(
        _("delete contact-form messages after (months)"), default=12
    )
    data_export_days = models.PositiveSmallIntegerField(
        _("delete copies of data after (days)"),
        default=7,
        help_text=_("How long a person can download the copy of their data."),
    )
    failed_login_days = models.PositiveSmallIntegerField(
        _("delete records of failed logins after (days)"), default=1
    )
    request_confirmation_hours = models.PositiveSmallIntegerField(
        _(
            "the confirmation link of a request filed without an account is valid for "
            "(hours)"
        ),
        default=48,
    )
    counselling_record_months = models.PositiveSmallIntegerField(
        _("delete counselling records after (months)"),
        default=24,
        help_text=_(
            "Counted from a client's last service or complaint. No statute sets this "
            "period for the counselling centre; the administrator decides it."
        ),
    )
    programme_end = models.DateField(
        _("end of the programme"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the programme runs."),
    )
    archival_years = models.PositiveSmallIntegerField(
        _("archival period after the end of the programme (years)"), default=10
    )

    panels = [
        FieldPanel("unverified_account_days"),
        FieldPanel("consent_record_months"),
        FieldPanel("contact_message_months"),
        FieldPanel("data_export_days"),
        FieldPanel("failed_login_days"),
        FieldPanel("request_confirmation_hours"),
        FieldPanel("counselling_record_months"),
        FieldPanel("programme_end"),
        FieldPanel("archival_years"),
    ]

    class Meta:
        verbose_name = _("retention periods")


@register_setting(icon="doc-full")
class LegalSettings(BaseSiteSetting):
    """The documents a person accepts at signup, with the version in force."""

    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("terms of use page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_version = models.CharField(
        _("terms of use version"),
        max_length=40,
        default="1.0",
        help_text=_("Change it whenever the terms change in substance."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy and cookies policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_version = models.CharField(
        _("privacy notice version"),
        max_length=40,
        default="1.0",
        help_text=_("Change it whenever the privacy notice changes in substance."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_(
            "A line about the administrator and the programme, shown in the footer."
        ),
    )

    panels = [
        FieldPanel("terms_page"),
        FieldPanel("terms_version"),
        FieldPanel("privacy_page"),
        FieldPanel("privacy_version"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        # The table kept its name when the model moved here from the pages app.
        db_table = "pages_legalsettings"
        verbose_name = _("legal documents and footer")
