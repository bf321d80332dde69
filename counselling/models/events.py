"""The log of every step of a booking, a sign-up, a workshop and a complaint.

A complaint may question the order of the reserve list: each sign-up, offer,
confirmation, expiry, promotion, move and cancellation is written here with its
time and who did it. Rows are only added.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    class Action(models.TextChoices):
        BOOKED = "booked", _("booked")
        MOVED = "moved", _("moved to another time")
        CANCELLED = "cancelled", _("cancelled by the client")
        CANCELLED_BY_CENTRE = "cancelled_by_centre", _("cancelled by the centre")
        SIGNED_UP = "signed_up", _("signed up for a place")
        RESERVE = "reserve", _("put on the reserve list")
        OFFERED = "offered", _("offered a freed place")
        CONFIRMED = "confirmed", _("confirmed the offered place")
        DECLINED = "declined", _("declined the offered place")
        OFFER_EXPIRED = "offer_expired", _("offer expired")
        LEFT = "left", _("withdrew")
        PHONE_LIST = "phone_list", _("reserve list sent to the manager")
        ATTENDANCE = "attendance", _("attendance marked")
        LINK_SENT = "link_sent", _("meeting link sent")
        COUNSELLOR_CHANGED = "counsellor_changed", _("counsellor changed")
        CHANGE_FILED = "change_filed", _("asked for another counsellor")
        CHANGE_DECIDED = "change_decided", _("request to change the counsellor decided")
        COMPLAINT_FILED = "complaint_filed", _("complaint filed")
        COMPLAINT_EXTENDED = (
            "complaint_extended",
            _("time to answer a complaint extended"),
        )
        COMPLAINT_DECIDED = "complaint_decided", _("complaint decided")
        WORKSHOP_MOVED = "workshop_moved", _("workshop moved")

    action = models.CharField(_("what happened"), max_length=24, choices=Action.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    booking = models.ForeignKey(
        "counselling.Booking",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    signup = models.ForeignKey(
        "counselling.Signup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    workshop = models.ForeignKey(
        "counselling.Workshop",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    complaint = models.ForeignKey(
        "counselling.Complaint",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    client = models.ForeignKey(
        "counselling.Client",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("counselling log entry")
        verbose_name_plural = _("counselling log")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_action_display()}"
