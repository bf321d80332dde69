"""Reads of privacy data that views, tasks and other apps share."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import Site

from .models import DataExport, DataRequest, LegalSettings, RetentionSettings

DUE_SOON = timedelta(days=5)


def exports_available_to(user, now=None):
    """The person's copies of data that are ready and not yet expired."""
    now = now or timezone.now()
    return (
        DataExport.objects.filter(user=user, expires_at__gte=now)
        .exclude(file="")
        .order_by("-ready_at")
    )


def requests_due_soon(*, now):
    """Open requests whose answer is due within DUE_SOON, or overdue."""
    return DataRequest.objects.filter(
        status__in=DataRequest.OPEN, due_at__lte=now + DUE_SOON
    ).order_by("due_at")


def request_handlers():
    """Active accounts whose role handles data-subject requests."""
    permission = Permission.objects.filter(
        content_type__app_label="privacy", codename="change_datarequest"
    ).first()
    if permission is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions=permission) | Q(user_permissions=permission),
            is_active=True,
        )
        .distinct()
    )


def _default_site():
    return Site.objects.filter(is_default_site=True).first()


def retention_periods(site=None) -> RetentionSettings:
    """The retention periods the data-protection officer set (one place for all)."""
    return RetentionSettings.for_site(site or _default_site())


def legal_settings(site=None) -> LegalSettings:
    """The legal documents of a site (the default one when none is given)."""
    settings = LegalSettings.for_site(site or _default_site())
    if settings.terms_page_id or settings.privacy_page_id:
        settings = (
            LegalSettings.objects.select_related("terms_page", "privacy_page")
            .filter(pk=settings.pk)
            .first()
        )
    return settings


def privacy_policy_version(request) -> str:
    """The version of the privacy notice in force, which consent decisions carry."""
    return LegalSettings.for_request(request).privacy_version


def requests_to_answer(*, limit: int) -> dict:
    """What the officer's home shows: open requests by due date, the nearest first.

    Requests still waiting for their e-mail confirmation are counted apart: the
    month to answer starts only with the confirmation. Three queries.
    """
    open_requests = DataRequest.objects.filter(status__in=DataRequest.OPEN)
    return {
        "open_count": open_requests.count(),
        "nearest": list(
            open_requests.order_by(F("due_at").asc(nulls_last=True), "pk")[:limit]
        ),
        "unconfirmed_count": DataRequest.objects.filter(
            status=DataRequest.Status.AWAITING_CONFIRMATION
        ).count(),
    }
