"""Data-subject requests (RODO art. 15–18, 21): filing, deadlines, answers."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.dates import add_months
from portal.core.mail import email_send

from ..models import DataExport, DataRequest, DataRequestEvent
from ..tasks import data_export_build_task
from .erasure import person_erase


class DuplicateRequest(Exception):
    pass


class RequestRuleError(Exception):
    pass


def _event(request, action, actor=None, note=""):
    DataRequestEvent.objects.create(
        request=request, actor=actor, action=action, note=note
    )


def _notify(request, template, **context):
    email_send(
        template=f"privacy/email/{template}",
        to=request.requester_email,
        context={"request": request, **context},
        essential=True,
    )


@transaction.atomic
def data_request_create(
    *, kind, details="", user=None, name="", email="", confirmed=True
):
    """File a request; a second open one of the same type and person is refused."""
    email = (user.email if user else email).lower()
    same_person = Q(requester_email__iexact=email) | (
        Q(user=user) if user else Q(pk=None)
    )
    if DataRequest.objects.filter(
        same_person, kind=kind, status__in=[*DataRequest.OPEN, "unconfirmed"]
    ).exists():
        raise DuplicateRequest
    now = timezone.now()
    request = DataRequest.objects.create(
        user=user,
        requester_name=user.get_full_name() if user else name,
        requester_email=email,
        kind=kind,
        details=details,
        status=DataRequest.Status.RECEIVED if confirmed else "unconfirmed",
        received_at=now if confirmed else None,
        due_at=add_months(now, 1) if confirmed else None,
    )
    _event(request, "filed", actor=user)
    if confirmed:
        _notify(request, "request_received")
    return request


@transaction.atomic
def data_request_confirm(*, request):
    """The e-mail link of a request filed without an account was opened."""
    if request.status != "unconfirmed":
        return request
    now = timezone.now()
    request.status = request.Status.RECEIVED
    request.received_at = now
    request.due_at = add_months(now, 1)
    request.save(update_fields=["status", "received_at", "due_at"])
    _event(request, "confirmed")
    _notify(request, "request_received")
    return request


@transaction.atomic
def data_request_extend(*, request, by, reason: str, months: int = 2):
    """Extend by up to two months (art. 12(3)), only with reasons told to the person."""
    if not request.is_open or request.status == request.Status.EXTENDED:
        raise RequestRuleError(_("Only a request not yet extended can be extended."))
    if not reason.strip():
        raise RequestRuleError(_("An extension needs reasons."))
    if not 1 <= months <= 2:
        raise RequestRuleError(_("An extension is one or two months."))
    if timezone.now() > request.due_at:
        raise RequestRuleError(_("The extension must be told within the first month."))
    request.status = request.Status.EXTENDED
    request.extension_reason = reason.strip()
    request.due_at = add_months(request.received_at, 1 + months)
    request.save(update_fields=["status", "extension_reason", "due_at"])
    _event(request, "extended", actor=by, note=reason)
    _notify(request, "request_extended")
    return request


@transaction.atomic
def data_request_close(*, request, by, outcome: str, rejected: bool = False):
    """Answer the request, or refuse it with reasons and the right to complain."""
    if not request.is_open:
        raise RequestRuleError(_("The request is already closed."))
    if rejected and not outcome.strip():
        raise RequestRuleError(_("A refusal needs reasons."))
    request.status = request.Status.REJECTED if rejected else request.Status.COMPLETED
    request.outcome = outcome.strip()
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "outcome", "closed_at"])
    _event(request, "rejected" if rejected else "completed", actor=by, note=outcome)
    kept = []
    if not rejected and request.user_id:
        if request.kind == request.Kind.COPY:
            data_export_create(user=request.user, request=request)
        elif request.kind == request.Kind.ERASURE:
            kept = person_erase(user=request.user, by=by)
        elif request.kind == request.Kind.RESTRICTION:
            request.user.processing_restricted = True
            request.user.save(update_fields=["processing_restricted"])
    _notify(request, "request_rejected" if rejected else "request_completed", kept=kept)
    return request


def data_export_create(*, user, request=None):
    """Start building a copy of the person's data; they are told when it is ready."""
    export = DataExport.objects.create(user=user, request=request)
    transaction.on_commit(lambda: data_export_build_task.delay(export.pk))
    return export


@transaction.atomic
def restriction_lift(*, request, by):
    """Lift a restriction, telling the person first (RODO art. 18(3))."""
    user = request.user
    if user is None or not user.processing_restricted:
        raise RequestRuleError(_("This person's processing is not restricted."))
    _notify(request, "restriction_lifted")
    user.processing_restricted = False
    user.save(update_fields=["processing_restricted"])
    _event(request, "restriction lifted", actor=by)
    return request
