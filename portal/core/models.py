from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One operation by staff on personal data, append-only."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CHANGE = "change", _("changed")
        EXPORT = "export", _("exported")
        DELETE = "delete", _("erased")
        DOWNLOAD = "download", _("downloaded")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    description = models.CharField(_("description"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        # The table kept its name when the log moved here from the privacy app:
        # PostgreSQL's append-only trigger is attached to it.
        db_table = "privacy_auditentry"
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")


class OutboxMessage(models.Model):
    """A background job, recorded in the same transaction as the change needing it.

    The relay hands it to Celery until a worker reports it done, so a broker
    outage or a restart that empties the broker delays a job and never loses it.
    """

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    due_at = models.DateTimeField(_("hand over again at"))
    attempts = models.PositiveIntegerField(_("times handed over"), default=0)
    sent_at = models.DateTimeField(_("last handed over at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    # A job whose arguments must not outlive it (the notice to an erased person).
    forget_when_done = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=models.Q(done_at__isnull=True, failed_at__isnull=True),
                name="outbox_pending",
            ),
            models.Index(fields=["created_at"], name="outbox_created"),
        ]

    def __str__(self):
        return f"{self.task}{self.args}"
