"""Data-subject requests (RODO art. 15–18, 20, 21): filing, deadlines, answers."""

import hashlib

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import outbox
from portal.core.dates import add_months
from portal.core.mail import email_send
from portal.core.ratelimit import rate_limit_allow

from ..information import information_sections, processing_information
from ..models import DataExport, DataRequest, DataRequestEvent
from ..selectors import retention_periods
from ..tasks import data_export_build_task
from .erasure import person_erase


class DuplicateRequest(Exception):
    pass


class RequestRuleError(Exception):
    pass


CONFIRM_SALT = "privacy.request-confirm"
# (how many, within seconds) filings through the public form
PUBLIC_LIMIT_PER_CLIENT = (10, 60 * 60)
PUBLIC_LIMIT_PER_EMAIL = (5, 24 * 60 * 60)


def _event(request, action, actor=None, note=""):
    DataRequestEvent.objects.create(
        request=request, actor=actor, action=action, note=note
    )


def _notify(request, template, *, forget_after_sending=False, **context):
    email_send(
        template=f"privacy/email/{template}",
        to=request.requester_email,
        context={"request": request, **context},
        essential=True,
        forget_after_sending=forget_after_sending,
    )


def open_request_of(*, kind, email, user=None):
    """The person's confirmed open request of this kind, if any.

    Only confirmed requests count: a request awaiting its e-mail link may have been
    filed by anyone with the person's address, and must not stand in their way.
    """
    same_person = Q(requester_email__iexact=email) | (
        Q(user=user) if user else Q(pk__in=[])
    )
    return (
        DataRequest.objects.filter(same_person, kind=kind, status__in=DataRequest.OPEN)
        .order_by("received_at")
        .first()
    )


@transaction.atomic
def data_request_create(
    *, kind, details="", user=None, name="", email="", confirmed=True
):
    """File a request; a second open one of the same type and person is refused.

    An unconfirmed request (filed without an account, `confirmed=False`) neither
    is refused nor refuses others: it only waits for its e-mail link.
    """
    email = (user.email if user else email).lower()
    if confirmed and open_request_of(kind=kind, email=email, user=user):
        raise DuplicateRequest
    now = timezone.now()
    request = DataRequest.objects.create(
        user=user,
        requester_name=user.get_full_name() if user else name,
        requester_email=email,
        kind=kind,
        details=details,
        status=DataRequest.Status.RECEIVED
        if confirmed
        else DataRequest.Status.AWAITING_CONFIRMATION,
        received_at=now if confirmed else None,
        due_at=add_months(now, 1) if confirmed else None,
    )
    _event(request, DataRequestEvent.Action.FILED, actor=user)
    if confirmed:
        _notify(request, "request_received")
    return request


def public_request_allowed(*, client_key: str, email: str) -> bool:
    """Count one filing through the public form; False past either limit.

    One limit is per client address, the other per target e-mail address (hashed
    in the cache key), so that nobody floods a stranger's mailbox.
    """
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    limit, window = PUBLIC_LIMIT_PER_CLIENT
    if not rate_limit_allow(
        key=f"data-request:client:{client_key}", limit=limit, window=window
    ):
        return False
    limit, window = PUBLIC_LIMIT_PER_EMAIL
    return rate_limit_allow(
        key=f"data-request:email:{digest}", limit=limit, window=window
    )


def confirmation_token(request) -> str:
    return signing.dumps(request.pk, salt=CONFIRM_SALT)


def request_by_token(token: str):
    """The request a confirmation link names, None once gone.

    Raises `signing.SignatureExpired` after the link's hours (the same hours after
    which retention deletes the unconfirmed request) and `signing.BadSignature`
    for a link that was never sent.
    """
    hours = retention_periods().request_confirmation_hours
    pk = signing.loads(token, salt=CONFIRM_SALT, max_age=hours * 60 * 60)
    return DataRequest.objects.filter(pk=pk).first()


@transaction.atomic
def data_request_file_public(*, kind, name, email, details="") -> None:
    """File a request without an account; only the address's mailbox learns more.

    With a confirmed open request of this kind from the address, nothing is filed
    and the mailbox is told so; otherwise the request waits for the link sent
    there. Whoever typed the address sees the same answer either way.
    """
    email = email.lower()
    existing = open_request_of(kind=kind, email=email)
    if existing is not None:
        email_send(
            template="privacy/email/request_already_open",
            to=email,
            context={"request": existing},
            essential=True,
        )
        return
    request = data_request_create(
        kind=kind, details=details, name=name, email=email, confirmed=False
    )
    email_send(
        template="privacy/email/request_confirm",
        to=email,
        context={
            "request": request,
            "path": reverse(
                "privacy:confirm_request", args=[confirmation_token(request)]
            ),
            "hours": retention_periods().request_confirmation_hours,
        },
        essential=True,
    )


@transaction.atomic
def data_request_confirm(*, request):
    """The e-mail link of a request filed without an account was opened.

    Returns the request that counts: this one, or the one of the same kind from
    the address that was confirmed in the meantime (this one is then dropped).
    """
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != DataRequest.Status.AWAITING_CONFIRMATION:
        return request
    existing = open_request_of(kind=request.kind, email=request.requester_email)
    if existing is not None:
        request.delete()
        return existing
    now = timezone.now()
    request.status = request.Status.RECEIVED
    request.received_at = now
    request.due_at = add_months(now, 1)
    request.save(update_fields=["status", "received_at", "due_at"])
    _event(request, DataRequestEvent.Action.CONFIRMED)
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
    _event(request, DataRequestEvent.Action.EXTENDED, actor=by, note=reason)
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
    action = DataRequestEvent.Action
    _event(request, action.REJECTED if rejected else action.COMPLETED, by, outcome)
    kept, information = [], None
    if not rejected and request.kind == request.Kind.INFORMATION:
        information = information_sections(processing_information())
    if not rejected and request.user_id:
        if request.kind == request.Kind.COPY:
            data_export_create(user=request.user, request=request)
        elif request.kind == request.Kind.PORTABILITY:
            data_export_create(
                user=request.user, request=request, kind=DataExport.Kind.PORTABILITY
            )
        elif request.kind == request.Kind.ERASURE:
            kept = person_erase(user=request.user, by=by)
        elif request.kind == request.Kind.RESTRICTION:
            request.user.processing_restricted = True
            request.user.save(update_fields=["processing_restricted"])
    erased = not rejected and request.kind == request.Kind.ERASURE
    _notify(
        request,
        "request_rejected" if rejected else "request_completed",
        # The notice of an erasure is the last thing sent; no copy stays behind.
        forget_after_sending=erased,
        kept=kept,
        information=information,
    )
    return request


def data_export_create(*, user, request=None, kind=DataExport.Kind.COPY):
    """Start building a copy of data, or data to take away; the owner is told."""
    export = DataExport.objects.create(user=user, request=request, kind=kind)
    outbox.enqueue(data_export_build_task, export.pk)
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
    _event(request, DataRequestEvent.Action.RESTRICTION_LIFTED, actor=by)
    return request
