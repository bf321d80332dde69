"""The people the centre serves, their counsellor, and what stays between them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import PupOffice

from .places import Counsellor


class Client(models.Model):
    """A person served: a learner with an account, or someone staff entered.

    Staff may enter a person who phoned, wrote or came in without a portal account:
    then name and contact details are all there is (`user` empty). A learner's
    client record follows the account's name and address (`name`, `email`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="counselling_client",
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    pup_office = models.ForeignKey(
        PupOffice,
        verbose_name=_("labour office"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    counsellor = models.ForeignKey(
        Counsellor,
        verbose_name=_("assigned counsellor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clients",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("counselling client")
        verbose_name_plural = _("counselling clients")
        ordering = ["last_name", "first_name", "pk"]
        permissions = [
            (
                "counsel",
                "Counsel own clients: availability, sessions, attendance, notes",
            ),
            (
                "manage_centre",
                "Run the counselling centre: schedule, cancellations, complaints",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(last_name="") & ~Q(first_name=""),
                name="counselling_client_named_or_account",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.email
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def contact_email(self) -> str:
        return self.user.email if self.user_id else self.email

    @property
    def office(self):
        return self.user.pup_office if self.user_id else self.pup_office


class MeetingLink(models.Model):
    """One remote-meeting address per client and counsellor, reused (§ 4(1))."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="meeting_links"
    )
    counsellor = models.ForeignKey(
        Counsellor, on_delete=models.CASCADE, related_name="meeting_links"
    )
    url = models.URLField(_("meeting link"), max_length=500)
    sent_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("remote meeting link")
        verbose_name_plural = _("remote meeting links")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "counsellor"], name="counselling_one_link_per_pair"
            )
        ]

    def __str__(self):
        return self.url


class ChangeRequest(models.Model):
    """A client asks for another counsellor (§ 3(8)); the manager decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="change_requests"
    )
    current = models.ForeignKey(
        Counsellor,
        verbose_name=_("current counsellor"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    new_counsellor = models.ForeignKey(
        Counsellor,
        verbose_name=_("new counsellor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_note = models.TextField(_("justification of the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("request to change the counsellor")
        verbose_name_plural = _("requests to change the counsellor")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(status="pending"),
                name="counselling_one_pending_change",
            )
        ]

    def __str__(self):
        return str(self.client)


class Note(models.Model):
    """A counsellor's confidential note on a client: only its author and the manager
    read it; the client gets it in the copy of their data."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="notes")
    counsellor = models.ForeignKey(
        Counsellor, on_delete=models.PROTECT, related_name="notes"
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("counsellor's note")
        verbose_name_plural = _("counsellors' notes")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.client} ({self.created_at:%Y-%m-%d})"
