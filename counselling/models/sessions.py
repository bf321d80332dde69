"""Individual counselling: the times counsellors offer, and the bookings of them."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .places import Counsellor, Location
from .shared import Appointment


class Slot(models.Model):
    """A time a counsellor offers: at a location, or remote when `location` is empty."""

    counsellor = models.ForeignKey(
        Counsellor,
        verbose_name=_("counsellor"),
        on_delete=models.CASCADE,
        related_name="slots",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="slots",
        help_text=_("Leave empty for a remote meeting."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("free time")
        verbose_name_plural = _("free times")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="counselling_slot_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["counsellor", "starts_at"],
                name="counselling_one_slot_per_start",
            ),
        ]
        indexes = [models.Index(fields=["starts_at", "counsellor"])]

    def __str__(self):
        return f"{self.counsellor} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_remote(self) -> bool:
        return self.location_id is None


class Booking(Appointment):
    """A client's individual (or remote) session on one slot.

    Moving changes the slot and raises `sequence`; the calendar UID stays. At most
    one live booking holds a slot: a partial unique index, and the booking service
    locks the slot's row before it looks.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        CANCELLED = "cancelled", _("cancelled by the client")
        CANCELLED_BY_CENTRE = "cancelled_by_centre", _("cancelled by the centre")

    slot = models.ForeignKey(
        Slot, verbose_name=_("time"), on_delete=models.PROTECT, related_name="bookings"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    phone = models.CharField(
        _("phone for when the connection drops"), max_length=40, blank=True
    )
    remote_rules_accepted_at = models.DateTimeField(null=True, blank=True)
    topic = models.TextField(
        _("what the client would like to talk about"), blank=True, max_length=1000
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("individual session")
        verbose_name_plural = _("individual sessions")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(status="booked"),
                name="counselling_slot_booked_once",
            )
        ]

    def __str__(self):
        return f"{self.client} – {self.slot}"

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.BOOKED

    @property
    def starts_at(self):
        return self.slot.starts_at

    @property
    def leader(self):
        return self.slot.counsellor

    @property
    def place(self):
        """The location, or None for a remote session."""
        return self.slot.location

    @property
    def ends_at(self):
        return self.slot.ends_at
