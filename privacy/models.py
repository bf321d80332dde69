import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CookieCategory(models.TextChoices):
    NECESSARY = "necessary", _("necessary")
    ANALYTICS = "analytics", _("analytics")
    MULTIMEDIA = "multimedia", _("multimedia")


OPTIONAL_CATEGORIES = [CookieCategory.ANALYTICS, CookieCategory.MULTIMEDIA]


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
    """One consent decision: no person, only a random id kept in their browser."""

    consent_id = models.UUIDField(_("consent id"), default=uuid.uuid4, db_index=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    categories = models.JSONField(_("categories allowed"), default=list)
    policy_version = models.CharField(_("policy version"), max_length=40)

    class Meta:
        verbose_name = _("consent decision")
        verbose_name_plural = _("consent decisions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.consent_id} {self.created_at:%Y-%m-%d}"
