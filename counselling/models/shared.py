"""Choices and field groups the bookings and the workshop sign-ups share."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceKind(models.TextChoices):
    INDIVIDUAL = "individual", _("individual counselling")
    REMOTE = "remote", _("remote individual counselling")
    WORKSHOP = "workshop", _("group workshop")


class Channel(models.TextChoices):
    """How a sign-up reached the centre (§ 3(4) of the rules)."""

    ONLINE = "online", _("portal form")
    PHONE = "phone", _("by phone")
    EMAIL = "email", _("by e-mail")
    IN_PERSON = "in_person", _("in person")


class Attendance(models.TextChoices):
    UNMARKED = "", _("not marked")
    PRESENT = "present", _("present")
    EXCUSED = "excused", _("excused absence")
    ABSENT = "absent", _("absent")


class Interpreter(models.TextChoices):
    """Ustawa o języku migowym: the three means of communication one may ask for."""

    NONE = "", _("no interpreter")
    PJM = "pjm", _("Polish Sign Language (PJM)")
    SJM = "sjm", _("sign language system (SJM)")
    SKOGN = "skogn", _("deafblind communication (SKOGN)")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Appointment(models.Model):
    """What a booking and a workshop sign-up have in common.

    `uid` is the calendar UID, the same for every version of the appointment;
    `sequence` rises with each change (RFC 5545). `token` opens the appointment's
    page from an e-mail without signing in. `requested_at` is when the request
    reached the centre: the queue's order; `channel` and `entered_by` say how.
    """

    client = models.ForeignKey(
        "counselling.Client", verbose_name=_("client"), on_delete=models.CASCADE
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token = models.CharField(
        max_length=40, default=new_token, unique=True, editable=False
    )
    sequence = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(_("request received"), db_index=True)
    channel = models.CharField(
        _("channel"), max_length=12, choices=Channel.choices, default=Channel.ONLINE
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attendance = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance.choices,
        blank=True,
        default="",
    )
    interpreter = models.CharField(
        _("sign-language interpreter"),
        max_length=8,
        choices=Interpreter.choices,
        blank=True,
        default="",
    )
    other_needs = models.TextField(_("other needs"), blank=True, max_length=1000)
    reminded_for = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
