"""Group counselling: workshop dates and the sign-ups, in the order they came in."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .pages import ServicePage
from .places import Counsellor, Location
from .shared import Appointment


class Workshop(models.Model):
    """One date of a workshop topic (a `ServicePage` of kind "workshop")."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled by the centre")

    class CancelReason(models.TextChoices):
        """The only reasons § 5(1) of the rules allows."""

        TOO_FEW = "too_few", _("too few participants signed up")
        LEADER_ILL = (
            "leader_ill",
            _("the leader is suddenly unwell and nobody can stand in"),
        )

    service = models.ForeignKey(
        ServicePage,
        verbose_name=_("workshop topic"),
        on_delete=models.PROTECT,
        related_name="workshops",
        limit_choices_to={"kind": "workshop"},
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    leader = models.ForeignKey(
        Counsellor,
        verbose_name=_("leader"),
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveSmallIntegerField(_("places"))
    min_participants = models.PositiveSmallIntegerField(
        _("minimum number of participants")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    cancel_reason = models.CharField(
        _("reason for cancelling"),
        max_length=12,
        choices=CancelReason.choices,
        blank=True,
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    phone_list_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workshop date")
        verbose_name_plural = _("workshop dates")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="counselling_workshop_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(min_participants__lte=F("capacity")),
                name="counselling_workshop_sizes",
            ),
        ]

    def __str__(self):
        return f"{self.service.title} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class Signup(Appointment):
    """A place on a workshop, or a position on its reserve list.

    The reserve list is ordered by `requested_at`, then by id. An offer of a freed
    place waits until `offer_expires_at`; then it passes to the next person.
    """

    class Status(models.TextChoices):
        PARTICIPANT = "participant", _("place confirmed")
        RESERVE = "reserve", _("on the reserve list")
        OFFERED = "offered", _("place offered, waiting for confirmation")
        LEFT = "left", _("withdrew")
        OFFER_EXPIRED = "offer_expired", _("offer not confirmed in time")
        CANCELLED_BY_CENTRE = (
            "cancelled_by_centre",
            _("workshop cancelled by the centre"),
        )

    LIVE = (Status.PARTICIPANT, Status.RESERVE, Status.OFFERED)
    HOLDS_PLACE = (Status.PARTICIPANT, Status.OFFERED)

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        related_name="signups",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    offer_expires_at = models.DateTimeField(
        _("offer valid until"), null=True, blank=True
    )
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workshop sign-up")
        verbose_name_plural = _("workshop sign-ups")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "client"],
                condition=Q(status__in=["participant", "reserve", "offered"]),
                name="counselling_one_live_signup",
            )
        ]
        indexes = [models.Index(fields=["workshop", "status", "requested_at"])]

    def __str__(self):
        return f"{self.client} – {self.workshop}"

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE

    @property
    def starts_at(self):
        return self.workshop.starts_at

    @property
    def leader(self):
        return self.workshop.leader

    @property
    def place(self):
        return self.workshop.location

    @property
    def ends_at(self):
        return self.workshop.ends_at
