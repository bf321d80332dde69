"""Complaints about a service ("zastrzeżenia", § 7 of the centre's rules)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .clients import Client
from .sessions import Booking
from .shared import Channel
from .workshops import Signup


class Complaint(models.Model):
    """A complaint, filed online by the client or registered by staff.

    `received_on` is the postmark, the fax's or the visit's date (§ 7(1)); the due
    date is 14 calendar days later (§ 7(4)) unless extended with a reason and a
    notice to the client. A complaint filed after the 5 days is flagged late and
    may be left unexamined with a reason (§ 7(6)).
    """

    class Channel(models.TextChoices):
        ONLINE = "online", _("portal form")
        POST = "post", _("registered letter")
        FAX = "fax", _("fax")
        IN_PERSON = "in_person", _("in person")
        EMAIL = "email", _("e-mail")

    class Status(models.TextChoices):
        OPEN = "open", _("being examined")
        UPHELD = "upheld", _("upheld")
        REJECTED = "rejected", _("not upheld")
        UNEXAMINED = "unexamined", _("left unexamined")

    client = models.ForeignKey(
        Client,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
    )
    booking = models.ForeignKey(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
    )
    signup = models.ForeignKey(
        Signup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
    )
    full_name = models.CharField(_("name and surname"), max_length=200)
    address = models.TextField(_("address"), max_length=500)
    email = models.EmailField(_("e-mail address"), blank=True)
    service_name = models.CharField(_("service"), max_length=200)
    service_date = models.DateField(_("date of the service"))
    service_place = models.CharField(_("place of the service"), max_length=200)
    justification = models.TextField(
        _("what the complaint is about and why"), max_length=5000
    )
    channel = models.CharField(
        _("how it came in"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.ONLINE,
    )
    received_on = models.DateField(_("date received"))
    is_late = models.BooleanField(_("filed after the deadline"), default=False)
    due_on = models.DateField(_("answer due"))
    extension_reason = models.TextField(_("reason for more time"), blank=True)
    extended_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    decision = models.TextField(_("decision and its justification"), blank=True)
    corrective_action = models.TextField(
        _("corrective action agreed with the client"), blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_emailed_at = models.DateTimeField(null=True, blank=True)
    decision_posted_on = models.DateField(
        _("decision sent by post on"), null=True, blank=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("complaint about a service")
        verbose_name_plural = _("complaints about services")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.full_name} – {self.service_name} ({self.received_on:%d.%m.%Y})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


# The appointment channels and the complaint channels share their online value.
assert Channel.ONLINE == Complaint.Channel.ONLINE
