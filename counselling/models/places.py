"""Where the centre works, who counsels, and the centre's own settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_OFFER_HOURS = 24


class Location(models.Model):
    """A seat of the centre (Kraków, Nowy Sącz, Oświęcim, Tarnów) or the Miechów point.

    Empty fields are what no public source states; pages show what is filled in.
    """

    name = models.CharField(_("name"), max_length=150)
    city = models.CharField(_("city"), max_length=80)
    address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    accessibility = models.TextField(
        _("accessibility of the building"),
        blank=True,
        help_text=_(
            "Entrance, lift, toilet, parking for disabled people, induction loop, "
            "assistance dog: what a visitor needs to know before coming."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order on the list"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("city"),
        FieldPanel("address"),
        FieldPanel("postal_code"),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("accessibility"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("counselling location")
        verbose_name_plural = _("counselling locations")
        ordering = ["sort_order", "city"]

    def __str__(self):
        return self.name

    @property
    def full_address(self) -> str:
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.address, town) if part)


class Counsellor(models.Model):
    """A career counsellor: the direct contact clients are given (§ 3(7))."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.PROTECT,
        related_name="counsellor",
    )
    phone = models.CharField(_("direct phone"), max_length=40, blank=True)
    locations = models.ManyToManyField(
        Location, verbose_name=_("works at"), blank=True, related_name="counsellors"
    )
    works_remotely = models.BooleanField(_("counsels remotely"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("user"),
        FieldPanel("phone"),
        FieldPanel("locations"),
        FieldPanel("works_remotely"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("career counsellor")
        verbose_name_plural = _("career counsellors")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    @property
    def email(self) -> str:
        return self.user.email


@register_setting(icon="date")
class CounsellingSettings(BaseSiteSetting):
    """What the centre's manager (Kierownik CPZ) sets for the whole centre."""

    offer_hours = models.PositiveSmallIntegerField(
        _("hours to confirm a freed workshop place"),
        default=DEFAULT_OFFER_HOURS,
        help_text=_(
            "The first person on the reserve list has this long to confirm. When the "
            "workshop is closer than one day plus this time, offers stop and the "
            "reserve list goes to the manager to phone people."
        ),
    )
    phone = models.CharField(_("centre's phone"), max_length=40, blank=True)
    email = models.EmailField(_("centre's e-mail address"), blank=True)

    panels = [FieldPanel("offer_hours"), FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        verbose_name = _("counselling centre settings")
